import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, type SimFormat } from '../../../scripts/simulate';
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
});
