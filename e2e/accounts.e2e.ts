import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  afterResponse,
  clickForResponse,
  apiAs,
  clearShots,
  closeSelect,
  eventually,
  fromUserMenu,
  expectTitle,
  launchBrowser,
  openPage,
  pickOption,
  settledShot,
  signIn,
  startServer,
  textOf,
  waitForPath,
  type RunningServer,
} from './support';

// Inviting a colleague, what a member may and may not see, deactivation, and signing in and out.

const OWNER = { email: 'boss@studio.example.com', name: '赵店长', password: 'owner-password-1' };
const MEMBER = { email: 'xiaomei@studio.example.com', name: '小美', password: 'member-password-1' };
const TEAM = '直播一组';
const PERSON = { name: '陈主播', phone: '13800138000', masked: '138****8000' };

let server: RunningServer;
let browser: Browser;
let owner: { context: BrowserContext; page: Page };
let member: { context: BrowserContext; page: Page };
let shotNo = 0;
const snap = (page: Page, name: string) => settledShot(page, `accounts-${String(++shotNo).padStart(2, '0')}-${name}`);

let inviteLink = '';
let memberId = '';
let personId = '';

beforeAll(async () => {
  clearShots('accounts-');
  server = await startServer();
  browser = await launchBrowser();
  owner = await openPage(browser, server, 'zh-CN');
  member = await openPage(browser, server, 'zh-CN');

  // The owner and the studio's data come from the API: this file is about accounts, not setup.
  const setup = await owner.page.request.post('/api/v1/setup/owner', { data: { email: OWNER.email, displayName: OWNER.name, password: OWNER.password, locale: 'zh-CN' } });
  expect(setup.status()).toBe(201);
  const api = apiAs(owner.page);
  const team = await api.post<{ id: string }>('/teams', { name: TEAM, description: '' });
  expect(team.status).toBe(201);
  const person = await api.post<{ id: string }>('/people', { displayName: PERSON.name, teamIds: [team.body.id], phone: PERSON.phone });
  expect(person.status).toBe(201);
  personId = person.body.id;
});

afterAll(async () => {
  await owner?.context.close();
  await member?.context.close();
  await browser?.close();
  await server?.stop();
});

