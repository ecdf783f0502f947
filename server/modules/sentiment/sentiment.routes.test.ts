import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionSentiment } from '../../../contracts/sentiment';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';
import { negativeThemes } from './sentiment.repository';

let ctx: TestContext;
let owner: Client;
let outsider: Client;
let roomId: string;
let token: string;
let sessionId: string;

const at = (s: number) => new Date(Date.parse('2026-12-01T11:05:00.000Z') + s * 1000).toISOString();
const post = (items: unknown[]) =>
  ctx.app.inject({ method: 'POST', url: `/api/v1/ingest/events/${roomId}`, payload: JSON.stringify(items), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
const comment = (id: string, s: number, text: string, user = '小雨') => ({ kind: 'comment', id, at: at(s), text, user: { id: `u-${id}`, name: user } });

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  const teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  const otherTeamId = (await owner.post('/api/v1/teams', { name: '食品组' })).json().id;
  outsider = await inviteAndJoin(owner, 'food@example.com', 'manager', [otherTeamId]);
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'other', accountId: 'sentiment-live', displayName: '美妆一号间' })).json().id;
  token = (await owner.post('/api/v1/tokens', { name: 'bridge', roomId, scopes: ['ingest'] })).json().token;
  sessionId = (await owner.post('/api/v1/sessions', { roomId, title: '周二晚场', plannedStart: '2026-12-01T19:00:00+08:00', plannedEnd: '2026-12-01T23:00:00+08:00' })).json().id;
  const res = await post([
    // minute 11:05: two positive, one neutral, one negative
    comment('a1', 1, '太好看了😍'),
    comment('a2', 2, '已拍两单'),
    comment('a3', 3, '3号链接多少钱？'),
    comment('a4', 4, '质量差，起球了'),
    { kind: 'like', id: 'l1', at: at(5), count: 3 },
    // minute 11:06: a wave of complaints
    comment('b1', 61, '假货，骗子主播'),
    comment('b2', 62, '发货太慢了，客服不理人'),
    comment('b3', 63, '质量太差了，我要退款'),
    comment('b4', 64, '好看'),
    { kind: 'transcript', id: 't1', at: at(65), text: '这个质量差的问题我们会处理' },
  ]);
  expect(res.statusCode).toBe(200);
  // Re-delivered messages are stored and counted once.
  expect((await post([comment('b1', 61, '假货，骗子主播')])).json().duplicates).toBe(1);
});
afterAll(() => ctx.close());

describe('sentiment on ingestion', () => {
  it('stores each comment with its sentiment, score and aspects; other events get none', async () => {
    const rows = await ctx.deps.db.selectFrom('live_events').select(['platform_msg_id', 'kind', 'sentiment', 'sentiment_score', 'aspects']).where('session_id', '=', sessionId).orderBy('id').execute();
    const by = new Map(rows.map((r) => [r.platform_msg_id, r]));
    expect(by.get('a1')).toMatchObject({ sentiment: 'positive' });
    expect(by.get('a3')).toMatchObject({ sentiment: 'neutral', sentiment_score: 0, aspects: '[]' });
    expect(by.get('a4')).toMatchObject({ sentiment: 'negative', aspects: '["quality"]' });
    expect(Number(by.get('a4')!.sentiment_score)).toBeLessThan(-0.2);
    expect(by.get('l1')).toMatchObject({ sentiment: null, sentiment_score: null, aspects: null });
    expect(by.get('t1')).toMatchObject({ sentiment: null });
  });

  it('counts sentiment per minute in the rollups and on the live monitor minutes', async () => {
    const rows = await ctx.deps.db.selectFrom('live_minutes').select(['minute', 'comments', 'sentiment_pos', 'sentiment_neu', 'sentiment_neg']).where('session_id', '=', sessionId).orderBy('minute').execute();
    expect(rows.map((r) => [r.minute, Number(r.comments), Number(r.sentiment_pos), Number(r.sentiment_neu), Number(r.sentiment_neg)])).toEqual([
      ['2026-12-01T11:05:00.000Z', 4, 2, 1, 1],
      ['2026-12-01T11:06:00.000Z', 4, 1, 0, 3],
    ]);
    const { latestMinutes } = await import('../ingest/live.repository');
    const minutes = await latestMinutes(ctx.deps.db, sessionId, 30);
    expect(minutes.map((m) => [m.positive, m.neutral, m.negative])).toEqual([[2, 1, 1], [1, 0, 3]]);
  });
});

describe('GET /api/v1/sessions/:id/sentiment', () => {
  it('gives the negative ratio and volume per minute, the themes and the most negative comments', async () => {
    const res = await owner.get(`/api/v1/sessions/${sessionId}/sentiment`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as SessionSentiment;
    expect(body.totals).toEqual({ positive: 3, neutral: 1, negative: 4 });
    expect(body.minutes).toEqual([
      { minute: '2026-12-01T11:05:00.000Z', positive: 2, neutral: 1, negative: 1, volume: 4, negativeRatio: 0.25 },
      { minute: '2026-12-01T11:06:00.000Z', positive: 1, neutral: 0, negative: 3, volume: 4, negativeRatio: 0.75 },
    ]);
    expect(body.themes.negative).toBe(4);
    expect(body.themes.aspects[0]).toEqual({ aspect: 'quality', count: 3 });
    expect(body.themes.aspects.map((a) => a.aspect).sort()).toEqual(['host', 'logistics', 'quality', 'service']);
    expect(body.themes.words.map((w) => w.word)).toEqual(expect.arrayContaining(['假货', '骗子', '发货太慢', '质量差']));
    expect(body.themes.examples).toHaveLength(4);
    expect(body.themes.examples[0]!.score).toBeLessThanOrEqual(body.themes.examples[3]!.score);
    expect(body.themes.examples.map((e) => e.text)).toContain('假货，骗子主播');
  });

  it('narrows to a window', async () => {
    const res = await owner.get(`/api/v1/sessions/${sessionId}/sentiment?from=2026-12-01T11:06:00Z&to=2026-12-01T11:07:00Z`);
    const body = res.json() as SessionSentiment;
    expect(body.minutes.map((m) => m.minute)).toEqual(['2026-12-01T11:06:00.000Z']);
    expect(body.themes.negative).toBe(3);
    expect(body.themes.examples.map((e) => e.text)).not.toContain('质量差，起球了');
  });

  it('is team-scoped: another team sees no such session, nor does a stranger', async () => {
    expect((await outsider.get(`/api/v1/sessions/${sessionId}/sentiment`)).json().error.code).toBe('session/not-found');
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/sessions/${sessionId}/sentiment` })).statusCode).toBe(401);
  });
});

describe('negativeThemes', () => {
  it('reads a window of a session for the surge alert, empty when nothing was negative', async () => {
    const themes = await negativeThemes(ctx.deps.db, sessionId, '2026-12-01T11:05:00.000Z', '2026-12-01T11:06:00.000Z');
    expect(themes).toMatchObject({ negative: 1, aspects: [{ aspect: 'quality', count: 1 }] });
    expect(themes.examples.map((e) => e.text)).toEqual(['质量差，起球了']);
    const none = await negativeThemes(ctx.deps.db, sessionId, new Date('2026-12-01T12:00:00Z'), new Date('2026-12-01T13:00:00Z'));
    expect(none).toEqual({ negative: 0, aspects: [], words: [], examples: [] });
  });
});
