import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness';
import { Permission } from '../../contracts/accounts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('http platform', () => {
  it('declares a permission on every API route', () => {
    const collected = ctx.app.routeAccess.filter((r) => r.url.startsWith('/api/'));
    expect(collected.map((r) => r.url)).toContain('/api/v1/people');
    const undeclared: string[] = [];
    const allowed = new Set<string>([...Permission.options, 'signed-in', 'public']);
    for (const r of collected) if (!allowed.has(String(r.permission))) undeclared.push(`${r.method} ${r.url}`);
    expect(collected.length).toBeGreaterThan(40);
    expect(undeclared).toEqual([]);
  });

  it('answers health with the database state and version', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', version: expect.any(String) });
  });

  it('serves the OpenAPI document with the v1 paths', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/people', '/api/v1/matrix/cells', '/api/v1/auth/login']));
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers unknown API paths with a JSON 404 in the asked language', async () => {
    const en = await ctx.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'accept-language': 'en-US' } });
    expect(en.statusCode).toBe(404);
    expect(en.json()).toEqual({ error: { code: 'common/not-found', message: 'Not found' } });
    const zh = await ctx.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'accept-language': 'zh-CN' } });
    expect(zh.json().error.message).toBe('找不到该记录');
  });

  it('turns malformed JSON into a 400, not a 500', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
  });

  it('refuses NUL characters in bodies and URLs with a 400 (PostgreSQL cannot store them)', async () => {
    const body = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":"a\\u0000@b.c","password":"x"}' });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.code).toBe('validation');
    const url = await ctx.app.inject({ method: 'GET', url: '/api/v1/invites/abc%00def' });
    expect(url.statusCode).toBe(400);
    expect(url.json().error.code).toBe('validation');
  });

  it('answers a URL the router cannot parse with the API error body', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/people/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
  });
});
