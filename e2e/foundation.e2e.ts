import { describe, expect, it } from 'vitest';
import {
  afterResponse,
  clickForResponse,
  apiAs,
  browserSuite,
  closeSelect,
  eventually,
  fromUserMenu,
  expectTitle,
  pickOption,
  settledShot,
  statisticValue,
  textOf,
  waitForPath,
} from './support';

// The first-run path of a new installation, in the order a studio owner takes it, in Chinese;
// then every main page again in English and back.

const OWNER = { email: 'owner@studio.example.com', name: '王老板', password: 'correct-horse-42' };
const TEAM = { name: '春季女装组', description: '负责女装品类的日常直播' };
const ROOM = { name: '春季女装快手直播间', accountId: 'ks_88001234', platform: '快手' };
const POSITION = {
  code: 'stylist',
  nameZh: '穿搭顾问',
  nameEn: 'Stylist',
  skills: ['服装搭配', '镜头表现'],
  levels: [
    { code: 'assistant', nameZh: '助理造型师', nameEn: 'Assistant stylist' },
    { code: 'stylist', nameZh: '造型师', nameEn: 'Stylist' },
    { code: 'lead', nameZh: '首席造型师', nameEn: 'Lead stylist' },
  ],
};
const DUTY = { code: 'outfit_planning', nameZh: '直播穿搭规划', nameEn: 'Outfit planning', area: '内容', hours: '6' };
const PERSON = { name: '林晓雨', phone: '13912345678', masked: '139****5678', wechat: 'linxiaoyu_88' };

const suite = browserSuite('foundation-');
let shotNo = 0;
const snap = (name: string) => settledShot(suite.page, `foundation-${String(++shotNo).padStart(2, '0')}-${name}`);

