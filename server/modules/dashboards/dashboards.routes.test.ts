import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView, Kpi, WeeklyReportView } from '../../../contracts/dashboards';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';
import { sessionsMetrics } from '../analytics/session-metrics';
import { latestDueWeek } from './dashboards.rules';
import { runScheduledReport, startWeeklyReportScheduler } from './weekly-report.service';

let ctx: TestContext;
let owner: Client;
let member: Client;
let teamA: string;
let teamB: string;
let roomA1: string;
let roomA2: string;
let roomB1: string;
const s = {} as Record<'a1' | 'a2' | 'b1' | 'a1prev' | 'empty' | 'lateNight', string>;
let hostId: string;

interface MinuteSpec {
  minutes: number;
  gmvFen?: number;
  orders?: number;
  comments?: number;
  viewers?: number;
  follows?: number;
  giftFen?: number;
}

/** n minute rollups from `start` (UTC ISO), each with the given per-minute numbers, and the session's stats row. */
async function play(sessionId: string, start: string, spec: MinuteSpec, cumulativeViewers: number | null) {
  const t0 = Date.parse(start);
  await ctx.deps.db
    .insertInto('live_minutes')
    .values(
      Array.from({ length: spec.minutes }, (_, i) => ({
        session_id: sessionId,
        minute: new Date(t0 + i * 60_000).toISOString(),
        comments: spec.comments ?? 0,
        commenters: spec.comments ? 1 : 0,
        gifts: spec.giftFen ? 1 : 0,
        gift_fen: spec.giftFen ?? 0,
        likes: 0,
        follows: spec.follows ?? 0,
        shares: 0,
        joins: 0,
        fans_club: 0,
        super_chats: 0,
        super_chat_fen: 0,
        memberships: 0,
        membership_fen: 0,
        orders: spec.orders ?? 0,
        gmv_fen: spec.gmvFen ?? 0,
        transcripts: 0,
        unknown: 0,
        viewers_max: spec.viewers === undefined ? null : spec.viewers + i,
        viewers_sum: spec.viewers === undefined ? 0 : spec.viewers + i,
        viewers_samples: spec.viewers === undefined ? 0 : 1,
      })),
    )
    .execute();
  const last = new Date(t0 + (spec.minutes - 1) * 60_000).toISOString();
  await ctx.deps.db.deleteFrom('live_session_stats').where('session_id', '=', sessionId).execute();
  const events = await ctx.deps.db.selectFrom('live_minutes').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
  await ctx.deps.db
    .insertInto('live_session_stats')
    .values({ session_id: sessionId, first_event_at: start, last_event_at: last, events: Number(events.n) * 3, commenters: 0, viewers_cumulative: cumulativeViewers, likes_total: null })
    .execute();
}

async function importValue(sessionId: string, metric: string, value: number, source: 'import' | 'manual' = 'import') {
  await ctx.deps.db.deleteFrom('metric_values').where('session_id', '=', sessionId).where('metric', '=', metric).where('source', '=', source).execute();
  await ctx.deps.db
    .insertInto('metric_values')
    .values({ session_id: sessionId, metric, source, value, basis: null, platform: 'douyin', time_window: 'live', import_id: null, updated_at: new Date().toISOString() })
    .execute();
}

