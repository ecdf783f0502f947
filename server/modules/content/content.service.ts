import type {
  ApproveInput,
  CommentInput,
  CommentView,
  ContentDetailView,
  ContentItemInput,
  ContentKind,
  ContentState,
  ContentVersionInput,
  DiffView,
  RequestChangesInput,
  VersionView,
  WaiverInput,
  WaiverView,
} from '../../../contracts/content';
import type { Bilingual } from '../../../contracts/common';
import { inScope, type Actor, type Deps } from '../../platform/context';
import { json, withTransaction, type Db, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';
import { currentRules } from '../compliance/compliance.registry';
import { findRoomRow } from '../team/team.repository';
import * as repo from './content.repository';
import { CONTEXT_OF, diffTexts, missingContent, missingContentCode, nextState, openBlocks, scannerCategory, stateAfterNewVersion, withWaivers, type ContentAction, type StoredFinding } from './content.rules';

const KIND_ZH: Record<ContentKind, string> = { script: '脚本', title: '标题', cover_text: '封面文案', product_copy: '商品文案' };
const KIND_EN: Record<ContentKind, string> = { script: 'script', title: 'title', cover_text: 'cover text', product_copy: 'product copy' };
const STATE_ZH: Record<ContentState, string> = { draft: '草稿', in_review: '审核中', approved: '已通过', changes_requested: '需修改' };

/** Scans a body with the current stored rules: the findings stored on the version, and the revision they came from. */
export async function scanBody(root: Db, db: Executor, kind: ContentKind, category: string | null, body: string): Promise<{ findings: StoredFinding[]; revision: number }> {
  const { revision, scanner } = await currentRules(root, db);
  const findings = scanner.scan({ text: body, context: CONTEXT_OF[kind], category: scannerCategory(category) }).map((f) => ({
    term: f.term,
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    start: f.start,
    end: f.end,
    evasion: [...f.evasion],
    suggestion: f.suggestion ?? null,
  }));
  return { findings, revision };
}

async function loadOrThrow(db: Executor, actor: Actor, id: string) {
  const row = await repo.findItemRow(db, actor.scope, id);
  if (!row) throw new DomainError('content/not-found');
  return row;
}

const label = (row: { kind: string; name: string }): Bilingual => ({
  zh: `${KIND_ZH[row.kind as ContentKind] ?? row.kind}「${row.name}」`,
  en: `${KIND_EN[row.kind as ContentKind] ?? row.kind} "${row.name}"`,
});

/** Queues an in-console notification for each user except the one acting. */
async function notify(db: Executor, actor: Actor, userIds: readonly (string | null)[], n: { kind: string; severity: 'info' | 'warn'; title: Bilingual; body: string; link: string; sessionId: string | null }) {
  const users = [...new Set(userIds.filter((u): u is string => !!u && u !== actor.userId))];
  if (!users.length) return;
  const at = nowIso();
  await db
    .insertInto('notifications')
    .values(users.map((user_id) => ({ user_id, kind: n.kind, severity: n.severity, title_zh: n.title.zh, title_en: n.title.en, body: n.body.slice(0, 2000), link: n.link, session_id: n.sessionId, read_at: null, created_at: at })))
    .execute();
}

/** Where a new item belongs: the session's room and team, else the room's team, else the given team (in the caller's scope). */
async function resolveLinks(db: Executor, actor: Actor, input: Pick<ContentItemInput, 'sessionId' | 'roomId' | 'productId' | 'teamId' | 'category'>) {
  let roomId = input.roomId ?? null;
  let teamId: string | null = null;
  if (input.sessionId) {
    const s = await db.selectFrom('live_sessions as s').innerJoin('rooms as r', 'r.id', 's.room_id').select(['s.room_id', 'r.team_id']).where('s.id', '=', input.sessionId).executeTakeFirst();
    if (!s || !inScope(actor.scope, s.team_id)) throw new DomainError('session/not-found', [{ path: 'sessionId', message: input.sessionId }]);
    if (roomId && roomId !== s.room_id) throw new DomainError('content/link-mismatch', [{ path: 'roomId', message: roomId }]);
    roomId = s.room_id;
    teamId = s.team_id;
  } else if (roomId) {
    const room = await findRoomRow(db, actor.scope, roomId);
    if (!room) throw new DomainError('room/not-found', [{ path: 'roomId', message: roomId }]);
    teamId = room.team_id;
  } else if (input.teamId) {
    if (!inScope(actor.scope, input.teamId) || !(await db.selectFrom('teams').select('id').where('id', '=', input.teamId).executeTakeFirst())) {
      throw new DomainError('team/not-found', [{ path: 'teamId', message: input.teamId }]);
    }
    teamId = input.teamId;
  } else if (actor.scope !== 'all' && actor.scope.length === 1) {
    teamId = actor.scope[0]!;
  }
  if (!teamId) throw new DomainError('content/team-required', [{ path: 'teamId', message: 'required / 必填' }]);
  let category: string | null = input.category ?? null;
  if (input.productId) {
    const product = await db.selectFrom('products').select(['id', 'category']).where('id', '=', input.productId).executeTakeFirst();
    if (!product) throw new DomainError('product/not-found', [{ path: 'productId', message: input.productId }]);
    category = input.category ?? product.category;
  } else if (!category && input.sessionId) {
    category = await sessionCategory(db, input.sessionId);
  }
  return { roomId, teamId, category, sessionId: input.sessionId ?? null, productId: input.productId ?? null };
}

/**
 * The product category a session mostly sells (by slots of its run of show, ties to the earlier slot), so a beauty
 * show's script is held to the cosmetics efficacy rules; null without a run of show.
 */
async function sessionCategory(db: Executor, sessionId: string): Promise<string | null> {
  const rows = await db.selectFrom('session_slots as sl').innerJoin('products as p', 'p.id', 'sl.product_id').select(['p.category', 'sl.position']).where('sl.session_id', '=', sessionId).orderBy('sl.position').execute();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  let best: string | null = null;
  for (const [category, n] of counts) if (best === null || n > counts.get(best)!) best = category;
  return best;
}

export async function createItem(deps: Deps, actor: Actor, input: ContentItemInput, id = newId()): Promise<ContentDetailView> {
  await withTransaction(deps.db, async (trx) => {
    const links = await resolveLinks(trx, actor, input);
    const at = nowIso();
    const { findings, revision } = await scanBody(deps.db, trx, input.kind, links.category, input.body);
    await trx
      .insertInto('content_items')
      .values({
        id,
        team_id: links.teamId,
        room_id: links.roomId,
        session_id: links.sessionId,
        product_id: links.productId,
        kind: input.kind,
        name: input.name,
        category: links.category,
        state: 'draft',
        current_version: 1,
        created_by: actor.userId,
        reviewed_by: null,
        reviewed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx.insertInto('content_versions').values({ item_id: id, number: 1, body: input.body, note: input.note ?? null, author_id: actor.userId, findings: json.stringify(findings), revision, created_at: at }).execute();
    const l = label(input);
    await recordAudit(trx, actor, {
      action: 'create',
      entityType: 'content-item',
      entityId: id,
      teamId: links.teamId,
      summary: { zh: `新建${l.zh}（${findings.length} 处提示）`, en: `Created ${l.en} (${findings.length} findings)` },
      after: { kind: input.kind, name: input.name, sessionId: links.sessionId, roomId: links.roomId, productId: links.productId, category: links.category, version: 1 },
    });
  });
  return getDetail(deps.db, actor, id);
}

export async function getDetail(db: Executor, actor: Actor, id: string): Promise<ContentDetailView> {
  const view = await repo.findItemView(db, actor.scope, id);
  if (!view) throw new DomainError('content/not-found');
  const [versions, waivers, comments] = await Promise.all([repo.listVersions(db, id), repo.listWaivers(db, id), repo.listComments(db, id)]);
  const current = versions.find((v) => v.number === view.currentVersion)!;
  const currentWaivers = waivers.filter((w) => w.version === view.currentVersion);
  return {
    ...view,
    body: current.body,
    findings: withWaivers(current.findings, currentWaivers.map((w) => ({ id: w.id, rule: w.rule, span_start: w.start, span_end: w.end }))),
    waivers,
    comments,
    versions: versions.map(({ body: _b, findings: _f, revision: _r, ...summary }) => summary),
  };
}

export async function getVersion(db: Executor, actor: Actor, id: string, number: number): Promise<VersionView> {
  await loadOrThrow(db, actor, id);
  const versions = await repo.listVersions(db, id);
  const v = versions.find((x) => x.number === number);
  if (!v) throw new DomainError('content/version-not-found');
  const waivers = await repo.listWaivers(db, id, number);
  return { ...v, findings: withWaivers(v.findings, waivers.map((w) => ({ id: w.id, rule: w.rule, span_start: w.start, span_end: w.end }))) };
}

export async function diffVersions(db: Executor, actor: Actor, id: string, from: number, to: number, by: 'char' | 'line'): Promise<DiffView> {
  await loadOrThrow(db, actor, id);
  const [a, b] = await Promise.all([repo.findVersion(db, id, from), repo.findVersion(db, id, to)]);
  if (!a) throw new DomainError('content/version-not-found', [{ path: 'from', message: String(from) }]);
  if (!b) throw new DomainError('content/version-not-found', [{ path: 'to', message: String(to) }]);
  return { from, to, ...diffTexts(a.body, b.body, by) };
}

/** Saves a new version, scanned with the current rules. Approval is per version: an approved item becomes a draft again. */
export async function saveVersion(deps: Deps, actor: Actor, id: string, input: ContentVersionInput): Promise<ContentDetailView> {
  await withTransaction(deps.db, async (trx) => {
    const item = await loadOrThrow(trx, actor, id);
    if (input.baseVersion !== undefined && input.baseVersion !== item.current_version) throw new DomainError('content/stale-version', [{ path: 'baseVersion', message: String(item.current_version) }]);
    const current = (await repo.findVersion(trx, id, item.current_version))!;
    if (current.body === input.body) throw new DomainError('content/unchanged', [{ path: 'body', message: 'unchanged / 未修改' }]);
    const number = item.current_version + 1;
    const { findings, revision } = await scanBody(deps.db, trx, item.kind as ContentKind, item.category, input.body);
    const at = nowIso();
    const state = stateAfterNewVersion(item.state as ContentState);
    await trx.insertInto('content_versions').values({ item_id: id, number, body: input.body, note: input.note ?? null, author_id: actor.userId, findings: json.stringify(findings), revision, created_at: at }).execute();
    await trx
      .updateTable('content_items')
      .set({ current_version: number, state, updated_at: at, ...(state !== item.state ? { reviewed_by: null, reviewed_at: null } : {}) })
      .where('id', '=', id)
      .execute();
    const l = label(item);
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'content-item',
      entityId: id,
      teamId: item.team_id,
      summary: {
        zh: `${l.zh} 保存第 ${number} 版（${findings.length} 处提示）${state !== item.state ? `，状态：${STATE_ZH[item.state as ContentState]} → ${STATE_ZH[state]}` : ''}`,
        en: `${l.en}: version ${number} saved (${findings.length} findings)${state !== item.state ? `, ${item.state} → ${state}` : ''}`,
      },
      before: { version: item.current_version, state: item.state },
      after: { version: number, state, ...(input.note ? { note: input.note } : {}) },
    });
  });
  return getDetail(deps.db, actor, id);
}

async function transition(deps: Deps, actor: Actor, id: string, action: ContentAction, extra: { reason?: string; note?: string; version?: number }): Promise<ContentDetailView> {
  await withTransaction(deps.db, async (trx) => {
    const item = await loadOrThrow(trx, actor, id);
    const from = item.state as ContentState;
    const to = nextState(from, action);
    if (!to) throw new DomainError('content/bad-transition', [{ path: 'state', message: `${from} → ${action}` }]);
    if (extra.version !== undefined && extra.version !== item.current_version) throw new DomainError('content/stale-version', [{ path: 'version', message: String(item.current_version) }]);
    const at = nowIso();
    if (action === 'approve') {
      const version = (await repo.findVersion(trx, id, item.current_version))!;
      const waivers = await repo.listWaivers(trx, id, item.current_version);
      const findings = withWaivers(json.parse<StoredFinding[]>(version.findings, []), waivers.map((w) => ({ id: w.id, rule: w.rule, span_start: w.start, span_end: w.end })));
      const blocking = openBlocks(findings);
      if (blocking.length) {
        throw new DomainError(
          'content/unresolved-blocks',
          blocking.map((f) => ({ path: `findings.${f.start}-${f.end}`, message: f.term })),
          { findings: blocking.map((f) => ({ rule: f.rule, term: f.term, start: f.start, end: f.end, text: version.body.slice(f.start, f.end), suggestion: f.suggestion })) },
        );
      }
    }
    const reviewed = action === 'approve' || action === 'request-changes';
    await trx
      .updateTable('content_items')
      .set({ state: to, updated_at: at, ...(reviewed ? { reviewed_by: actor.userId, reviewed_at: at } : { reviewed_by: null, reviewed_at: null }) })
      .where('id', '=', id)
      .execute();
    if (action === 'request-changes') {
      await trx.insertInto('content_comments').values({ item_id: id, version: item.current_version, span_start: null, span_end: null, quote: null, body: extra.reason!, author_id: actor.userId, resolved_at: null, created_at: at }).execute();
    }
    const l = label(item);
    const why = extra.reason ?? extra.note;
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'content-item',
      entityId: id,
      teamId: item.team_id,
      summary: {
        zh: `${l.zh} 第 ${item.current_version} 版：${STATE_ZH[from]} → ${STATE_ZH[to]}${why ? `（${why}）` : ''}`,
        en: `${l.en} v${item.current_version}: ${from} → ${to}${why ? ` (${why})` : ''}`,
      },
      before: { state: from },
      after: { state: to, version: item.current_version, ...(extra.reason ? { reason: extra.reason } : {}), ...(extra.note ? { note: extra.note } : {}) },
    });
    const link = `/content/${id}`;
    if (action === 'submit') {
      await notify(trx, actor, await repo.reviewersOf(trx, item.team_id), {
        kind: 'content.review_requested',
        severity: 'info',
        title: { zh: `待审核：${l.zh}`, en: `Review requested: ${l.en}` },
        body: extra.note ?? item.name,
        link,
        sessionId: item.session_id,
      });
    } else {
      const authors = await trx.selectFrom('content_versions').select('author_id').where('item_id', '=', id).execute();
      await notify(trx, actor, [item.created_by, ...authors.map((a) => a.author_id)], {
        kind: action === 'approve' ? 'content.approved' : 'content.changes_requested',
        severity: action === 'approve' ? 'info' : 'warn',
        title: action === 'approve' ? { zh: `已通过：${l.zh}`, en: `Approved: ${l.en}` } : { zh: `需修改：${l.zh}`, en: `Changes requested: ${l.en}` },
        body: why ?? item.name,
        link,
        sessionId: item.session_id,
      });
    }
  });
  return getDetail(deps.db, actor, id);
}