describe('first run, in Chinese', () => {
  let teamId = '';
  let personId = '';

  it('a fresh installation sends the browser from / to the setup page, in Chinese', async () => {
    // The address people type first: the server must answer it with the console, which then redirects.
    const res = await suite.page.goto('/');
    expect(res?.status(), 'GET / serves the console').toBe(200);
    expect(res?.headers()['content-type']).toContain('text/html');
    await waitForPath(suite.page, '/setup');
    expect(await textOf(suite.page.locator('h2'))).toBe('欢迎使用直播运营台');
    expect(await suite.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await suite.page.getByTestId('lang-switch').getAttribute('data-locale')).toBe('zh-CN');
  });

  it('creates the owner and lands on the overview with the default catalogue', async () => {
    if (!new URL(suite.page.url()).pathname.startsWith('/setup')) await suite.page.goto('/setup');
    await suite.page.getByTestId('setup-owner-form').waitFor();
    await snap('setup-zh');

    await suite.page.getByTestId('setup-email').fill(OWNER.email);
    await suite.page.getByTestId('setup-display-name').fill(OWNER.name);
    await suite.page.getByTestId('setup-password').fill(OWNER.password);
    await suite.page.getByTestId('setup-password-confirm').fill(OWNER.password);
    const res = await clickForResponse(suite.page, 'POST', '/api/v1/setup/owner', suite.page.getByTestId('setup-owner-submit'));
    expect(res.status()).toBe(201);

    await waitForPath(suite.page, '/');
    expect(await textOf(suite.page.getByTestId('user-name'))).toBe(OWNER.name);
    await expectTitle(suite.page, '总览');
    expect(await textOf(suite.page.locator('.ant-layout-content'))).toContain(`欢迎回来，${OWNER.name}`);

    const api = apiAs(suite.page);
    const duties = await api.json<{ items: unknown[] }>('/duties');
    await eventually(async () => {
      expect(await statisticValue(suite.page.getByTestId('overview-positions'))).toBe(11);
      expect(await statisticValue(suite.page.getByTestId('overview-duties'))).toBe(duties.items.length);
      expect(await statisticValue(suite.page.getByTestId('overview-teams'))).toBe(0);
      expect(await statisticValue(suite.page.getByTestId('overview-rooms'))).toBe(0);
      expect(await statisticValue(suite.page.getByTestId('overview-people'))).toBe(0);
    });
    expect(duties.items.length).toBeGreaterThan(0);
    // The default matrix is complete: no gaps to fix.
    await suite.page.getByTestId('overview-no-findings').waitFor();
    const me = await api.json<{ user: { role: string; email: string } }>('/auth/me');
    expect(me.user).toMatchObject({ role: 'owner', email: OWNER.email });
    await snap('overview-zh');
  });

  it('adds a team and a live room on /teams', async () => {
    await suite.page.getByTestId('nav-teams').click();
    await waitForPath(suite.page, '/teams');
    await expectTitle(suite.page, '团队与直播间');

    await suite.page.getByTestId('team-create').click();
    await suite.page.getByTestId('team-name').fill(TEAM.name);
    await suite.page.getByTestId('team-description').fill(TEAM.description);
    const created = await clickForResponse(suite.page, 'POST', '/api/v1/teams', suite.page.getByTestId('team-submit'));
    expect(created.status()).toBe(201);
    teamId = ((await created.json()) as { id: string }).id;
    await suite.page.getByTestId('team-submit').waitFor({ state: 'hidden' });
    const row = suite.page.getByTestId(`team-row-${teamId}`);
    expect(await textOf(row)).toContain(TEAM.name);

    await suite.page.getByTestId(`room-create-${teamId}`).click();
    // The room dialog opened from the team's row preselects that team.
    expect(await textOf(suite.page.getByTestId('room-team'))).toBe(TEAM.name);
    await pickOption(suite.page, suite.page.getByTestId('room-platform'), ROOM.platform);
    await suite.page.getByTestId('room-account-id').fill(ROOM.accountId);
    await suite.page.getByTestId('room-display-name').fill(ROOM.name);
    const room = await clickForResponse(suite.page, 'POST', '/api/v1/rooms', suite.page.getByTestId('room-submit'));
    expect(room.status()).toBe(201);
    expect(await room.json()).toMatchObject({ teamId, platform: 'kuaishou', accountId: ROOM.accountId, displayName: ROOM.name, timeZone: 'Asia/Shanghai' });
    await suite.page.getByTestId('room-submit').waitFor({ state: 'hidden' });

    // The team's room count follows, and the expanded row lists the room.
    await eventually(async () => expect((await row.locator('td').allTextContents()).map((s) => s.trim())).toContain('1'));
    await row.locator('.ant-table-row-expand-icon').click();
    const rooms = suite.page.getByTestId(`rooms-table-${teamId}`);
    await eventually(async () => {
      const text = await textOf(rooms);
      expect(text).toContain(ROOM.name);
      expect(text).toContain(ROOM.platform);
      expect(text).toContain(ROOM.accountId);
    });
    await snap('teams-zh');
  });

  it('adds a position with its own level ladder on /positions', async () => {
    await suite.page.getByTestId('nav-positions').click();
    await waitForPath(suite.page, '/positions');
    await expectTitle(suite.page, '岗位');

    await suite.page.getByTestId('position-create').click();
    await suite.page.getByTestId('position-code').fill(POSITION.code);
    await suite.page.getByTestId('position-name-zh').fill(POSITION.nameZh);
    await suite.page.getByTestId('position-name-en').fill(POSITION.nameEn);
    await suite.page.getByTestId('position-description-zh').fill('为主播和模特搭配每场直播的服装。');
    for (const skill of POSITION.skills) {
      await suite.page.getByTestId('position-skills').click();
      await suite.page.keyboard.type(skill);
      await suite.page.keyboard.press('Enter');
    }
    // The form starts from the four default levels: rewrite three and drop the fourth.
    await suite.page.getByTestId('position-level-code-3').waitFor();
    for (const [i, level] of POSITION.levels.entries()) {
      await suite.page.getByTestId(`position-level-code-${i}`).fill(level.code);
      await suite.page.getByTestId(`position-level-name-zh-${i}`).fill(level.nameZh);
      await suite.page.getByTestId(`position-level-name-en-${i}`).fill(level.nameEn);
    }
    await suite.page.getByTestId('position-level-remove-3').click();
    await suite.page.getByTestId('position-level-code-3').waitFor({ state: 'detached' });

    const res = await clickForResponse(suite.page, 'POST', '/api/v1/positions', suite.page.getByTestId('position-submit'));
    expect(res.status()).toBe(201);
    const position = (await res.json()) as { levels: unknown[]; skills: string[] };
    expect(position.levels).toEqual(POSITION.levels);
    expect(position.skills).toEqual(POSITION.skills);
    await suite.page.getByTestId('position-submit').waitFor({ state: 'hidden' });

    const row = suite.page.getByTestId(`position-row-${POSITION.code}`);
    await eventually(async () => {
      const tags = (await row.locator('.ant-tag').allTextContents()).map((s) => s.trim());
      // The ladder in its order, then the skills.
      expect(tags.slice(0, 3)).toEqual(POSITION.levels.map((l) => l.nameZh));
      expect(tags).toEqual(expect.arrayContaining(POSITION.skills));
    });
    expect(await textOf(row)).toContain(POSITION.nameZh);
    await snap('positions-zh');
  });

  it('adds a duty on /duties', async () => {
    await suite.page.getByTestId('nav-duties').click();
    await waitForPath(suite.page, '/duties');
    await expectTitle(suite.page, '职责');

    await suite.page.getByTestId('duty-create').click();
    await suite.page.getByTestId('duty-code').fill(DUTY.code);
    await pickOption(suite.page, suite.page.getByTestId('duty-area'), DUTY.area);
    await suite.page.getByTestId('duty-weekly-hours').fill(DUTY.hours);
    await suite.page.getByTestId('duty-name-zh').fill(DUTY.nameZh);
    await suite.page.getByTestId('duty-name-en').fill(DUTY.nameEn);
    const res = await clickForResponse(suite.page, 'POST', '/api/v1/duties', suite.page.getByTestId('duty-submit'));
    expect(res.status()).toBe(201);
    expect(await res.json()).toMatchObject({ code: DUTY.code, area: 'content', weeklyHours: 6 });
    await suite.page.getByTestId('duty-submit').waitFor({ state: 'hidden' });

    // More duties than fit on one page: find the new one with the search box.
    await suite.page.getByTestId('duty-search').fill(DUTY.code);
    const row = suite.page.getByTestId(`duty-row-${DUTY.code}`);
    const text = await textOf(row);
    expect(text).toContain(DUTY.nameZh);
    expect(text).toContain('内容');
    expect(text).toContain('6 小时/周');
    expect(await textOf(suite.page.getByTestId('duty-total-hours'))).toBe('共 1 项职责 · 合计 6 小时/周');
    await suite.page.getByTestId('duty-search').fill('');
    const all = (await apiAs(suite.page).json<{ items: unknown[] }>('/duties')).items.length;
    expect(all).toBeGreaterThan(20);
    // Back to the whole list, 20 to a page.
    await eventually(async () => expect(await suite.page.getByTestId(/^duty-row-/).count()).toBe(20));
    expect(await textOf(suite.page.getByTestId('duty-total-hours'))).toMatch(new RegExp(`^共 ${all} 项职责`));
    await snap('duties-zh');
  });

  it('edits the responsibility matrix; the cells persist and the gaps follow', async () => {
    await suite.page.getByTestId('nav-matrix').click();
    await waitForPath(suite.page, '/matrix');
    await expectTitle(suite.page, '职责矩阵');

    const row = suite.page.getByTestId(`matrix-row-${DUTY.code}`);
    const finding = (kind: string) => suite.page.getByTestId(`matrix-finding-${DUTY.code}-${kind}`);
    const mine = suite.page.getByTestId(`matrix-cell-${POSITION.code}-${DUTY.code}`);
    const host = suite.page.getByTestId(`matrix-cell-host-${DUTY.code}`);
    const setCell = async (cell: typeof mine, value: 'R' | 'A' | 'C' | 'I' | 'none') => {
      const testId = await cell.getAttribute('data-testid');
      await cell.click();
      const res = await clickForResponse(suite.page, 'PUT', '/api/v1/matrix/cells', suite.page.getByTestId(`${testId}-option-${value}`));
      expect(res.ok()).toBe(true);
    };

    // The new duty has nobody on it yet: two gaps, and the row is marked.
    await finding('no-responsible').waitFor();
    await finding('no-accountable').waitFor();
    expect(await row.getAttribute('class')).toContain('sr-finding-row');
    expect(await textOf(suite.page.getByTestId('matrix-findings-count'))).toBe('有 2 处缺口待修正');
    expect(await mine.getAttribute('data-value')).toBe('');
    await setCell(mine, 'A');
    await eventually(async () => {
      expect(await mine.getAttribute('data-value')).toBe('A');
      expect(await finding('no-accountable').count()).toBe(0);
      expect(await finding('no-responsible').count()).toBe(1);
      expect(await textOf(suite.page.getByTestId('matrix-findings-count'))).toBe('有 1 处缺口待修正');
    });
    await setCell(host, 'R');
    await eventually(async () => {
      expect(await host.getAttribute('data-value')).toBe('R');
      expect(await finding('no-responsible').count()).toBe(0);
      expect(await textOf(suite.page.getByTestId('matrix-findings-count'))).toBe('没有缺口：所有职责都已覆盖');
      expect(await row.getAttribute('class')).not.toContain('sr-finding-row');
    });

    // A second A is a gap of its own, and goes away again with the R back.
    await setCell(host, 'A');
    await finding('many-accountable').waitFor();
    await setCell(host, 'R');
    await finding('many-accountable').waitFor({ state: 'detached' });
    await suite.page.reload();
    await suite.page.getByTestId('matrix-table').waitFor();
    await eventually(async () => {
      expect(await mine.getAttribute('data-value')).toBe('A');
      expect(await host.getAttribute('data-value')).toBe('R');
    });
    expect(await suite.page.getByTestId(new RegExp(`^matrix-finding-${DUTY.code}-`)).count()).toBe(0);
    expect(await textOf(suite.page.getByTestId('matrix-findings-count'))).toBe('没有缺口：所有职责都已覆盖');

    const matrix = await apiAs(suite.page).json<{ positions: { id: string; code: string }[]; duties: { id: string; code: string }[]; cells: { positionId: string; dutyId: string; value: string }[]; findings: unknown[] }>('/matrix');
    const dutyId = matrix.duties.find((d) => d.code === DUTY.code)!.id;
    const codeOf = new Map(matrix.positions.map((p) => [p.id, p.code]));
    expect(matrix.cells.filter((c) => c.dutyId === dutyId).map((c) => `${codeOf.get(c.positionId)}=${c.value}`).sort()).toEqual([`host=R`, `${POSITION.code}=A`]);
    expect(matrix.findings).toEqual([]);
    await snap('matrix-zh');
  });

  it('adds a person on /people; the phone number shows masked in the table and the detail', async () => {
    await suite.page.getByTestId('nav-people').click();
    await waitForPath(suite.page, '/people');
    await expectTitle(suite.page, '成员');

    await suite.page.getByTestId('person-create').click();
    await suite.page.getByTestId('person-display-name').fill(PERSON.name);
    await pickOption(suite.page, suite.page.getByTestId('person-position'), POSITION.nameZh, { search: POSITION.nameZh });
    await pickOption(suite.page, suite.page.getByTestId('person-level'), POSITION.levels[1]!.nameZh);
    await pickOption(suite.page, suite.page.getByTestId('person-teams'), TEAM.name);
    await closeSelect(suite.page);
    await suite.page.getByTestId('person-phone').fill(PERSON.phone);
    await suite.page.getByTestId('person-wechat').fill(PERSON.wechat);
    const res = await clickForResponse(suite.page, 'POST', '/api/v1/people', suite.page.getByTestId('person-submit'));
    expect(res.status()).toBe(201);
    const created = (await res.json()) as { id: string; level: string; teamIds: string[]; contacts: { phone: string } };
    personId = created.id;
    expect(created).toMatchObject({ level: POSITION.levels[1]!.code, teamIds: [teamId], contacts: { phone: PERSON.masked } });
    await suite.page.getByTestId('person-submit').waitFor({ state: 'hidden' });

    const row = suite.page.getByTestId(`person-row-${personId}`);
    await eventually(async () => {
      const text = await textOf(row);
      expect(text).toContain(PERSON.name);
      expect(text).toContain(POSITION.nameZh);
      expect(text).toContain(POSITION.levels[1]!.nameZh);
      expect(text).toContain(TEAM.name);
      expect(text).toContain(PERSON.masked);
    });
    expect(await textOf(suite.page.getByTestId('people-table'))).not.toContain(PERSON.phone);
    expect(await textOf(suite.page.getByTestId('people-count'))).toBe('共 1 人');
    await snap('people-zh');

    await suite.page.getByTestId(`person-open-${personId}`).click();
    const phone = suite.page.getByTestId('contact-phone');
    expect(await textOf(phone)).toBe(PERSON.masked);
    expect(await phone.getAttribute('data-revealed')).toBe('false');
    expect(await textOf(suite.page.getByTestId('contact-wechat'))).not.toBe(PERSON.wechat);
  });

  it('reveals the phone number in plain text on request', async () => {
    const phone = suite.page.getByTestId('contact-phone');
    const res = await clickForResponse(suite.page, 'POST', `/api/v1/people/${personId}/reveal`, suite.page.getByTestId('reveal-phone'));
    expect(res.status()).toBe(200);
    await eventually(async () => {
      expect(await phone.getAttribute('data-revealed')).toBe('true');
      expect(await textOf(phone)).toBe(PERSON.phone);
    });
    await suite.page.getByTestId('reveal-note').waitFor();
    expect(await suite.page.getByTestId('reveal-phone').count()).toBe(0);
    // Only the field asked for is revealed.
    expect(await suite.page.getByTestId('contact-wechat').getAttribute('data-revealed')).toBe('false');
    await snap('person-revealed-zh');
    await suite.page.locator('.ant-drawer-open .ant-drawer-close').click();
    await suite.page.getByTestId('person-detail').waitFor({ state: 'hidden' });
  });

  it('lists the reveal in the audit log (filtered by action)', async () => {
    await suite.page.getByTestId('nav-audit').click();
    await waitForPath(suite.page, '/audit');
    await expectTitle(suite.page, '审计日志');

    await afterResponse(suite.page, 'GET', '/api/v1/audit', () => pickOption(suite.page, suite.page.getByTestId('audit-filter-action'), '查看明文'));
    const api = apiAs(suite.page);
    const entries = await api.json<{ items: { id: number; action: string; entityType: string; entityId: string; actorUserId: string }[] }>('/audit?action=reveal');
    const me = await api.json<{ user: { id: string } }>('/auth/me');
    expect(entries.items).toHaveLength(1);
    expect(entries.items[0]).toMatchObject({ action: 'reveal', entityType: 'person', entityId: personId, actorUserId: me.user.id });

    const rows = suite.page.getByTestId(/^audit-row-/);
    await eventually(async () => expect(await rows.count()).toBe(1));
    const text = await textOf(suite.page.getByTestId(`audit-row-${entries.items[0]!.id}`));
    expect(text).toContain('查看明文');
    expect(text).toContain('成员');
    expect(text).toContain(personId);
    // The log says that it was revealed, never what.
    expect(await textOf(suite.page.getByTestId('audit-table'))).not.toContain(PERSON.phone);
    expect(await textOf(suite.page.getByTestId('audit-count'))).toBe('已显示 1 条');
    await snap('audit-zh');
  });
});

