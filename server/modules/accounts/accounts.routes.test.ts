import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, inviteAndJoin, OWNER, setupOwner, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
});
afterAll(() => ctx.close());

describe('sign in and out', () => {
  it('signs in with the right password, returns permissions and a CSRF token, and sets an HttpOnly SameSite cookie', async () => {
    const c = new Client(ctx.app);
    const res = await c.post('/api/v1/auth/login', { email: OWNER.email.toUpperCase(), password: OWNER.password });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'sr_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(String(cookie.sameSite).toLowerCase()).toBe('lax');
    expect(res.json()).toMatchObject({ user: { email: OWNER.email, role: 'owner' }, permissions: expect.arrayContaining(['user:manage']), csrfToken: expect.any(String) });
    expect(res.body).not.toContain('password');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a wrong password with a localized message', async () => {
    const en = await new Client(ctx.app, 'en-US').post('/api/v1/auth/login', { email: OWNER.email, password: 'nope' });
    expect(en.statusCode).toBe(401);
    expect(en.json()).toEqual({ error: { code: 'auth/invalid-credentials', message: 'Wrong email or password' } });
    const zh = await new Client(ctx.app, 'zh-CN').post('/api/v1/auth/login', { email: OWNER.email, password: 'nope' });
    expect(zh.json().error.message).toBe('邮箱或密码错误');
    // reset the failure count so later tests are not locked out
    await new Client(ctx.app).login(OWNER.email, OWNER.password);
  });

  it('validates the login body field by field in both languages', async () => {
    const en = await new Client(ctx.app, 'en-US').post('/api/v1/auth/login', { email: 'not-an-email' });
    expect(en.statusCode).toBe(400);
    const body = en.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'password']);
    const zh = await new Client(ctx.app, 'zh-CN').post('/api/v1/auth/login', { email: 'not-an-email' });
    expect(zh.json().error.message).toBe('输入有误，请检查标出的字段');
    expect(zh.json().error.fields[0].message).not.toBe(body.error.fields[0].message);
  });
});

