import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, OWNER, type TestContext } from '../../test/harness';
import { DEMO_OWNER } from './demo.data';

describe('first run with an owner', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('reports that setup is needed, then creates the owner with the default catalogue, once', async () => {
    const c = new Client(ctx.app);
    expect((await c.get('/api/v1/setup')).json()).toEqual({ needsSetup: true, demoLoaded: false });
    const bad = await c.post('/api/v1/setup/owner', { email: 'x', password: 'short', displayName: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['displayName', 'email', 'password']);
    expect((await c.get('/api/v1/setup')).json().needsSetup).toBe(true);

    const res = await c.post('/api/v1/setup/owner', OWNER);
    expect(res.statusCode).toBe(201);
    expect(res.json().user.role).toBe('owner');
    expect((await c.get('/api/v1/setup')).json()).toEqual({ needsSetup: false, demoLoaded: false });
    const positions = (await c.get('/api/v1/positions')).json().items;
    expect(positions).toHaveLength(11);
    const again = await new Client(ctx.app).post('/api/v1/setup/owner', { ...OWNER, email: 'second@example.com' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup/already-done');
    expect((await new Client(ctx.app).post('/api/v1/setup/demo')).statusCode).toBe(409);
  });
});

describe('first run with the demo company', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('loads the demo company and signs in as its owner', async () => {
    const c = new Client(ctx.app);
    const res = await c.post('/api/v1/setup/demo');
    expect(res.statusCode).toBe(201);
    expect(res.json().user.email).toBe(DEMO_OWNER.email);
    expect((await c.get('/api/v1/setup')).json()).toEqual({ needsSetup: false, demoLoaded: true });
    const teams = (await c.get('/api/v1/teams')).json().items;
    expect(teams).toHaveLength(3);
    const rooms = (await c.get('/api/v1/rooms')).json().items;
    expect(new Set(rooms.map((r: { platform: string }) => r.platform)).size).toBeGreaterThanOrEqual(3);
    const people = (await c.get('/api/v1/people')).json().items;
    expect(people.length).toBeGreaterThanOrEqual(28);
    const positions = (await c.get('/api/v1/positions')).json().items as { id: string; headcount: number }[];
    expect(positions.every((p) => p.headcount > 0)).toBe(true);
    const matrix = (await c.get('/api/v1/matrix')).json();
    expect(matrix.cells.length).toBeGreaterThan(matrix.duties.length);
    expect(matrix.findings).toEqual([]);
    // the demo owner's password is the documented one
    expect((await new Client(ctx.app).post('/api/v1/auth/login', DEMO_OWNER)).statusCode).toBe(200);
  });

  it('scopes a demo manager to their own team', async () => {
    const users = await ctx.deps.db.selectFrom('users').select(['email', 'role']).where('role', '=', 'manager').execute();
    const m = new Client(ctx.app);
    await m.login(users[0]!.email, DEMO_OWNER.password);
    const teams = (await m.get('/api/v1/teams')).json().items;
    expect(teams).toHaveLength(1);
    const people = (await m.get('/api/v1/people')).json().items as { teamIds: string[] }[];
    expect(people.length).toBeGreaterThan(5);
    expect(people.every((p) => p.teamIds.includes(teams[0].id))).toBe(true);
  });
});
