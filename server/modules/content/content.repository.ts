import { sql } from 'kysely';
import type { CommentView, ContentCounts, ContentItemView, ContentKind, ContentQuery, ContentState, VersionSummary, WaiverView } from '../../../contracts/content';
import type { TeamScope } from '../../platform/context';
import { json, type Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';
import { openBlocks, withWaivers, type StoredFinding } from './content.rules';

export type ItemRow = Database['content_items'];
export type VersionRow = Database['content_versions'];

function items(db: Executor) {
  return db
    .selectFrom('content_items as c')
    .leftJoin('rooms as r', 'r.id', 'c.room_id')
    .leftJoin('live_sessions as s', 's.id', 'c.session_id')
    .leftJoin('products as p', 'p.id', 'c.product_id')
    .leftJoin('users as cu', 'cu.id', 'c.created_by')
    .leftJoin('users as ru', 'ru.id', 'c.reviewed_by')
    .innerJoin('content_versions as v', (j) => j.onRef('v.item_id', '=', 'c.id').onRef('v.number', '=', 'c.current_version'))
    .selectAll('c')
    .select([
      'r.display_name as room_name',
      's.title as session_title',
      's.planned_start as session_start',
      'p.name as product_name',
      'cu.display_name as created_by_name',
      'ru.display_name as reviewed_by_name',
      'v.findings as findings',
      (eb) =>
        eb
          .selectFrom('content_comments as cc')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('cc.item_id', '=', 'c.id')
          .where('cc.resolved_at', 'is', null)
          .as('open_comments'),
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof items>['execute']>>[number];

async function toViews(db: Executor, rows: ListRow[]): Promise<ContentItemView[]> {
  const ids = rows.map((r) => r.id);
  const waivers = ids.length ? await db.selectFrom('content_waivers').selectAll().where('item_id', 'in', ids).execute() : [];
  return rows.map((r) => {
    const findings = withWaivers(
      json.parse<StoredFinding[]>(r.findings, []),
      waivers.filter((w) => w.item_id === r.id && w.version === r.current_version),
    );
    return {
      id: r.id,
      teamId: r.team_id,
      roomId: r.room_id,
      roomName: r.room_name ?? null,
      sessionId: r.session_id,
      sessionTitle: r.session_title ?? null,
      sessionStart: r.session_start ?? null,
      productId: r.product_id,
      productName: r.product_name ?? null,
      kind: r.kind as ContentKind,
      name: r.name,
      category: r.category,
      state: r.state as ContentState,
      currentVersion: r.current_version,
      createdBy: r.created_by,
      createdByName: r.created_by_name ?? null,
      reviewedBy: r.reviewed_by,
      reviewedByName: r.reviewed_by_name ?? null,
      reviewedAt: r.reviewed_at,
      openBlocks: openBlocks(findings).length,
      findingCount: findings.length,
      openComments: Number(r.open_comments ?? 0),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/**
 * Items in the caller's teams. `updated_at` moves with states and versions only (not with comments or waivers), so in
 * the review queue (state in_review) it is when the item was submitted: the queue reads oldest first, so nobody waits longest;
 * every other list shows the most recently changed first.
 */
export async function listItems(db: Executor, scope: TeamScope, q: ContentQuery): Promise<{ items: ContentItemView[]; counts: ContentCounts }> {
  let base = items(db);
  if (scope !== 'all') {
    if (!scope.length) return { items: [], counts: { draft: 0, in_review: 0, approved: 0, changes_requested: 0 } };
    base = base.where('c.team_id', 'in', [...scope]);
  }
  if (q.kind) base = base.where('c.kind', '=', q.kind);
  if (q.sessionId) base = base.where('c.session_id', '=', q.sessionId);
  if (q.roomId) base = base.where('c.room_id', '=', q.roomId);
  if (q.teamId) base = base.where('c.team_id', '=', q.teamId);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    base = base.where((eb) => eb.or([sql<boolean>`${eb.ref('c.name')} like ${like} escape '\\'`, sql<boolean>`coalesce(${eb.ref('s.title')}, '') like ${like} escape '\\'`]));
  }
  const countRows = await base
    .clearSelect()
    .select(['c.state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.state')
    .execute();
  const counts: ContentCounts = { draft: 0, in_review: 0, approved: 0, changes_requested: 0 };
  for (const c of countRows) if (c.state in counts) counts[c.state as ContentState] = Number(c.n);
  let listed = base;
  if (q.state) listed = listed.where('c.state', '=', q.state);
  listed = q.state === 'in_review' ? listed.orderBy('c.updated_at', 'asc').orderBy('c.id') : listed.orderBy('c.updated_at', 'desc').orderBy('c.id');
  const rows = await listed.limit(q.limit).execute();
  return { items: await toViews(db, rows), counts };
}

export async function findItemView(db: Executor, scope: TeamScope, id: string): Promise<ContentItemView | undefined> {
  const row = await items(db).where('c.id', '=', id).executeTakeFirst();
  if (!row || (scope !== 'all' && !scope.includes(row.team_id))) return undefined;
  return (await toViews(db, [row]))[0];
}

export async function findItemRow(db: Executor, scope: TeamScope, id: string): Promise<ItemRow | undefined> {
  const row = await db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (scope !== 'all' && !scope.includes(row.team_id))) return undefined;
  return row;
}

export function findVersion(db: Executor, itemId: string, number: number) {
  return db.selectFrom('content_versions').selectAll().where('item_id', '=', itemId).where('number', '=', number).executeTakeFirst();
}

export async function listWaivers(db: Executor, itemId: string, version?: number): Promise<WaiverView[]> {
  let q = db.selectFrom('content_waivers as w').leftJoin('users as u', 'u.id', 'w.waived_by').selectAll('w').select('u.display_name as name').where('w.item_id', '=', itemId);
  if (version !== undefined) q = q.where('w.version', '=', version);
  const rows = await q.orderBy('w.id').execute();
  return rows.map((w) => ({
    id: Number(w.id),
    version: w.version,
    rule: w.rule,
    term: w.term,
    start: w.span_start,
    end: w.span_end,
    reason: w.reason,
    waivedBy: w.waived_by,
    waivedByName: w.name ?? null,
    createdAt: w.created_at,
  }));
}

export async function listComments(db: Executor, itemId: string): Promise<CommentView[]> {
  const rows = await db
    .selectFrom('content_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select('u.display_name as name')
    .where('c.item_id', '=', itemId)
    .orderBy('c.id')
    .execute();
  return rows.map((c) => ({
    id: Number(c.id),
    version: c.version,
    start: c.span_start,
    end: c.span_end,
    quote: c.quote,
    body: c.body,
    authorId: c.author_id,
    authorName: c.name ?? null,
    resolvedAt: c.resolved_at,
    createdAt: c.created_at,
  }));
}

export async function listVersions(db: Executor, itemId: string): Promise<(VersionSummary & { body: string; findings: StoredFinding[]; revision: number })[]> {
  const rows = await db
    .selectFrom('content_versions as v')
    .leftJoin('users as u', 'u.id', 'v.author_id')
    .selectAll('v')
    .select('u.display_name as name')
    .where('v.item_id', '=', itemId)
    .orderBy('v.number', 'desc')
    .execute();
  return rows.map((v) => {
    const findings = json.parse<StoredFinding[]>(v.findings, []);
    return {
      number: v.number,
      note: v.note,
      authorId: v.author_id,
      authorName: v.name ?? null,
      findingCount: findings.length,
      blockCount: findings.filter((f) => f.severity === 'block').length,
      length: v.body.length,
      createdAt: v.created_at,
      body: v.body,
      findings,
      revision: v.revision,
    };
  });
}

/** The items linked to a session, for the scheduling gate and the session page. */
export function sessionItems(db: Executor, sessionId: string) {
  return db.selectFrom('content_items').select(['id', 'kind', 'state', 'updated_at']).where('session_id', '=', sessionId).execute();
}

/** Who reviews a team's content: active owners, and active managers of that team. */
export async function reviewersOf(db: Executor, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('u.role', '=', 'owner'),
        eb.and([eb('u.role', '=', 'manager'), eb('u.id', 'in', eb.selectFrom('user_teams').select('user_id').where('team_id', '=', teamId))]),
      ]),
    )
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.id);
}
