import { EventKind, NormalizedEventFields, NormalizedEventInput } from '../../../../contracts/ingest';
import { buildEvent, events, field, idOf, isRecord, neverThrows, receivedIso, unknownEvent, userOf, type Adapt, type AdaptContext, type AdaptResult } from './event';

/**
 * Showrunner's own format (NormalizedEventInput): custom bridges for other platforms, the host's speech transcript
 * and orders. Validated by the contract's schema, so a bridge gets the same messages the API documents.
 */

const PLATFORM = 'custom';
const KNOWN_KINDS: ReadonlySet<string> = new Set(EventKind.options.filter((kind) => kind !== 'unknown'));

function isoOrNull(value: unknown): string | null {
  if (!NormalizedEventFields.shape.at.safeParse(value).success) return null;
  const ms = Date.parse(value as string);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function adaptNormalized(item: unknown, ctx: AdaptContext): AdaptResult {
  const kind = field(item, 'kind');
  // A kind this version does not know (a newer bridge, or 'unknown' itself) is kept whole rather than rejected.
  if (isRecord(item) && typeof kind === 'string' && kind.trim() !== '' && !KNOWN_KINDS.has(kind)) {
    return events(unknownEvent(PLATFORM, kind, item, isoOrNull(item.at) ?? receivedIso(ctx), idOf(item.id)));
  }
  const parsed = NormalizedEventInput.safeParse(item);
  if (!parsed.success) {
    return { error: parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ') };
  }
  const input = parsed.data;
  const at = isoOrNull(input.at);
  if (at === null) return { error: 'at: an ISO-8601 date-time / at 须为 ISO-8601 时间' };
  const computed =
    input.unit !== undefined && input.unitAmount !== undefined && input.fenPerUnit !== undefined ? Math.round(input.unitAmount * input.fenPerUnit) : null;
  return events(
    buildEvent({
      kind: input.kind,
      platform: PLATFORM,
      sourceType: input.kind,
      at,
      platformMsgId: input.id ?? null,
      user: userOf(input.user?.id, input.user?.name),
      text: input.text ? input.text : null,
      count: input.count ?? null,
      valueFen: input.valueFen ?? computed,
      unit: input.unit ?? null,
      unitAmount: input.unitAmount ?? null,
      fenPerUnit: input.fenPerUnit ?? null,
      orderId: input.orderId ?? null,
      productRef: input.productRef ?? null,
      buyerRef: input.buyerRef ?? null,
      status: input.status ?? null,
    }),
  );
}

/** Adapt one item of Showrunner's normalized format; never throws. */
export const adapt: Adapt = neverThrows(adaptNormalized);
