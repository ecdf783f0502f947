import { DateTime } from 'luxon';
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { FindingsFilter, FindingsListQuery, FindingsPage, FindingsReport, FindingsReportQuery, FindingsReportRow, FindingView } from '../../../contracts/findings';
import type { TeamScope } from '../../platform/context';
import type { Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';
import { DomainError } from '../../platform/errors';

const DAY = 86_400_000;
const MAX_PERIOD_DAYS = 366;

/** The query's period: [from, to), the last 30 days when not given. */
export function periodOf(q: Pick<FindingsFilter, 'from' | 'to'>, now = Date.now()): { from: string; to: string } {
  const to = q.to ? Date.parse(q.to) : now;
  const from = q.from ? Date.parse(q.from) : to - 30 * DAY;
  if (!(from < to) || to - from > MAX_PERIOD_DAYS * DAY) throw new DomainError('findings/bad-period', [{ path: q.from ? 'from' : 'to', message: 'from < to, ≤ 366 days' }]);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The filter as one expression over compliance_findings, for any query that selects from it. */
function filterOf(scope: TeamScope, f: FindingsFilter, period: { from: string; to: string }): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'compliance_findings'>();
  const c = (col: keyof Database['compliance_findings']) => `compliance_findings.${col}` as const;
  const parts: Expression<SqlBool>[] = [eb(c('at'), '>=', period.from), eb(c('at'), '<', period.to)];
  if (scope !== 'all') parts.push(eb(c('team_id'), 'in', scope.length ? [...scope] : ['']));
  if (f.teamId) parts.push(eb(c('team_id'), '=', f.teamId));
  if (f.roomId) parts.push(eb(c('room_id'), '=', f.roomId));
  if (f.sessionId) parts.push(eb(c('session_id'), '=', f.sessionId));
  if (f.hostPersonId) parts.push(eb(c('host_person_id'), '=', f.hostPersonId));
  if (f.rule) parts.push(eb(c('rule'), '=', f.rule));
  if (f.category) parts.push(eb(c('category'), '=', f.category));
  if (f.severity) parts.push(eb(c('severity'), '=', f.severity));
  if (f.source) parts.push(eb(c('source'), '=', f.source));
  return eb.and(parts);
}

const GROUP_COLUMN = { host: 'host_person_id', rule: 'rule', category: 'category', session: 'session_id', room: 'room_id' } as const;

const emptyTally = () => ({ total: 0, block: 0, warn: 0, info: 0, comment: 0, transcript: 0 });

/**
 * Findings over a period grouped by host, rule, category, session or room, with severity and source tallies, the top
 * terms per group and a per-day series in the caller's time zone. Counting happens in SQL; only group rows come back.
 */
export async function findingsReport(db: Executor, scope: TeamScope, q: FindingsReportQuery, now = Date.now()): Promise<FindingsReport> {
  const period = periodOf(q, now);
  const column = GROUP_COLUMN[q.groupBy];
  const where = filterOf(scope, q, period);
  const base = () => db.selectFrom('compliance_findings').where(where);
  const counts = await base()
    .select((eb) => [eb.ref(column).as('key'), 'severity', 'source', eb.fn.countAll<number | string>().as('n')])
    .groupBy([column, 'severity', 'source'])
    .execute();
  const terms = await base()
    .select((eb) => [eb.ref(column).as('key'), 'term', eb.fn.countAll<number | string>().as('n')])
    .groupBy([column, 'term'])
    .execute();
  // Hour buckets ('2026-12-01T11') are counted in SQL and folded into local days here (ISO text sorts and slices alike on both databases).
  const hours = await base()
    .select((eb) => [sql<string>`substr(${eb.ref('at')}, 1, 13)`.as('hour'), 'severity', eb.fn.countAll<number | string>().as('n')])
    .groupBy([sql`substr(${sql.ref('at')}, 1, 13)`, 'severity'])
    .execute();

  const totals = emptyTally();
  const groups = new Map<string, ReturnType<typeof emptyTally>>();
  for (const r of counts) {
    const key = (r.key as string | null) ?? '';
    const n = Number(r.n);
    const g = groups.get(key) ?? emptyTally();
    for (const t of [g, totals]) {
      t.total += n;
      t[r.severity as 'block' | 'warn' | 'info'] += n;
      t[r.source as 'comment' | 'transcript'] += n;
    }
    groups.set(key, g);
  }
  const labels = await labelsFor(db, q.groupBy, [...groups.keys()].filter(Boolean));
  const rows: FindingsReportRow[] = [...groups].map(([key, tally]) => ({
    key,
    label: labels.get(key) ?? key,
    ...tally,
    topTerms: terms
      .filter((t) => ((t.key as string | null) ?? '') === key)
      .map((t) => ({ term: t.term, count: Number(t.n) }))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
      .slice(0, 3),
  }));
  rows.sort((a, b) => b.block - a.block || b.total - a.total || a.label.localeCompare(b.label));

  const zone = q.timeZone && DateTime.local().setZone(q.timeZone).isValid ? q.timeZone : 'UTC';
  const byDay = new Map<string, { day: string; block: number; warn: number; info: number }>();
  const dayOf = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toISODate()!;
  for (let d = DateTime.fromISO(period.from, { zone: 'utc' }).setZone(zone).startOf('day'); d.toMillis() < Date.parse(period.to); d = d.plus({ days: 1 })) {
    byDay.set(d.toISODate()!, { day: d.toISODate()!, block: 0, warn: 0, info: 0 });
  }
  for (const h of hours) {
    const day = dayOf(`${h.hour}:00:00.000Z`);
    const entry = byDay.get(day) ?? { day, block: 0, warn: 0, info: 0 };
    entry[h.severity as 'block' | 'warn' | 'info'] += Number(h.n);
    byDay.set(day, entry);
  }
  return { ...period, groupBy: q.groupBy, totals, rows, days: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}

async function labelsFor(db: Executor, groupBy: FindingsReportQuery['groupBy'], keys: string[]): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  switch (groupBy) {
    case 'host':
      return new Map((await db.selectFrom('people').select(['id', 'display_name']).where('id', 'in', keys).execute()).map((r) => [r.id, r.display_name]));
    case 'session':
      return new Map((await db.selectFrom('live_sessions').select(['id', 'title']).where('id', 'in', keys).execute()).map((r) => [r.id, r.title]));
    case 'room':
      return new Map((await db.selectFrom('rooms').select(['id', 'display_name']).where('id', 'in', keys).execute()).map((r) => [r.id, r.display_name]));
    case 'category':
      return new Map((await db.selectFrom('compliance_categories').select(['key', 'name_zh', 'name_en']).where('key', 'in', keys).execute()).map((r) => [r.key, `${r.name_zh} / ${r.name_en}`]));
    default:
      return new Map();
  }
}

/** The findings themselves, newest first, with the line they were found in (keyset paging on id). */
export async function listFindings(db: Executor, scope: TeamScope, q: FindingsListQuery, now = Date.now()): Promise<FindingsPage> {
  const period = periodOf(q, now);
  let query = db
    .selectFrom('compliance_findings')
    .where(filterOf(scope, q, period))
    .innerJoin('live_events as e', 'e.id', 'compliance_findings.event_id')
    .innerJoin('live_sessions as s', 's.id', 'compliance_findings.session_id')
    .innerJoin('rooms as r', 'r.id', 'compliance_findings.room_id')
    .leftJoin('people as p', 'p.id', 'compliance_findings.host_person_id')
    .select([
      'compliance_findings.id', 'compliance_findings.event_id', 'compliance_findings.at', 'compliance_findings.session_id', 's.title', 'r.display_name as room_name', 'p.display_name as host_name',
      'compliance_findings.source', 'e.text', 'e.user_name', 'compliance_findings.rule', 'compliance_findings.category', 'compliance_findings.severity',
      'compliance_findings.term', 'compliance_findings.span_start', 'compliance_findings.span_end', 'compliance_findings.evasion',
    ])
    .orderBy('compliance_findings.id', 'desc')
    .limit(q.limit + 1);
  if (q.before) query = query.where('compliance_findings.id', '<', q.before);
  const rows = await query.execute();
  const items: FindingView[] = rows.slice(0, q.limit).map((r) => ({
    id: Number(r.id),
    eventId: Number(r.event_id),
    at: r.at,
    sessionId: r.session_id,
    sessionTitle: r.title,
    roomName: r.room_name,
    hostName: r.host_name ?? null,
    source: r.source as FindingView['source'],
    text: r.text ?? '',
    userName: r.user_name,
    rule: r.rule,
    category: r.category,
    severity: r.severity as FindingView['severity'],
    term: r.term,
    start: r.span_start,
    end: r.span_end,
    evasion: JSON.parse(r.evasion) as string[],
  }));
  return { items, next: rows.length > q.limit ? items[items.length - 1]!.id : null };
}