describe('inviting a colleague', () => {
  it('the owner creates an invite link on the invites tab of /access', async () => {
    const { page } = owner;
    await page.goto('/access');
    await expectTitle(page, '用户与权限');
    await page.getByTestId('access-tab-invites').click();
    await waitForPath(page, '/access?tab=invites');

    await page.getByTestId('invite-email').fill(MEMBER.email);
    // New invites are for members unless the owner picks another role.
    expect(await textOf(page.getByTestId('invite-role'))).toBe('成员');
    await pickOption(page, page.getByTestId('invite-teams'), TEAM);
    await closeSelect(page);
    const res = await clickForResponse(page, 'POST', '/api/v1/invites', page.getByTestId('invite-submit'));
    expect(res.status()).toBe(201);

    await page.getByTestId('invite-created').waitFor();
    inviteLink = await page.getByTestId('invite-link').inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${server.url}/invite/[^/]+$`));
    expect(inviteLink).toBe(server.url + ((await res.json()) as { path: string }).path);

    const pending = page.getByTestId('invites-table');
    await eventually(async () => {
      const text = await textOf(pending);
      expect(text).toContain(MEMBER.email);
      expect(text).toContain('邀请');
      expect(text).toContain(TEAM);
    });
    await snap(page, 'invite-created');
  });

  it('the colleague opens the link in their own browser, accepts it and lands signed in', async () => {
    const { page } = member;
    await page.goto(inviteLink);
    await page.getByTestId('accept-card').waitFor();
    expect(await textOf(page.getByTestId('accept-email'))).toBe(MEMBER.email);
    expect(await textOf(page.getByTestId('accept-role'))).toBe('成员');
    await snap(page, 'accept-invite');

    await page.getByTestId('accept-display-name').fill(MEMBER.name);
    await page.getByTestId('accept-password').fill(MEMBER.password);
    await page.getByTestId('accept-password-confirm').fill(MEMBER.password);
    const res = await clickForResponse(page, 'POST', /^\/api\/v1\/invites\/[^/]+\/accept$/, page.getByTestId('accept-submit'));
    expect(res.status()).toBe(200);
    memberId = ((await res.json()) as { user: { id: string } }).user.id;

    await waitForPath(page, '/');
    expect(await textOf(page.getByTestId('user-name'))).toBe(MEMBER.name);
    await expectTitle(page, '总览');
    const me = await apiAs(page).json<{ user: { email: string; role: string; teamIds: string[] }; permissions: string[] }>('/auth/me');
    expect(me.user).toMatchObject({ email: MEMBER.email, role: 'member' });
    expect(me.user.teamIds).toHaveLength(1);
    expect(me.permissions).not.toContain('person:reveal');
  });

  it('the link works only once', async () => {
    const stranger = await openPage(browser, server, 'zh-CN');
    try {
      await stranger.page.goto(inviteLink);
      const invalid = stranger.page.getByTestId('accept-invalid');
      const text = await textOf(invalid);
      expect(text).toContain('链接已无法使用');
      expect(text).toContain('链接已被使用');
      expect(await stranger.page.getByTestId('accept-form').count()).toBe(0);
    } finally {
      await stranger.context.close();
    }
    // …and it has left the owner's list of open links.
    await owner.page.reload();
    await owner.page.getByTestId('invites-table').waitFor();
    await eventually(async () => expect(await textOf(owner.page.getByTestId('invites-table'))).not.toContain(MEMBER.email));
  });
});

describe('what a member may see', () => {
  it('the sidebar has no Users & access and no Audit log', async () => {
    const { page } = member;
    const sidebar = page.getByTestId('sidebar');
    await sidebar.getByTestId('nav-people').waitFor();
    for (const key of ['overview', 'teams', 'positions', 'duties', 'matrix', 'people']) await sidebar.getByTestId(`nav-${key}`).waitFor();
    expect(await sidebar.getByTestId('nav-access').count()).toBe(0);
    expect(await sidebar.getByTestId('nav-audit').count()).toBe(0);
    const labels = (await sidebar.locator('a[data-testid^="nav-"]').allTextContents()).map((s) => s.trim());
    expect(labels).not.toContain('用户与权限');
    expect(labels).not.toContain('审计日志');
    await snap(page, 'member-overview');
  });

  it('a direct visit to /access or /audit shows the forbidden page', async () => {
    const { page } = member;
    for (const path of ['/access', '/audit']) {
      await page.goto(path);
      const forbidden = page.getByTestId('page-forbidden');
      const text = await textOf(forbidden);
      expect(text).toContain('当前角色无权访问');
      expect(text).toContain('如需使用此页面，请联系所有者开通权限。');
      expect(await page.getByTestId('users-table').count()).toBe(0);
      expect(await page.getByTestId('audit-table').count()).toBe(0);
    }
    await snap(page, 'member-forbidden');
    // The server refuses the same data.
    const api = apiAs(page);
    expect((await api.get('/users')).status).toBe(403);
    expect((await api.get('/audit')).status).toBe(403);
  });

  it('on /people a member sees contact details masked and no reveal buttons', async () => {
    const { page } = member;
    await page.getByTestId('nav-people').click();
    await waitForPath(page, '/people');
    await expectTitle(page, '成员');
    const row = page.getByTestId(`person-row-${personId}`);
    expect(await textOf(row)).toContain(PERSON.masked);
    // Read-only: no adding, editing or deleting either.
    expect(await page.getByTestId('person-create').count()).toBe(0);
    expect(await page.getByTestId(`person-edit-${personId}`).count()).toBe(0);

    await page.getByTestId(`person-open-${personId}`).click();
    await page.getByTestId('person-detail').waitFor();
    expect(await textOf(page.getByTestId('contact-phone'))).toBe(PERSON.masked);
    expect(await page.locator('[data-testid^="reveal-"]').count()).toBe(0);
    expect(await textOf(page.getByTestId('person-detail'))).toContain('你的角色只能查看脱敏后的联系方式。');
    expect(await textOf(page.getByTestId('person-detail'))).not.toContain(PERSON.phone);
    await snap(page, 'member-person');

    const reveal = await apiAs(page).post(`/people/${personId}/reveal`, { fields: ['phone'] });
    expect(reveal.status).toBe(403);
    expect(JSON.stringify(reveal.body)).not.toContain(PERSON.phone);
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('person-detail').waitFor({ state: 'hidden' });
  });
});

describe('deactivation and signing in', () => {
  it('the owner deactivates the member on the users tab', async () => {
    const { page } = owner;
    await page.getByTestId('access-tab-users').click();
    await waitForPath(page, '/access?tab=users');
    const row = page.getByTestId(`user-row-${memberId}`);
    expect(await textOf(row)).toContain(MEMBER.name);
    await page.getByTestId(`user-deactivate-${memberId}`).click();
    const res = await clickForResponse(page, 'POST', `/api/v1/users/${memberId}/deactivate`, page.getByTestId('confirm-ok'));
    expect(res.status()).toBe(200);
    await page.getByTestId(`user-activate-${memberId}`).waitFor();
    expect(await textOf(row)).toContain('已停用');
    // The member's session is gone on the server at once.
    expect((await member.page.request.get('/api/v1/auth/me')).status()).toBe(401);
  });

  it("the member's next navigation in the open console ends at /login", async () => {
    // The member's console is still open on /people. Teams were loaded on the overview moments ago.
    const m = member.page;
    // The bell polls in the background: its 401 may already have taken the member to /login before the click.
    if (!new URL(m.url()).pathname.startsWith('/login')) await m.getByTestId('nav-teams').click({ timeout: 5_000 }).catch(() => undefined);
    await waitForPath(m, /^\/login/, { timeout: 5_000 }).catch(() => {
      throw new Error(`after deactivation, navigating to /teams in the open console stayed on ${new URL(m.url()).pathname} and showed cached data instead of going to /login`);
    });
    // Either way the way back is the page the member was on, never cached data.
    expect(['/teams', '/people']).toContain(new URL(m.url()).searchParams.get('next'));
  });

  it('a deactivated member who opens the console lands on /login and cannot sign in again', async () => {
    const m = member.page;
    await m.goto('/positions');
    await waitForPath(m, '/login?next=%2Fpositions');
    await m.getByTestId('login-form').waitFor();
    expect(await m.getByTestId('user-menu').count()).toBe(0);

    await m.getByTestId('login-email').fill(MEMBER.email);
    await m.getByTestId('login-password').fill(MEMBER.password);
    const login = await clickForResponse(m, 'POST', '/api/v1/auth/login', m.getByTestId('login-submit'));
    expect(login.status()).toBe(403);
    expect(await textOf(m.getByTestId('login-error'))).toBe('该账号已停用');
    expect(new URL(m.url()).pathname).toBe('/login');
    await snap(m, 'member-deactivated-login');
  });

  it('signing out, then a wrong password shows the error in the chosen language', async () => {
    const { page } = owner;
    const signedOut = async () => new URL(page.url()).pathname === '/login';
    const out = await afterResponse(page, 'POST', '/api/v1/auth/logout', () => fromUserMenu(page, 'menu-sign-out', signedOut));
    expect(out.status()).toBe(204);
    await waitForPath(page, '/login');
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);

    await page.getByTestId('login-email').fill(OWNER.email);
    await page.getByTestId('login-password').fill('not-the-password');
    const wrong = await clickForResponse(page, 'POST', '/api/v1/auth/login', page.getByTestId('login-submit'));
    expect(wrong.status()).toBe(401);
    expect(await textOf(page.getByTestId('login-error'))).toBe('邮箱或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await snap(page, 'login-error-zh');

    await page.getByTestId('lang-switch').click();
    await eventually(async () => expect(await textOf(page.getByTestId('login-submit'))).toBe('Sign in'));
    const again = await clickForResponse(page, 'POST', '/api/v1/auth/login', page.getByTestId('login-submit'));
    expect(again.status()).toBe(401);
    await eventually(async () => expect(await textOf(page.getByTestId('login-error'))).toBe('Wrong email or password'));
    await snap(page, 'login-error-en');

    // The right password still works after two failures.
    await page.getByTestId('login-password').fill(OWNER.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    await waitForPath(page, '/');
    expect(await textOf(page.getByTestId('user-name'))).toBe(OWNER.name);
  });

  it('the sign-in page takes a user back to where they were going', async () => {
    const { page } = owner;
    await fromUserMenu(page, 'menu-sign-out', async () => new URL(page.url()).pathname === '/login');
    await page.goto('/people');
    await waitForPath(page, '/login?next=%2Fpeople');
    await page.getByTestId('login-continue').waitFor();
    await signIn(page, OWNER.email, OWNER.password);
    await waitForPath(page, '/people');
    await page.getByTestId(`person-row-${personId}`).waitFor();
  });
});