export const submitItem = (deps: Deps, actor: Actor, id: string, note?: string) => transition(deps, actor, id, 'submit', { note });
export const requestChanges = (deps: Deps, actor: Actor, id: string, input: RequestChangesInput) => transition(deps, actor, id, 'request-changes', { reason: input.reason });
export const approveItem = (deps: Deps, actor: Actor, id: string, input: ApproveInput) => transition(deps, actor, id, 'approve', { note: input.note, version: input.version });

/** A comment on the whole item or on a range of one version; the quote is cut from that version's body here, not trusted from the client. */
export async function addComment(deps: Deps, actor: Actor, id: string, input: CommentInput): Promise<CommentView> {
  return withTransaction(deps.db, async (trx) => {
    const item = await loadOrThrow(trx, actor, id);
    const number = input.version ?? item.current_version;
    const version = await repo.findVersion(trx, id, number);
    if (!version) throw new DomainError('content/version-not-found', [{ path: 'version', message: String(number) }]);
    let quote: string | null = null;
    if (input.start !== undefined && input.end !== undefined) {
      if (input.end > version.body.length) throw new DomainError('content/bad-range', [{ path: 'end', message: String(version.body.length) }]);
      quote = version.body.slice(input.start, input.end);
    }
    const at = nowIso();
    const inserted = await trx
      .insertInto('content_comments')
      .values({ item_id: id, version: number, span_start: input.start ?? null, span_end: input.end ?? null, quote, body: input.body, author_id: actor.userId, resolved_at: null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const l = label(item);
    await recordAudit(trx, actor, {
      action: 'create',
      entityType: 'content-item',
      entityId: id,
      teamId: item.team_id,
      summary: { zh: `批注${l.zh}${quote ? `「${quote.slice(0, 30)}」` : ''}：${input.body.slice(0, 80)}`, en: `Comment on ${l.en}${quote ? ` at "${quote.slice(0, 30)}"` : ''}: ${input.body.slice(0, 80)}` },
      after: { commentId: Number(inserted.id), version: number, start: input.start ?? null, end: input.end ?? null },
    });
    return (await repo.listComments(trx, id)).find((c) => c.id === Number(inserted.id))!;
  });
}

export async function resolveComment(deps: Deps, actor: Actor, id: string, commentId: number, resolved: boolean): Promise<CommentView> {
  return withTransaction(deps.db, async (trx) => {
    const item = await loadOrThrow(trx, actor, id);
    const comment = await trx.selectFrom('content_comments').selectAll().where('id', '=', commentId).where('item_id', '=', id).executeTakeFirst();
    if (!comment) throw new DomainError('content/comment-not-found');
    await trx.updateTable('content_comments').set({ resolved_at: resolved ? nowIso() : null }).where('id', '=', commentId).execute();
    const l = label(item);
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'content-item',
      entityId: id,
      teamId: item.team_id,
      summary: resolved ? { zh: `${l.zh} 的批注已解决`, en: `Comment on ${l.en} resolved` } : { zh: `${l.zh} 的批注重新打开`, en: `Comment on ${l.en} reopened` },
      before: { commentId, resolved: comment.resolved_at !== null },
      after: { commentId, resolved },
    });
    return (await repo.listComments(trx, id)).find((c) => c.id === commentId)!;
  });
}