async function session(roomId: string, title: string, start: string) {
  const end = new Date(Date.parse(start) + 3 * 3_600_000).toISOString();
  const res = await owner.post('/api/v1/sessions', { roomId, title, plannedStart: start, plannedEnd: end });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const kpi = (view: DashboardView, key: Kpi['key']) => view.kpis.find((k) => k.key === key)!;

async function dashboard(client: Client, query: string) {
  const res = await client.get(`/api/v1/dashboards?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DashboardView;
}

/** The brute force: each session's own metrics (analytics' per-session definitions) summed by hand. */
async function bruteForce(ids: string[]) {
  const m = await sessionsMetrics(ctx.deps.db, ids);
  const sum = (key: 'gmv_fen' | 'orders' | 'viewers' | 'gift_fen' | 'duration_seconds' | 'follows') => {
    const xs = ids.map((id) => m.get(id)!.base[key]).filter((v): v is number => typeof v === 'number');
    return xs.length ? xs.reduce((a, b) => a + b, 0) : null;
  };
  const peaks = ids.map((id) => m.get(id)!.base.peak_viewers).filter((v): v is number => typeof v === 'number');
  const withData = ids.filter((id) => Object.values(m.get(id)!.base).some((v) => v !== null && v !== undefined));
  return { gmv: sum('gmv_fen'), orders: sum('orders'), viewers: sum('viewers'), gift: sum('gift_fen'), seconds: sum('duration_seconds'), follows: sum('follows'), peak: peaks.length ? Math.max(...peaks) : null, sessions: withData.length, metrics: m };
}

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app, 'en-US');
  teamA = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  teamB = (await owner.post('/api/v1/teams', { name: '游戏组' })).json().id;
  const room = async (teamId: string, platform: string, name: string) =>
    (await owner.post('/api/v1/rooms', { teamId, platform, accountId: name, displayName: name, requireApprovedContent: false })).json().id as string;
  roomA1 = await room(teamA, 'douyin', '美妆一号间');
  roomA2 = await room(teamA, 'douyin', '美妆二号间');
  roomB1 = await room(teamB, 'bilibili', '游戏间');
  // Week of Monday 2026-11-09 (Asia/Shanghai) and the week before.
  s.a1 = await session(roomA1, '周二晚场', '2026-11-10T12:00:00.000Z'); // 20:00 CST
  s.a2 = await session(roomA2, '周四晚场', '2026-11-12T12:00:00.000Z');
  s.b1 = await session(roomB1, '周三游戏场', '2026-11-11T12:00:00.000Z');
  s.a1prev = await session(roomA1, '上周二晚场', '2026-11-03T12:00:00.000Z');
  s.empty = await session(roomA2, '周六空场', '2026-11-14T12:00:00.000Z');
  s.lateNight = await session(roomA1, '周日深夜场', '2026-11-15T15:30:00.000Z'); // 23:30 CST Sunday: still this week

  await play(s.a1, '2026-11-10T12:00:00.000Z', { minutes: 120, gmvFen: 10_000, orders: 2, comments: 5, viewers: 300, follows: 1 }, 4_000);
  await play(s.a2, '2026-11-12T12:00:00.000Z', { minutes: 60, gmvFen: 5_000, orders: 1, comments: 3, viewers: 500 }, 2_500);
  await importValue(s.a2, 'views', 9_000);
  await importValue(s.a2, 'gmv_fen', 400_000, 'manual');
  await play(s.b1, '2026-11-11T12:00:00.000Z', { minutes: 90, comments: 8, viewers: 900, giftFen: 700 }, 6_000); // no orders: GMV no data
  await play(s.a1prev, '2026-11-03T12:00:00.000Z', { minutes: 100, gmvFen: 8_000, orders: 2, viewers: 250 }, 3_000);
  await play(s.lateNight, '2026-11-15T15:30:00.000Z', { minutes: 20, gmvFen: 1_000, orders: 1, viewers: 100 }, 400);

  const person = await owner.post('/api/v1/people', { displayName: '小美', teamIds: [teamA] });
  expect(person.statusCode).toBe(201);
  hostId = person.json().id;
  await ctx.deps.db.insertInto('session_crew').values([{ session_id: s.a1, person_id: hostId, role: 'host' }, { session_id: s.a1prev, person_id: hostId, role: 'host' }]).execute();

  member = await inviteAndJoin(owner, 'gamer@example.com', 'member', [teamB]);
});

afterAll(async () => {
  await ctx?.close();
});

describe('GET /api/v1/dashboards', () => {
  it('company week: the KPIs equal a brute-force sum of the sessions own metrics, with the week before', async () => {
    const view = await dashboard(owner, 'scope=company&period=week&from=2026-11-11');
    expect(view).toMatchObject({ from: '2026-11-09', to: '2026-11-15', previousFrom: '2026-11-02', previousTo: '2026-11-08', granularity: 'day' });
    const now = await bruteForce([s.a1, s.a2, s.b1, s.empty, s.lateNight]);
    const before = await bruteForce([s.a1prev]);
    expect(now.gmv).toBe(10_000 * 120 + 400_000 + 1_000 * 20); // the manual GMV of a2 wins over its events
    expect(kpi(view, 'gmv_fen')).toMatchObject({ value: now.gmv, previous: before.gmv, change: (now.gmv! - before.gmv!) / before.gmv! });
    expect(kpi(view, 'orders').value).toBe(now.orders);
    expect(kpi(view, 'viewers').value).toBe(now.viewers);
    expect(kpi(view, 'peak_viewers').value).toBe(now.peak);
    expect(kpi(view, 'gift_fen').value).toBe(now.gift);
    expect(kpi(view, 'live_seconds').value).toBe(now.seconds);
    expect(kpi(view, 'sessions')).toMatchObject({ value: 4, previous: 1 }); // the empty session is not a session held
    expect(now.sessions).toBe(4);
    // GPM per views: only a2 has imported views, so GMV and views of a2 alone.
    expect(kpi(view, 'gpm_fen')).toMatchObject({ value: (400_000 * 1000) / 9_000, basis: 'pv' });
    // Follow rate over the sessions where follows arrived (a1 only): the others' follows are no data, not 0.
    expect(kpi(view, 'follow_rate').value).toBeCloseTo(now.follows! / 4_000, 12);
    // Per-session GPMs match analytics' own.
    for (const row of view.rankings.sessionsByGmv) {
      const gpm = now.metrics.get(row.id)!.metrics.find((m) => m.metric === 'gpm_fen')!;
      expect(row.gpm_fen).toBeCloseTo(gpm.value!, 9);
      expect(row.gpm_basis).toBe(gpm.basis);
    }
  });

  it('trend per day, rankings by GMV and the teams of the company', async () => {
    const view = await dashboard(owner, 'scope=company&period=week&from=2026-11-09');
    expect(view.trend.map((p) => p.bucket)).toEqual(['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15']);
    expect(view.trend[1]).toMatchObject({ sessions: 1, gmv_fen: 1_200_000, orders: 240 });
    expect(view.trend[2]).toMatchObject({ sessions: 1, gmv_fen: null }); // the Bilibili show: no orders, no GMV
    expect(view.trend[0]).toMatchObject({ sessions: 0, gmv_fen: null });
    expect(view.trend[6]).toMatchObject({ sessions: 1, gmv_fen: 20_000 }); // 23:30 CST Sunday belongs to Sunday
    expect(view.rankings.sessionsByGmv.map((r) => r.id)).toEqual([s.a1, s.a2, s.lateNight]);
    expect(view.rankings.rooms.map((r) => r.name)).toEqual(['美妆一号间', '美妆二号间', '游戏间']);
    expect(view.rankings.teams.map((r) => [r.name, r.gmv_fen])).toEqual([
      ['美妆组', 1_620_000],
      ['游戏组', null],
    ]);
    expect(view.rankings.hosts).toMatchObject([{ id: hostId, name: '小美', sessions: 1, gmv_fen: 1_200_000 }]);
  });

  it('a single day trends per hour from the minute rollups', async () => {
    const view = await dashboard(owner, 'scope=company&period=day&from=2026-11-10');
    expect(view.granularity).toBe('hour');
    expect(view.trend).toHaveLength(24);
    // 20:00–21:59 CST: 60 minutes of ¥100 in each hour.
    expect(view.trend.find((p) => p.bucket === '2026-11-10T20')).toMatchObject({ gmv_fen: 600_000, orders: 120, sessions: 1 });
    expect(view.trend.find((p) => p.bucket === '2026-11-10T21')).toMatchObject({ gmv_fen: 600_000, viewers: 300 + 119 });
    expect(view.trend.find((p) => p.bucket === '2026-11-10T10')).toMatchObject({ gmv_fen: null, sessions: 0 });
  });

  it('room, team and host scopes', async () => {
    const room = await dashboard(owner, `scope=room&id=${roomA1}&period=week&from=2026-11-09`);
    expect(room.name).toBe('美妆一号间');
    expect(kpi(room, 'gmv_fen')).toMatchObject({ value: 1_220_000, previous: 800_000 });
    const team = await dashboard(owner, `scope=team&id=${teamA}&period=week&from=2026-11-09`);
    expect(kpi(team, 'sessions').value).toBe(3);
    expect(team.rankings.teams).toEqual([]);
    const host = await dashboard(owner, `scope=host&id=${hostId}&period=week&from=2026-11-09`);
    expect(kpi(host, 'gmv_fen')).toMatchObject({ value: 1_200_000, previous: 800_000, change: 0.5 });
  });

  it('no data is null, not 0: an empty period and a room that sends no orders', async () => {
    const empty = await dashboard(owner, 'scope=company&period=week&from=2026-10-05');
    for (const k of empty.kpis) {
      if (k.key === 'sessions') expect(k).toMatchObject({ value: 0, previous: 0, change: null });
      else expect(k).toMatchObject({ value: null, previous: null, change: null });
    }
    const bili = await dashboard(owner, `scope=room&id=${roomB1}&period=week&from=2026-11-09`);
    expect(kpi(bili, 'gmv_fen').value).toBeNull();
    expect(kpi(bili, 'gpm_fen').value).toBeNull();
    expect(kpi(bili, 'viewers').value).toBe(6_000);
    expect(kpi(bili, 'interaction_rate')).toMatchObject({ basis: 'commenters/viewers' });
  });

  it('a member sees only the rooms of their own teams', async () => {
    const view = await dashboard(member, 'scope=company&period=week&from=2026-11-09');
    expect(kpi(view, 'sessions').value).toBe(1);
    expect(kpi(view, 'viewers').value).toBe(6_000);
    expect(kpi(view, 'gmv_fen').value).toBeNull();
    expect(view.rankings.rooms.map((r) => r.id)).toEqual([roomB1]);
    expect(view.rankings.sessionsByGmv).toEqual([]);
    for (const q of [`scope=room&id=${roomA1}`, `scope=team&id=${teamA}`, `scope=host&id=${hostId}`]) {
      const res = await member.get(`/api/v1/dashboards?${q}&period=week&from=2026-11-09`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('dashboards/not-found');
    }
    const options = (await member.get('/api/v1/dashboards/options')).json();
    expect(options.rooms.map((r: { id: string }) => r.id)).toEqual([roomB1]);
    expect(options.teams.map((t: { id: string }) => t.id)).toEqual([teamB]);
  });

  it('bad input: 400 with field messages', async () => {
    const inverted = await owner.get('/api/v1/dashboards?scope=company&period=custom&from=2026-11-10&to=2026-11-01');
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().error.code).toBe('dashboards/bad-period');
    const badScope = await owner.get('/api/v1/dashboards?scope=planet&period=week');
    expect(badScope.statusCode).toBe(400);
    const badDate = await owner.get('/api/v1/dashboards?period=day&from=2026-13-45');
    expect(badDate.statusCode).toBe(400);
    const farPast = await owner.get('/api/v1/dashboards?period=week&from=0000-01-01');
    expect(farPast.statusCode).toBe(400);
    expect(farPast.json().error.fields[0].path).toBe('querystring.from');
  });

  it('new events and imports refresh the summaries before the next answer', async () => {
    const q = `scope=room&id=${roomB1}&period=week&from=2026-11-09`;
    expect(kpi(await dashboard(owner, q), 'gmv_fen').value).toBeNull();
    // An import gives the Bilibili show a GMV …
    await importValue(s.b1, 'gmv_fen', 123_400);
    expect(kpi(await dashboard(owner, q), 'gmv_fen').value).toBe(123_400);
    // … and more minutes arrive for a1 (the stats row's event count moves).
    await play(s.a1, '2026-11-10T14:00:00.000Z', { minutes: 10, gmvFen: 1_000, orders: 1, viewers: 300 }, 4_200);
    const room = await dashboard(owner, `scope=room&id=${roomA1}&period=week&from=2026-11-09`);
    expect(kpi(room, 'gmv_fen').value).toBe(1_220_000 + 10_000);
    expect(kpi(room, 'viewers').value).toBe(4_200 + 400);
    // A deleted import is noticed too (the row count changes).
    await ctx.deps.db.deleteFrom('metric_values').where('session_id', '=', s.b1).execute();
    expect(kpi(await dashboard(owner, q), 'gmv_fen').value).toBeNull();
  });

  it('a crew change through the planning API moves the session to its new host', async () => {
    const res = await owner.put(`/api/v1/sessions/${s.a2}/crew`, { crew: [{ personId: hostId, role: 'host' }] });
    expect(res.statusCode, res.body).toBe(200);
    const host = await dashboard(owner, `scope=host&id=${hostId}&period=week&from=2026-11-09`);
    expect(kpi(host, 'sessions').value).toBe(2);
    expect(kpi(host, 'gmv_fen').value).toBe(1_210_000 + 400_000);
  });

  it('exports the KPIs, trend and rankings as XLSX in the asked language', async () => {
    const res = await owner.get(`/api/v1/dashboards/export.xlsx?scope=company&period=week&from=2026-11-09&locale=zh-CN`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('dashboard-company-2026-11-09-2026-11-15.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标', '趋势', '团队排行', '直播间排行', '主播排行', '场次排行']);
    const kpis = wb.getWorksheet('指标')!;
    expect(kpis.getRow(1).values).toEqual([undefined, '指标', '本期', '上期', '变化', '口径']);
    const view = await dashboard(owner, 'scope=company&period=week&from=2026-11-09');
    const gmvRow = kpis.getRow(2).values as unknown[];
    expect(gmvRow[1]).toBe('成交金额（元）');
    expect(gmvRow[2]).toBe(kpi(view, 'gmv_fen').value! / 100);
    expect(gmvRow[3]).toBe(kpi(view, 'gmv_fen').previous! / 100);
    const trend = wb.getWorksheet('趋势')!;
    expect(trend.rowCount).toBe(8);
    expect(trend.getRow(3).values).toEqual([undefined, '2026-11-10', 1, view.trend[1]!.gmv_fen! / 100, view.trend[1]!.orders, view.trend[1]!.viewers, view.trend[1]!.gpm_fen === null ? undefined : Math.round(view.trend[1]!.gpm_fen!) / 100]);
    const rooms = wb.getWorksheet('直播间排行')!;
    expect(rooms.getRow(2).getCell(1).value).toBe('美妆一号间');

    const en = await owner.get(`/api/v1/dashboards/export.xlsx?scope=room&id=${roomA1}&period=week&from=2026-11-09&locale=en-US`);
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets.map((w) => w.name)).toEqual(['KPIs', 'Trend', 'Rooms', 'Hosts', 'Sessions']);
    expect(wbEn.getWorksheet('KPIs')!.getRow(2).getCell(1).value).toBe('GMV (¥)');
  });
});

describe('concurrent refreshes', () => {
  it('several requests refreshing the same stale sessions at once all answer, with the same numbers', async () => {
    await importValue(s.a1prev, 'views', 5_000);
    const results = await Promise.all(Array.from({ length: 4 }, () => owner.get('/api/v1/dashboards?scope=company&period=week&from=2026-11-02')));
    expect(results.map((r) => r.statusCode), results.map((r) => r.body).join('\n')).toEqual([200, 200, 200, 200]);
    for (const r of results) expect(kpi(r.json(), 'gpm_fen')).toMatchObject({ value: (800_000 * 1000) / 5_000, basis: 'pv' });
  });
});

describe('weekly report', () => {
  it('the schedule defaults to Monday 09:00 Asia/Shanghai and only report:manage may change it', async () => {
    expect((await owner.get('/api/v1/reports/weekly/schedule')).json()).toEqual({ enabled: true, weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai' });
    expect((await member.put('/api/v1/reports/weekly/schedule', { enabled: true, weekday: 2, time: '10:00', timeZone: 'Asia/Shanghai' })).statusCode).toBe(403);
    const bad = await owner.put('/api/v1/reports/weekly/schedule', { enabled: true, weekday: 8, time: '25:00', timeZone: 'Mars/Base' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['time', 'timeZone', 'weekday']);
    const ok = await owner.put('/api/v1/reports/weekly/schedule', { enabled: true, weekday: 1, time: '09:30', timeZone: 'Asia/Shanghai' });
    expect(ok.statusCode).toBe(200);
    expect((await owner.get('/api/v1/reports/weekly/schedule')).json().time).toBe('09:30');
    const audit = await ctx.deps.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'weekly-report-schedule').execute();
    expect(audit).toEqual([{ action: 'update' }]);
  });

  it('the scheduler generates the due week once, with an outbox row when a channel exists', async () => {
    await ctx.deps.db
      .insertInto('channels')
      .values({ id: 'ch1', name: 'ops', kind: 'webhook', url_enc: 'x', secret_enc: null, locale: 'zh-CN', enabled: 1, created_by: null, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' })
      .execute();
    // Monday 2026-11-16 09:20 CST: 09:30 not reached, the week of 11-02 is the latest due.
    expect(await runScheduledReport(ctx.deps, new Date('2026-11-16T01:20:00Z'))).toBe('2026-11-02');
    // 09:45 CST: the week of 11-09 is due; a second tick does nothing.
    expect(await runScheduledReport(ctx.deps, new Date('2026-11-16T01:45:00Z'))).toBe('2026-11-09');
    expect(await runScheduledReport(ctx.deps, new Date('2026-11-16T02:45:00Z'))).toBeNull();
    const outbox = await ctx.deps.db.selectFrom('outbox').selectAll().where('kind', '=', 'report').orderBy('id').execute();
    expect(outbox).toHaveLength(2);
    expect(outbox[1]).toMatchObject({ severity: 'info', title_zh: '直播周报 2026-11-09 ~ 2026-11-15', title_en: 'Weekly live report 2026-11-09 – 2026-11-15' });
    expect(outbox[1]!.body_en).toContain('4 sessions');
    const list = (await member.get('/api/v1/reports/weekly')).json().items as Array<{ id: string; weekStart: string; trigger: string; gmvFen: number | null }>;
    expect(list.map((r) => [r.weekStart, r.trigger])).toEqual([
      ['2026-11-09', 'schedule'],
      ['2026-11-02', 'schedule'],
    ]);
    expect(outbox[1]!.ref_id).toBe(list[0]!.id);
  });

  it('the report holds the week vs the week before, best and worst sessions, teams and counts', async () => {
    await ctx.deps.db
      .insertInto('alerts')
      .values({ id: 'al1', team_id: teamA, room_id: roomA1, session_id: s.a1, kind: 'viewers_drop', severity: 'warn', group_key: 'g1', title_zh: 't', title_en: 't', detail: '{}', count: 1, first_at: '2026-11-10T12:30:00.000Z', last_at: '2026-11-10T12:30:00.000Z', status: 'open', acknowledged_by: null, acknowledged_at: null, resolved_by: null, resolved_at: null, incident_id: null })
      .execute();
    const res = await owner.post('/api/v1/reports/weekly/generate', { weekOf: '2026-11-12' });
    expect(res.statusCode).toBe(200); // the week exists: regenerated in place, not a second report
    const report = res.json() as WeeklyReportView;
    expect(report).toMatchObject({ weekStart: '2026-11-09', weekEnd: '2026-11-15', trigger: 'manual', timeZone: 'Asia/Shanghai' });
    const view = await dashboard(owner, 'scope=company&period=week&from=2026-11-09');
    expect(report.body.kpis).toEqual(view.kpis);
    expect(report.gmvFen).toBe(kpi(view, 'gmv_fen').value);
    expect(report.body.best.map((b) => b.id)).toEqual([s.a1, s.a2, s.lateNight]);
    expect(report.body.worst[0]!.id).toBe(s.lateNight);
    expect(report.body.teams.find((t) => t.id === teamA)).toMatchObject({ previousGmvFen: 800_000 });
    expect(report.body.counts).toEqual({ alerts: 1, incidents: 0, complianceBlocks: 0 });
    expect(report.body.suggestions).toBeNull();
    expect(await ctx.deps.db.selectFrom('outbox').select('id').where('kind', '=', 'report').execute()).toHaveLength(2);
    expect((await owner.get(`/api/v1/reports/weekly/${report.id}`)).json().body.weekStart).toBe('2026-11-09');
    expect((await owner.get('/api/v1/reports/weekly/nope')).statusCode).toBe(404);
  });

  it('generate now: a new week is created (201) and audited; members may not', async () => {
    expect((await member.post('/api/v1/reports/weekly/generate', {})).statusCode).toBe(403);
    const badWeek = await owner.post('/api/v1/reports/weekly/generate', { weekOf: '9999-12-31' });
    expect(badWeek.statusCode).toBe(400);
    expect(badWeek.json().error.fields[0].path).toBe('weekOf');
    const suggestion = (id: string, status: string, createdAt: string, decidedAt: string | null) => ({
      id,
      team_id: teamA,
      room_id: roomA1,
      session_id: s.a1,
      rule: 'gmv_under_goal',
      key: id,
      severity: 'warn',
      title_zh: '标题',
      title_en: 'title',
      advice_zh: '建议',
      advice_en: 'advice',
      evidence: '{}',
      status,
      decided_by: null,
      decided_by_label: null,
      decided_at: decidedAt,
      dismiss_reason: null,
      note: null,
      task_id: null,
      created_at: createdAt,
      updated_at: createdAt,
    });
    await ctx.deps.db
      .insertInto('suggestions')
      .values([
        suggestion('sg1', 'accepted', '2026-10-27T02:00:00.000Z', '2026-10-28T02:00:00.000Z'),
        suggestion('sg2', 'open', '2026-10-27T03:00:00.000Z', null),
        suggestion('sg3', 'open', '2026-11-20T03:00:00.000Z', null), // after the week: not counted
      ])
      .execute();
    const res = await owner.post('/api/v1/reports/weekly/generate', { weekOf: '2026-10-28' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ weekStart: '2026-10-26', trigger: 'manual', gmvFen: null });
    expect(res.json().body.suggestions).toEqual({ accepted: 1, open: 1 });
    const audit = await ctx.deps.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_type', '=', 'weekly-report').execute();
    expect(audit.filter((a) => a.action === 'create')).toHaveLength(3);
    expect(audit.filter((a) => a.action === 'update')).toHaveLength(1);
    expect(await ctx.deps.db.selectFrom('outbox').select('id').where('kind', '=', 'report').execute()).toHaveLength(3);
  });

  it('the started scheduler generates the latest due week on its first tick and stops cleanly', async () => {
    const schedule = (await owner.get('/api/v1/reports/weekly/schedule')).json();
    const due = latestDueWeek(schedule, new Date());
    await ctx.deps.db.deleteFrom('weekly_reports').where('week_start', '=', due).execute();
    const errors: unknown[] = [];
    const scheduler = startWeeklyReportScheduler(ctx.deps, { intervalMs: 50, onError: (e) => errors.push(e) });
    try {
      for (let i = 0; i < 200 && !(await ctx.deps.db.selectFrom('weekly_reports').select('id').where('week_start', '=', due).executeTakeFirst()); i++) await new Promise((r) => setTimeout(r, 25));
    } finally {
      await scheduler.stop();
    }
    expect(errors).toEqual([]);
    const rows = await ctx.deps.db.selectFrom('weekly_reports').select(['trigger']).where('week_start', '=', due).execute();
    expect(rows).toEqual([{ trigger: 'schedule' }]);
  });
});
