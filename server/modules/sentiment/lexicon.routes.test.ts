import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LexiconEntryView, LexiconList, SentimentTryResult } from '../../../contracts/sentiment';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
let member: Client;
let roomId: string;
let token: string;
let seq = 0;

const ingestComment = async (text: string) => {
  const id = `c${++seq}`;
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/ingest/events/${roomId}`,
    payload: JSON.stringify([{ kind: 'comment', id, at: new Date(Date.parse('2026-12-02T12:00:00Z') + seq * 1000).toISOString(), text, user: { id: `u${seq}`, name: '观众' } }]),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  const row = await ctx.deps.db.selectFrom('live_events').select(['sentiment', 'aspects']).where('room_id', '=', roomId).where('platform_msg_id', '=', id).executeTakeFirstOrThrow();
  return { label: row.sentiment, aspects: JSON.parse(row.aspects ?? '[]') as string[] };
};
const tryIt = async (text: string) => (await owner.post('/api/v1/sentiment/try', { text })).json() as SentimentTryResult;
const entry = async (term: string) => ((await owner.get('/api/v1/sentiment/lexicon')).json() as LexiconList).items.find((e) => e.term === term);

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  const teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  member = await inviteAndJoin(owner, 'host@example.com', 'member', [teamId]);
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'other', accountId: 'lexicon-live', displayName: '美妆一号间' })).json().id;
  token = (await owner.post('/api/v1/tokens', { name: 'bridge', roomId, scopes: ['ingest'] })).json().token;
});
afterAll(() => ctx.close());

describe('the sentiment lexicon', () => {
  it('lists every shipped entry with its origin, and a revision', async () => {
    const res = await member.get('/api/v1/sentiment/lexicon');
    expect(res.statusCode).toBe(200);
    const list = res.json() as LexiconList;
    expect(list.items.length).toBeGreaterThan(700);
    expect(list.items.find((e) => e.term === '质量差')).toMatchObject({ kind: 'negative', weight: 2, aspect: 'quality', origin: 'shipped', enabled: true, id: null });
    expect(list.revision).toBe(0);
  });

  it('a word added in the console is used for the next ingested comment, without a restart', async () => {
    expect(await ingestComment('这次芭比Q了')).toEqual({ label: 'neutral', aspects: [] });
    const res = await owner.put('/api/v1/sentiment/lexicon', { term: '芭比Q', kind: 'negative', weight: 2, aspect: 'quality', note: '翻车的意思' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ term: '芭比Q', origin: 'custom', enabled: true, shipped: null, note: '翻车的意思' });
    expect(await ingestComment('这次芭比Q了')).toEqual({ label: 'negative', aspects: ['quality'] });
    expect(await tryIt('芭比q了家人们')).toMatchObject({ label: 'negative', revision: 1 });
  });

  it('a shipped word changed or switched off takes effect at once, and reverts to how it ships', async () => {
    expect((await ingestComment('yyds')).label).toBe('positive');
    const off = await owner.put('/api/v1/sentiment/lexicon', { term: 'yyds', kind: 'positive', weight: 2, enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    const changed = off.json() as LexiconEntryView;
    expect(changed).toMatchObject({ origin: 'changed', enabled: false, shipped: { kind: 'positive', weight: 2, aspect: null } });
    expect((await ingestComment('yyds')).label).toBe('neutral');

    // 划算 re-read as a complaint about price (a team's own jargon), then back to how it ships.
    await owner.put('/api/v1/sentiment/lexicon', { term: '划算', kind: 'negative', weight: 1.5, aspect: 'price' });
    expect(await ingestComment('划算')).toEqual({ label: 'negative', aspects: ['price'] });
    const id = (await entry('划算'))!.id!;
    expect((await owner.delete(`/api/v1/sentiment/lexicon/${id}`)).statusCode).toBe(204);
    expect(await entry('划算')).toMatchObject({ origin: 'shipped', kind: 'positive', id: null });
    expect((await ingestComment('划算')).label).toBe('positive');
  });

  it('every change is audited with before and after', async () => {
    const rows = await ctx.deps.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_type', '=', 'sentiment-lexicon').orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'create', 'delete']);
    expect(JSON.parse(rows[1]!.before_json!)).toMatchObject({ kind: 'positive', weight: 2 });
    expect(JSON.parse(rows[1]!.after_json!)).toMatchObject({ enabled: false });
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const before = (await owner.get('/api/v1/sentiment/lexicon')).json() as LexiconList;
    const res = await owner.put('/api/v1/sentiment/lexicon', { term: '  ', kind: 'angry', weight: 9 });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['kind', 'term', 'weight']);
    const zh = await owner.request('PUT', '/api/v1/sentiment/lexicon', { term: '', kind: 'negative' }, { 'accept-language': 'zh-CN' });
    expect(JSON.stringify(zh.json())).toContain('请输入词语');
    const after = (await owner.get('/api/v1/sentiment/lexicon')).json() as LexiconList;
    expect(after.revision).toBe(before.revision);
    expect((await owner.delete('/api/v1/sentiment/lexicon/no-such-entry')).json().error.code).toBe('sentiment/entry-not-found');
  });

  it('needs sentiment:manage to change (members read and try only)', async () => {
    expect((await member.put('/api/v1/sentiment/lexicon', { term: '好物', kind: 'positive' })).statusCode).toBe(403);
    expect((await member.post('/api/v1/sentiment/try', { text: '质量差' })).json()).toMatchObject({ label: 'negative' });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/sentiment/lexicon' })).statusCode).toBe(401);
  });
});
