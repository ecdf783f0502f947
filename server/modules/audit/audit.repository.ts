import type { AuditAction, AuditEntityType, AuditEntryView, AuditPage, AuditQuery } from '../../../contracts/audit';
import { sql } from 'kysely';
import type { Bilingual, Locale } from '../../../contracts/common';
import { json, type Executor } from '../../platform/db';
import type { Actor, TeamScope } from '../../platform/context';
import { nowIso } from '../../platform/ids';

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  teamId?: string | null;
  /** What happened, in both languages; the log is read in the reader's. */
  summary: Bilingual;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Written inside the same transaction as the change it records, so the log and the data never disagree. */
export async function recordAudit(db: Executor, actor: Pick<Actor, 'userId' | 'label'>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_user_id: actor.userId,
      actor_label: actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      team_id: entry.teamId ?? null,
      summary: json.stringify(entry.summary),
      before_json: entry.before ? json.stringify(entry.before) : null,
      after_json: entry.after ? json.stringify(entry.after) : null,
    })
    .execute();
}

function localSummary(stored: string, locale: Locale): string {
  const b = json.parse<Partial<Bilingual> | string>(stored, stored);
  if (typeof b !== 'object' || b === null) return stored;
  return (locale === 'zh-CN' ? b.zh : b.en) ?? b.en ?? b.zh ?? stored;
}

/** Only the keys whose values differ, so the log shows what changed rather than whole records. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/** Callers scoped to some teams see only entries about those teams; company-wide entries need the 'all' scope. */
export async function listAudit(db: Executor, scope: TeamScope, q: AuditQuery, locale: Locale): Promise<AuditPage> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(q.limit + 1);
  if (scope !== 'all') query = scope.length ? query.where('team_id', 'in', [...scope]) : query.where(sql<boolean>`1 = 0`);
  if (q.actorUserId) query = query.where('actor_user_id', '=', q.actorUserId);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('at', '>=', new Date(q.from).toISOString());
  if (q.to) query = query.where('at', '<=', new Date(q.to).toISOString());
  if (q.before) query = query.where('id', '<', q.before);
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const items: AuditEntryView[] = page.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    action: r.action as AuditAction,
    entityType: r.entity_type,
    entityId: r.entity_id,
    summary: localSummary(r.summary, locale),
    before: json.parse(r.before_json, null),
    after: json.parse(r.after_json, null),
  }));
  return { items, nextBefore: rows.length > q.limit ? Number(page[page.length - 1]!.id) : null };
}
