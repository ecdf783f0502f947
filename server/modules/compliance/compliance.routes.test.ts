import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, setupOwner, type Client, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
});
afterAll(() => ctx.close());

describe('POST /api/v1/compliance/scan', () => {
  it('finds rule hits with spans into the original text', async () => {
    const text = '家人们，这是全网最低价，加我薇信 abc123';
    const res = await owner.post('/api/v1/compliance/scan', { text, context: 'transcript' });
    expect(res.statusCode).toBe(200);
    const findings = res.json().findings as { term: string; rule: string; severity: string; start: number; end: number; evasion: string[] }[];
    const absolute = findings.find((f) => f.term === '全网最低' && f.rule === 'ad-law.9.absolute')!;
    expect(text.slice(absolute.start, absolute.end)).toBe('全网最低');
    expect(absolute.severity).toBe('block');
    const diversion = findings.find((f) => f.rule === 'live.diversion.keyword')!;
    expect(text.slice(diversion.start, diversion.end)).toBe('加我薇信');
    expect(diversion.evasion).toContain('lookalike');
  });

  it('scans against an ad-hoc dictionary with its allow list', async () => {
    const res = await owner.post('/api/v1/compliance/scan', { text: '第一次来直播间，我们是第一', terms: ['第一'], allow: ['第一次'] });
    expect(res.json().findings.map((f: { start: number }) => f.start)).toEqual([11]);
  });

  it('refuses a missing text with a 400 and needs a sign-in', async () => {
    expect((await owner.post('/api/v1/compliance/scan', { context: 'comment' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/compliance/scan', payload: { text: 'x' } })).statusCode).toBe(401);
  });
});