describe('the same console in English', () => {
  const pages = [
    { key: 'overview', path: '/', titleEn: 'Overview', titleZh: '总览' },
    { key: 'teams', path: '/teams', titleEn: 'Teams & rooms', titleZh: '团队与直播间' },
    { key: 'positions', path: '/positions', titleEn: 'Positions', titleZh: '岗位' },
    { key: 'duties', path: '/duties', titleEn: 'Duties', titleZh: '职责' },
    { key: 'matrix', path: '/matrix', titleEn: 'Responsibility matrix', titleZh: '职责矩阵' },
    { key: 'people', path: '/people', titleEn: 'People', titleZh: '成员' },
    { key: 'access', path: '/access', titleEn: 'Users & access', titleZh: '用户与权限' },
    { key: 'audit', path: '/audit', titleEn: 'Audit log', titleZh: '审计日志' },
  ] as const;

  const navTexts = async () => (await suite.page.getByTestId('sidebar').locator('a[data-testid^="nav-"]').allTextContents()).map((s) => s.trim());

  const open = async (key: (typeof pages)[number]['key'] | 'profile') => {
    if (key === 'profile') {
      await fromUserMenu(suite.page, 'menu-profile', async () => new URL(suite.page.url()).pathname === '/profile');
    } else {
      await suite.page.getByTestId(`nav-${key}`).click();
      await waitForPath(suite.page, pages.find((p) => p.key === key)!.path);
    }
  };

  it('switches the whole interface to English with the header switch', async () => {
    const toggle = suite.page.getByTestId('lang-switch');
    expect(await textOf(toggle)).toBe('English');
    await toggle.click();
    await eventually(async () => {
      expect(await toggle.getAttribute('data-locale')).toBe('en-US');
      await expectTitle(suite.page, 'Audit log');
      const nav = await navTexts();
      expect(nav).toEqual(expect.arrayContaining(['Overview', 'Teams & rooms', 'Positions', 'Duties', 'Responsibility matrix', 'People', 'Users & access', 'Audit log']));
      // Nothing in the sidebar is left in Chinese.
      expect(nav.filter((text) => /[\u4e00-\u9fff]/.test(text))).toEqual([]);
      expect(await suite.page.evaluate(() => document.documentElement.lang)).toBe('en-US');
      expect(await textOf(toggle)).toBe('中文');
    });
    await expectTitle(suite.page, 'Audit log');
    // Texts from the server follow too: the filtered audit entry is now a "Reveal" of a "Person".
    await eventually(async () => {
      const text = await textOf(suite.page.getByTestId('audit-table'));
      expect(text).toContain('Reveal');
      expect(text).toContain('Person');
    });
    // The owner's profile pinned Chinese at setup; the switch moves the pin along.
    expect((await apiAs(suite.page).json<{ user: { locale: string } }>('/auth/me')).user.locale).toBe('en-US');
  });

  it('shows every main page in English', async () => {
    for (const p of pages) {
      await open(p.key);
      await expectTitle(suite.page, p.titleEn);
      if (p.key === 'overview') {
        await eventually(async () => {
          expect(await statisticValue(suite.page.getByTestId('overview-positions'))).toBe(12);
          expect(await statisticValue(suite.page.getByTestId('overview-teams'))).toBe(1);
          expect(await statisticValue(suite.page.getByTestId('overview-rooms'))).toBe(1);
          expect(await statisticValue(suite.page.getByTestId('overview-people'))).toBe(1);
        });
        expect(await textOf(suite.page.getByTestId('overview-no-findings'))).toBe('Every duty has someone responsible and exactly one accountable position.');
        expect(await textOf(suite.page.locator('.ant-layout-content'))).toContain(`Welcome back, ${OWNER.name}`);
      }
      if (p.key === 'positions') {
        // Bilingual records show their English half.
        const tags = (await suite.page.getByTestId(`position-row-${POSITION.code}`).locator('.ant-tag').allTextContents()).map((s) => s.trim());
        expect(tags.slice(0, 3)).toEqual(POSITION.levels.map((l) => l.nameEn));
      }
      if (p.key === 'matrix') expect(await textOf(suite.page.getByTestId('matrix-findings-count'))).toBe('No gaps: every duty is covered');
      if (p.key === 'people') {
        expect(await textOf(suite.page.getByTestId('people-count'))).toBe('Showing 1');
        expect(await textOf(suite.page.getByTestId('people-table'))).toContain(POSITION.levels[1]!.nameEn);
      }
      if (p.key === 'access') await suite.page.getByTestId('users-table').waitFor();
      await snap(`${p.key}-en`);
    }
    await open('profile');
    await expectTitle(suite.page, 'Profile');
    expect(await textOf(suite.page.getByTestId('profile-email'))).toBe(OWNER.email);
    expect(await textOf(suite.page.getByTestId('profile-locale'))).toBe('English');
    await snap('profile-en');
  });

  it('keeps English after a reload, and switches back to Chinese', async () => {
    await suite.page.reload();
    await expectTitle(suite.page, 'Profile');
    expect(await navTexts()).toContain('Users & access');

    await suite.page.getByTestId('lang-switch').click();
    await eventually(async () => {
      await expectTitle(suite.page, '个人资料');
      expect(await navTexts()).toEqual(expect.arrayContaining(['总览', '团队与直播间', '岗位', '职责', '职责矩阵', '成员', '用户与权限', '审计日志']));
      expect(await suite.page.getByTestId('lang-switch').getAttribute('data-locale')).toBe('zh-CN');
    });
    await expectTitle(suite.page, '个人资料');
    expect((await apiAs(suite.page).json<{ user: { locale: string } }>('/auth/me')).user.locale).toBe('zh-CN');
    await snap('profile-zh');
    await open('access');
    await expectTitle(suite.page, '用户与权限');
    await suite.page.getByTestId('users-table').waitFor();
    await snap('access-zh');
  });
});