describe('invites, roles and deactivation', () => {
  it('invites by an expiring link; the link works once', async () => {
    const res = await owner.post('/api/v1/invites', { email: 'host@example.com', role: 'member', expiresInHours: 48 });
    expect(res.statusCode).toBe(201);
    const { invite, path } = res.json();
    expect(path).toMatch(/^\/invite\/[A-Za-z0-9_-]{40,}$/);
    const hours = (Date.parse(invite.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);
    const token = path.split('/').pop();
    const preview = await new Client(ctx.app).get(`/api/v1/invites/${token}`);
    expect(preview.json()).toMatchObject({ email: 'host@example.com', role: 'member', kind: 'invite' });
    const joiner = new Client(ctx.app);
    const accepted = await joiner.post(`/api/v1/invites/${token}/accept`, { displayName: '小美', password: 'a fine password' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email: 'host@example.com', role: 'member', displayName: '小美' });
    const again = await new Client(ctx.app).post(`/api/v1/invites/${token}/accept`, { password: 'a fine password' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('invite/used');
    expect((await new Client(ctx.app).get('/api/v1/invites/' + 'x'.repeat(43))).statusCode).toBe(404);
  });

  it('refuses an expired invite link', async () => {
    const res = await owner.post('/api/v1/invites', { email: 'late@example.com', role: 'viewer', expiresInHours: 1 });
    const { invite, path } = res.json();
    await ctx.deps.db.updateTable('invites').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', invite.id).execute();
    const r = await new Client(ctx.app).post(`/api/v1/invites/${path.split('/').pop()}/accept`, { password: 'a fine password' });
    expect(r.statusCode).toBe(410);
    expect(r.json().error.code).toBe('invite/expired');
    expect(await ctx.deps.db.selectFrom('users').select('id').where('email', '=', 'late@example.com').executeTakeFirst()).toBeUndefined();
  });

  it('refuses to invite an email that already has an account', async () => {
    const r = await owner.post('/api/v1/invites', { email: OWNER.email, role: 'viewer' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('user/email-taken');
  });

  it('lets only owners manage users', async () => {
    const manager = await inviteAndJoin(owner, 'mgr@example.com', 'manager');
    expect((await manager.get('/api/v1/users')).statusCode).toBe(403);
    expect((await manager.post('/api/v1/invites', { email: 'x@example.com', role: 'owner' })).statusCode).toBe(403);
    const users = (await owner.get('/api/v1/users')).json().items;
    expect(users.map((u: { email: string }) => u.email)).toContain('mgr@example.com');
  });

  it('changes roles, and never demotes or deactivates the last owner', async () => {
    const viewer = await inviteAndJoin(owner, 'viewer@example.com', 'viewer');
    const id = viewer.me!.user.id;
    const promoted = await owner.patch(`/api/v1/users/${id}`, { role: 'manager' });
    expect(promoted.json().role).toBe('manager');
    expect((await viewer.get('/api/v1/auth/me')).json().permissions).toContain('person:write');
    const ownerId = owner.me!.user.id;
    const demote = await owner.patch(`/api/v1/users/${ownerId}`, { role: 'viewer' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('user/last-owner');
    expect((await owner.post(`/api/v1/users/${ownerId}/deactivate`)).json().error.code).toBe('user/self-deactivate');
    expect((await owner.patch('/api/v1/users/00000000-0000-0000-0000-000000000000', { role: 'viewer' })).statusCode).toBe(404);
  });

  it('deactivation ends sessions and blocks sign-in; activation restores it', async () => {
    const member = await inviteAndJoin(owner, 'gone@example.com', 'member', [], 'gone password 1');
    const id = member.me!.user.id;
    expect((await owner.post(`/api/v1/users/${id}/deactivate`)).json().status).toBe('deactivated');
    expect((await member.get('/api/v1/auth/me')).statusCode).toBe(401);
    const login = await new Client(ctx.app).post('/api/v1/auth/login', { email: 'gone@example.com', password: 'gone password 1' });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('auth/deactivated');
    await owner.post(`/api/v1/users/${id}/activate`);
    expect((await new Client(ctx.app).post('/api/v1/auth/login', { email: 'gone@example.com', password: 'gone password 1' })).statusCode).toBe(200);
  });

  it('resets a password through a one-time link that ends old sessions', async () => {
    const member = await inviteAndJoin(owner, 'forgot@example.com', 'member', [], 'old password 1');
    const res = await owner.post(`/api/v1/users/${member.me!.user.id}/reset-password`);
    expect(res.statusCode).toBe(201);
    const token = res.json().path.split('/').pop();
    expect(res.json().path).toMatch(/^\/reset\//);
    const fresh = new Client(ctx.app);
    expect((await fresh.post(`/api/v1/invites/${token}/accept`, { password: 'new password 2' })).statusCode).toBe(200);
    expect((await member.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await new Client(ctx.app).post('/api/v1/auth/login', { email: 'forgot@example.com', password: 'old password 1' })).statusCode).toBe(401);
    expect((await new Client(ctx.app).post('/api/v1/auth/login', { email: 'forgot@example.com', password: 'new password 2' })).statusCode).toBe(200);
  });
});

describe('profile', () => {
  it('updates language and time zone and rejects an unknown zone', async () => {
    const ok = await owner.patch('/api/v1/me', { locale: 'en-US', timeZone: 'Europe/Berlin' });
    expect(ok.json()).toMatchObject({ locale: 'en-US', timeZone: 'Europe/Berlin' });
    const bad = await owner.patch('/api/v1/me', { timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('timeZone');
    expect((await owner.patch('/api/v1/me', { locale: null })).json().locale).toBeNull();
  });

  it('uses the profile language when the request names none', async () => {
    await owner.patch('/api/v1/me', { locale: 'en-US' });
    const res = await owner.request('PATCH', '/api/v1/me', { timeZone: 'Nowhere/Nope' }, { 'accept-language': '' });
    expect(res.json().error.message).toBe('Some fields are invalid');
    await owner.patch('/api/v1/me', { locale: 'zh-CN' });
    const zh = await owner.request('PATCH', '/api/v1/me', { timeZone: 'Nowhere/Nope' }, { 'accept-language': '' });
    expect(zh.json().error.message).toBe('输入有误，请检查标出的字段');
  });

  it('changes the password only with the current one', async () => {
    const member = await inviteAndJoin(owner, 'pw@example.com', 'member', [], 'first password');
    const wrong = await member.post('/api/v1/me/password', { currentPassword: 'nope', newPassword: 'second password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth/wrong-password');
    expect((await member.post('/api/v1/me/password', { currentPassword: 'first password', newPassword: 'second password' })).statusCode).toBe(204);
    expect((await member.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await new Client(ctx.app).post('/api/v1/auth/login', { email: 'pw@example.com', password: 'second password' })).statusCode).toBe(200);
  });
});

describe('audit of account actions', () => {
  it('records sign-ins, invites and role changes', async () => {
    const res = await owner.get('/api/v1/audit?entityType=user&limit=500');
    expect(res.statusCode).toBe(200);
    const actions = new Set(res.json().items.map((e: { action: string }) => e.action));
    for (const a of ['setup', 'update', 'deactivate', 'accept-invite', 'reset-password']) expect(actions).toContain(a);
    const invites = (await owner.get('/api/v1/audit?action=invite')).json().items;
    expect(invites.length).toBeGreaterThan(3);
  });

  it('pages through the log with keyset paging', async () => {
    const first = (await owner.get('/api/v1/audit?limit=3')).json();
    expect(first.items).toHaveLength(3);
    expect(first.nextBefore).toBe(first.items[2].id);
    const second = (await owner.get(`/api/v1/audit?limit=3&before=${first.nextBefore}`)).json();
    expect(second.items[0].id).toBeLessThan(first.items[2].id);
  });
});

describe('audit in the reader language', () => {
  it('returns each summary in the language of the request', async () => {
    await owner.post('/api/v1/teams', { name: '直播一组' });
    const en = (await owner.request('GET', '/api/v1/audit?entityType=team', undefined, { 'accept-language': 'en-US' })).json().items[0];
    const zh = (await owner.request('GET', '/api/v1/audit?entityType=team', undefined, { 'accept-language': 'zh-CN' })).json().items[0];
    expect(en.summary).toBe('Created team 直播一组');
    expect(zh.summary).toBe('新建团队 直播一组');
  });
});
