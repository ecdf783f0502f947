import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLAINTS, Show } from '../../../scripts/show';
import { parseSimulateArgs, simulate, type SimFormat } from '../../../scripts/simulate';
import { createTestContext, setupOwner, type Client, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
let url: string;
let teamId: string;
const SECRET = 'douyin-room-secret-for-the-simulator';

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  teamId = (await owner.post('/api/v1/teams', { name: '模拟组' })).json().id;
  url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => ctx.close());

describe('scripts/simulate.ts', () => {
  it.each<SimFormat>(['custom', 'tiktok', 'bilibili', 'douyin'])('plays a show in the %s format through the ingestion API', async (format) => {
    const platform = format === 'custom' ? 'other' : format;
    const roomId = (await owner.post('/api/v1/rooms', { teamId, platform, accountId: `sim-${format}`, displayName: `${format} 模拟间`, ...(format === 'douyin' ? { secret: SECRET } : {}) })).json().id;
    const token = (await owner.post('/api/v1/tokens', { name: 'sim', roomId, scopes: ['ingest'] })).json().token;
    const log: string[] = [];
    const stats = await simulate({ room: roomId, rate: 120, format, url, token, secret: SECRET, events: 150, batch: 50, seed: 7, log: (l) => log.push(l) });
    expect(log.filter((l) => l.startsWith('HTTP'))).toEqual([]);
    expect(stats.failures).toBe(0);
    expect(stats.sent).toBe(150);
    expect(stats.accepted).toBeGreaterThan(50);

    const session = await ctx.deps.db.selectFrom('live_sessions').select(['id', 'status']).where('room_id', '=', roomId).executeTakeFirstOrThrow();
    expect(session.status).toBe('live');
    const summary = (await owner.get(`/api/v1/sessions/${session.id}/summary`)).json();
    expect(summary.counts.comment).toBeGreaterThan(0);
    expect(summary.counts.like).toBeGreaterThan(0);
    expect(summary.counts.transcript).toBeGreaterThan(0);
    expect(summary.giftValueFen + summary.gmvFen).toBeGreaterThan(0);
    expect(summary.peakViewers).toBeGreaterThan(0);
    expect(summary.unknownMessages).toBe(0);
    // Chinese comments, some of them problematic
    const comments = await ctx.deps.db.selectFrom('live_events').select('text').where('room_id', '=', roomId).where('kind', '=', 'comment').execute();
    expect(comments.some((c) => /[\u4e00-\u9fff]/.test(c.text ?? ''))).toBe(true);
  });

  it('turns the audience after a count of events in surge mode, and only then', () => {
    const plain = new Show(11);
    const surging = new Show(11);
    surging.surgeAfter = 100;
    // The same show up to the turn (order ids carry the clock, so they are left out of the comparison).
    const same = (ms: ReturnType<Show['next']>) => ms.map((m) => (m.kind === 'order' ? { ...m, orderId: '' } : m));
    const a = same([...plain.next(0, 60), ...plain.next(1, 40)]);
    const b = same([...surging.next(0, 60), ...surging.next(1, 40)]);
    expect(b).toEqual(a);
    const after = surging.next(2, 200).filter((m) => m.kind === 'comment');
    expect(after.length).toBeGreaterThan(100);
    const complaints = after.filter((m) => m.kind === 'comment' && COMPLAINTS.includes(m.text));
    expect(complaints.length / after.length).toBeGreaterThan(0.8);
    expect(parseSimulateArgs(['--room', 'r', '--token', 't', '--surge-after', '50']).surge).toEqual({ afterEvents: 50 });
    expect(parseSimulateArgs(['--room', 'r', '--token', 't']).surge).toBeUndefined();
  });
});