/** A reviewer accepts one block finding of the current version, with a reason; the waiver holds for that version only. */
export async function waiveFinding(deps: Deps, actor: Actor, id: string, input: WaiverInput): Promise<WaiverView> {
  return withTransaction(deps.db, async (trx) => {
    const item = await loadOrThrow(trx, actor, id);
    const version = (await repo.findVersion(trx, id, item.current_version))!;
    const finding = json.parse<StoredFinding[]>(version.findings, []).find((f) => f.severity === 'block' && f.rule === input.rule && f.start === input.start && f.end === input.end);
    if (!finding) throw new DomainError('content/finding-not-found', [{ path: 'rule', message: input.rule }]);
    const existing = await trx
      .selectFrom('content_waivers')
      .select('id')
      .where('item_id', '=', id)
      .where('version', '=', item.current_version)
      .where('rule', '=', input.rule)
      .where('span_start', '=', input.start)
      .where('span_end', '=', input.end)
      .executeTakeFirst();
    if (existing) throw new DomainError('content/already-waived');
    const at = nowIso();
    const inserted = await trx
      .insertInto('content_waivers')
      .values({ item_id: id, version: item.current_version, rule: input.rule, term: finding.term, span_start: input.start, span_end: input.end, reason: input.reason, waived_by: actor.userId, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const l = label(item);
    const text = version.body.slice(input.start, input.end);
    await recordAudit(trx, actor, {
      action: 'override',
      entityType: 'content-item',
      entityId: id,
      teamId: item.team_id,
      summary: {
        zh: `豁免${l.zh} 第 ${item.current_version} 版的禁止级问题「${text}」（${input.rule}）：${input.reason}`,
        en: `Waived the block finding "${text}" (${input.rule}) of ${l.en} v${item.current_version}: ${input.reason}`,
      },
      after: { waiverId: Number(inserted.id), version: item.current_version, rule: input.rule, term: finding.term, start: input.start, end: input.end, reason: input.reason },
    });
    return (await repo.listWaivers(trx, id, item.current_version)).find((w) => w.id === Number(inserted.id))!;
  });
}

/**
 * The scheduling gate: in a room that requires approved content, a session needs an approved script and an approved
 * title before it is scheduled. Throws the code that names what is missing; details list each kind with its item and state.
 */
export async function assertSessionContentApproved(db: Executor, session: { id: string; roomId: string }): Promise<void> {
  const room = await db.selectFrom('rooms').select('require_approved_content').where('id', '=', session.roomId).executeTakeFirst();
  if (!room || room.require_approved_content !== 1) return;
  const missing = missingContent(await repo.sessionItems(db, session.id));
  if (!missing.length) return;
  throw new DomainError(
    missingContentCode(missing),
    missing.map((m) => ({ path: `content.${m.kind}`, message: m.state ?? 'missing' })),
    { missing },
  );
}

/** A session's content follows it to another room (and that room's team). */
export async function moveSessionContent(db: Executor, sessionId: string, roomId: string): Promise<void> {
  const room = await db.selectFrom('rooms').select(['id', 'team_id']).where('id', '=', roomId).executeTakeFirst();
  if (!room) return;
  await db.updateTable('content_items').set({ room_id: room.id, team_id: room.team_id }).where('session_id', '=', sessionId).execute();
}
