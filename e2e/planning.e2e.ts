import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleView, SessionDetailView, SessionView, Violation, WorkloadView } from '../contracts/planning';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import {
  afterResponse,
  clickForResponse,
  apiAs,
  clearShots,
  closeSelect,
  DEMO_OWNER,
  eventually,
  innerTextOf,
  launchBrowser,
  motionShot,
  openPage,
  pickOption,
  signIn,
  startServer,
  type Locale,
  type RunningServer,
} from './support';

// The live-planning path of the console, in both languages, against the demo company:
// create a session with the form → crew it → hit a person conflict and read why → fix it → a missing role blocks
// scheduling → schedule → find it on the calendar and drag it to another slot. Then a member's own schedule and the
// workload table. Screenshots: e2e/screenshots/planning-<locale>-NN-<step>.png.

const LOCALES: Locale[] = ['zh-CN', 'en-US'];
const DICT = { 'zh-CN': zhCN, 'en-US': enUS } as const;
/** The browser runs in another zone than the rooms (Asia/Shanghai) for en-US: times must still be the room's. */
const BROWSER_ZONE: Record<Locale, string> = { 'zh-CN': 'Asia/Shanghai', 'en-US': 'America/Los_Angeles' };
/** Role names as the server writes them into violation messages. */
const SERVER_ROLE: Record<Locale, Record<'field_control' | 'console', string>> = {
  'zh-CN': { field_control: '场控', console: '中控' },
  'en-US': { field_control: 'field control', console: 'console' },
};
const MEMBER = { email: 'host1.beauty@demo.showrunner.dev', password: 'showrunner-demo' };
const ROOM_ZONE = 'Asia/Shanghai';

// ---------------------------------------------------------------------------------------------
// Helpers of this file only (the rest are in ./support).

/** Types a wall-clock time into an antd DatePicker (with time) and confirms it with Enter. */
async function typeDate(page: Page, picker: Locator, value: string): Promise<void> {
  await picker.click();
  await picker.fill('');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await eventually(async () => expect(await picker.inputValue()).toBe(value));
}

interface RoomView {
  id: string;
  teamId: string;
  displayName: string;
  timeZone: string;
}
interface PersonView {
  id: string;
  displayName: string;
  positionId: string | null;
}
interface PositionView {
  id: string;
  code: string;
}

// ---------------------------------------------------------------------------------------------

let browser: Browser;

beforeAll(async () => {
  clearShots('planning-');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(LOCALES)('live planning in %s', (locale) => {
  const t = DICT[locale];
  const name = (step: string) => `planning-${locale}-${step}`;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  // Facts of the demo company, read from the API once signed in.
  let room: RoomView;
  let otherRoom: RoomView;
  let host1: PersonView;
  let host2: PersonView;
  let fieldControl: PersonView;
  let consolePerson: PersonView;
  /** A Wednesday three weeks ahead, in the rooms' zone: clear of the demo's own plan (14 days). */
  const day = DateTime.now().setZone(ROOM_ZONE).startOf('week').plus({ weeks: 3, days: 2 });
  const dayIso = day.toISODate()!;
  const title = `E2E ${locale} 晚间专场`;
  const conflictTitle = `E2E ${locale} 天猫加场`;
  let sessionId: string;
  let conflictId: string;

  beforeAll(async () => {
    server = await startServer(['--demo']);
    ({ context, page } = await openPage(browser, server, locale, { timezoneId: BROWSER_ZONE[locale] }));
    await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
    const api = apiAs(page);
    const rooms = (await api.json<{ items: RoomView[] }>('/rooms')).items;
    const teamWithTwo = rooms.find((r) => rooms.filter((o) => o.teamId === r.teamId).length >= 2)!;
    [room, otherRoom] = rooms.filter((r) => r.teamId === teamWithTwo.teamId) as [RoomView, RoomView];
    expect(room.timeZone).toBe(ROOM_ZONE);
    // These tests are about planning rules; content review's scheduling gate has its own test (content.e2e.ts).
    for (const r of [room, otherRoom]) expect((await api.patch(`/rooms/${r.id}`, { requireApprovedContent: false })).status).toBe(200);
    const positions = (await api.json<{ items: PositionView[] }>('/positions')).items;
    const positionId = (code: string) => positions.find((p) => p.code === code)!.id;
    const people = (await api.json<{ items: PersonView[] }>(`/people?teamId=${room.teamId}&status=active`)).items;
    const hosts = people.filter((p) => p.positionId === positionId('host'));
    expect(hosts.length).toBeGreaterThanOrEqual(2);
    [host1, host2] = hosts as [PersonView, PersonView];
    fieldControl = people.find((p) => p.positionId === positionId('field_control'))!;
    consolePerson = people.find((p) => p.positionId === positionId('console'))!;
    expect(fieldControl && consolePerson).toBeTruthy();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('creates a session with the form, its times read in the room’s time zone', async () => {
    await page.goto('/sessions');
    await page.getByTestId('sessions-table').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    await page.getByTestId('session-create').click();
    const form = page.getByTestId('session-form');
    await form.waitFor();
    await pickOption(page, form.getByTestId('session-room'), room.displayName);
    await form.getByTestId('session-title').fill(title);
    await typeDate(page, form.getByTestId('session-start'), `${dayIso} 10:00`);
    await typeDate(page, form.getByTestId('session-end'), `${dayIso} 12:00`);
    expect(await innerTextOf(form.getByTestId('session-zone-hint'))).toContain(ROOM_ZONE);
    await form.getByTestId('session-goal-gmv').fill('50000');
    await form.getByTestId('session-goal-viewers').fill('20000');
    await form.getByTestId('session-goal-orders').fill('800');
    await motionShot(page, name('01-new-session'), { viewport: true });

    const res = await clickForResponse(page, 'POST', '/api/v1/sessions', page.getByTestId('session-submit'));
    expect(res.status()).toBe(201);
    const created = (await res.json()) as SessionView;
    sessionId = created.id;
    await page.waitForURL((u) => u.pathname === `/sessions/${sessionId}`);
    // The header's title (the edit form, rendered hidden on the same page, has an input with the same test id).
    const header = page.getByTestId('session-header');
    expect(await innerTextOf(header.getByTestId('session-title'))).toBe(title);
    expect(await header.getByTestId('session-status-tag').getAttribute('data-status')).toBe('draft');

    // 10:00–12:00 in Shanghai whatever the browser's own zone is.
    expect(created).toMatchObject({ roomId: room.id, title, status: 'draft', timeZone: ROOM_ZONE, goals: { gmvFen: 5_000_000, viewers: 20000, orders: 800 } });
    expect(Date.parse(created.plannedStart)).toBe(day.set({ hour: 10 }).toMillis());
    expect(Date.parse(created.plannedEnd)).toBe(day.set({ hour: 12 }).toMillis());
    expect(await innerTextOf(page.getByTestId('session-time'))).toContain(`${dayIso}`);
    expect(await innerTextOf(page.getByTestId('session-time'))).toContain('10:00–12:00');
    await motionShot(page, name('02-session-opened'));

    // Editing shows the same wall-clock times back (room zone, not the browser's).
    await page.getByTestId('session-edit').click();
    const edit = page.getByTestId('session-form');
    await edit.waitFor();
    await eventually(async () => expect(await edit.getByTestId('session-start').inputValue()).toBe(`${dayIso} 10:00`));
    expect(await edit.getByTestId('session-end').inputValue()).toBe(`${dayIso} 12:00`);
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'hidden' });
  });

  it('assigns a crew on the Crew tab', async () => {
    await page.getByTestId('session-tab-crew').click();
    await page.getByTestId('crew-table').waitFor();
    // The room requires host, field control and console: all still empty.
    expect(await innerTextOf(page.getByTestId('crew-missing'))).toContain(t['sessionRole.host']);
    await pickOption(page, page.getByTestId('crew-role-host'), host1.displayName, { search: host1.displayName });
    await closeSelect(page);
    await pickOption(page, page.getByTestId('crew-role-field_control'), fieldControl.displayName, { search: fieldControl.displayName });
    await closeSelect(page);
    await pickOption(page, page.getByTestId('crew-role-console'), consolePerson.displayName, { search: consolePerson.displayName });
    await closeSelect(page);
    await page.getByTestId('crew-missing').waitFor({ state: 'detached' });
    const res = await clickForResponse(page, 'PUT', `/api/v1/sessions/${sessionId}/crew`, page.getByTestId('crew-save'));
    expect(res.status()).toBe(200);
    await eventually(async () => expect(await page.getByTestId('crew-save').isDisabled()).toBe(true));

    const saved = await apiAs(page).json<SessionDetailView>(`/sessions/${sessionId}`);
    expect(saved.crew.map((c) => `${c.role}:${c.personId}`).sort()).toEqual(
      [`host:${host1.id}`, `field_control:${fieldControl.id}`, `console:${consolePerson.id}`].sort(),
    );
    expect(saved.missingRoles).toEqual([]);
    await motionShot(page, name('03-crew-assigned'));
  });

  it('explains a person conflict with an overlapping session in another room, and takes the fix', async () => {
    // A second session of the same team, in the other room, overlapping by an hour.
    const api = apiAs(page);
    const res = await api.call<SessionView>('POST', '/sessions', {
      roomId: otherRoom.id,
      title: conflictTitle,
      plannedStart: day.set({ hour: 11 }).toISO(),
      plannedEnd: day.set({ hour: 13 }).toISO(),
    });
    expect(res.status).toBe(201);
    conflictId = res.body.id;

    await page.goto(`/sessions/${conflictId}?tab=crew`);
    await page.getByTestId('crew-table').waitFor();
    await pickOption(page, page.getByTestId('crew-role-host'), host1.displayName, { search: host1.displayName });
    await closeSelect(page);
    const put = await clickForResponse(page, 'PUT', `/api/v1/sessions/${conflictId}/crew`, page.getByTestId('crew-save'));
    expect(put.status()).toBe(409);
    const violations = ((await put.json()) as { error: { details: { violations: Violation[] } } }).error.details.violations;
    expect(violations.map((v) => v.code)).toContain('person-overlap');

    const modal = page.getByTestId('violations-modal');
    await modal.waitFor();
    const overlap = modal.getByTestId('violation-person-overlap');
    expect(await overlap.getAttribute('data-severity')).toBe('block');
    const message = await innerTextOf(overlap);
    expect(message).toContain(host1.displayName);
    expect(message).toContain(title);
    expect(message).toContain(locale === 'zh-CN' ? '时间重叠' : 'at an overlapping time');
    await motionShot(page, name('04-person-conflict'), { viewport: true });

    // Fix: change the plan (close the explanation), take the first host off and put the second one on.
    await page.getByTestId('violations-close').click();
    await modal.waitFor({ state: 'detached' });
    await page.getByTestId('crew-reset').click();
    await pickOption(page, page.getByTestId('crew-role-host'), host2.displayName, { search: host2.displayName });
    await closeSelect(page);
    const fixed = await clickForResponse(page, 'PUT', `/api/v1/sessions/${conflictId}/crew`, page.getByTestId('crew-save'));
    expect(fixed.status()).toBe(200);
    const after = await api.json<SessionDetailView>(`/sessions/${conflictId}`);
    expect(after.crew.map((c) => `${c.role}:${c.personId}`)).toEqual([`host:${host2.id}`]);
    expect(after.violations.filter((v) => v.code === 'person-overlap')).toEqual([]);
    await eventually(async () => expect(await page.getByTestId('crew-save').isDisabled()).toBe(true));
    await motionShot(page, name('05-conflict-fixed'));
  });

  it('refuses to schedule a session with an empty required role and names the roles', async () => {
    // The second session has a host only: field control and console are missing.
    await page.getByTestId('session-tab-overview').click();
    const res = await clickForResponse(page, 'POST', `/api/v1/sessions/${conflictId}/status`, page.getByTestId('session-status-schedule'));
    expect(res.status()).toBe(409);
    const modal = page.getByTestId('violations-modal');
    await modal.waitFor();
    const missing = await innerTextOf(modal.getByTestId('violation-missing-roles'));
    expect(missing.toLowerCase()).toContain(SERVER_ROLE[locale].field_control);
    expect(missing.toLowerCase()).toContain(SERVER_ROLE[locale].console);
    expect(missing).not.toContain(locale === 'zh-CN' ? '主播' : 'host');
    await motionShot(page, name('06-missing-roles'), { viewport: true });
    await page.getByTestId('violations-close').click();
    await modal.waitFor({ state: 'detached' });
    expect((await apiAs(page).json<SessionDetailView>(`/sessions/${conflictId}`)).status).toBe('draft');
    expect(await page.getByTestId('session-header').getByTestId('session-status-tag').getAttribute('data-status')).toBe('draft');
  });

  it('schedules the crewed session with the status button', async () => {
    await page.goto(`/sessions/${sessionId}`);
    const res = await clickForResponse(page, 'POST', `/api/v1/sessions/${sessionId}/status`, page.getByTestId('session-status-schedule'));
    expect(res.status()).toBe(200);
    const tag = page.getByTestId('session-header').getByTestId('session-status-tag');
    await eventually(async () => expect(await tag.getAttribute('data-status')).toBe('scheduled'));
    expect(await innerTextOf(tag)).toBe(t['sessionStatus.scheduled']);
    // The next moves from scheduled are on offer now.
    await page.getByTestId('session-status-go-live').waitFor();
    expect((await apiAs(page).json<SessionDetailView>(`/sessions/${sessionId}`)).status).toBe('scheduled');
    await motionShot(page, name('07-scheduled'));
  });

  it('finds the session on the calendar in its day and saves a drag to another slot', async () => {
    await page.goto('/calendar');
    await page.getByTestId('calendar-grid').waitFor();
    // Week by week to the session's week.
    for (let i = 0; i < 6 && (await page.getByTestId(`calendar-day-${dayIso}`).count()) === 0; i++) {
      const before = await innerTextOf(page.getByTestId('calendar-range'));
      await page.getByTestId('calendar-next').click();
      await eventually(async () => expect(await innerTextOf(page.getByTestId('calendar-range'))).not.toBe(before));
    }
    await page.getByTestId(`calendar-day-${dayIso}`).waitFor();
    const block = page.locator(`[data-day-col="${dayIso}"]`).getByTestId(`calendar-block-${sessionId}`);
    await block.waitFor();
    expect(await block.isVisible()).toBe(true);
    expect(await block.getAttribute('data-status')).toBe('scheduled');
    expect(await innerTextOf(block)).toContain(title);
    expect(await innerTextOf(block)).toContain('10:00–12:00');
    await motionShot(page, name('08-calendar'));

    // Drag one day to the right and 1½ hours down (48 px an hour, snapped to 15 minutes).
    const box = (await block.boundingBox())!;
    const column = (await page.locator(`[data-day-col="${dayIso}"]`).boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + 12;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + column.width / 2, y + 40, { steps: 5 });
    await page.mouse.move(x + column.width, y + 73, { steps: 5 });
    const preview = page.getByTestId('calendar-drag-preview');
    await preview.waitFor();
    const movedDay = day.plus({ days: 1 });
    await eventually(async () => expect(await innerTextOf(preview.getByTestId('calendar-drag-time'))).toContain(`${movedDay.toISODate()}`));
    expect(await innerTextOf(preview.getByTestId('calendar-drag-time'))).toContain('11:30–13:30');
    // The server's verdict on the proposal (nothing saved yet).
    await preview.getByTestId('drag-ok').waitFor();
    await motionShot(page, name('09-dragging'), { viewport: true });
    const patch = await afterResponse(page, 'PATCH', `/api/v1/sessions/${sessionId}`, () => page.mouse.up());
    expect(patch.status()).toBe(200);
    await preview.waitFor({ state: 'detached' });

    const moved = await apiAs(page).json<SessionDetailView>(`/sessions/${sessionId}`);
    const shift = Date.parse(moved.plannedStart) - day.set({ hour: 10 }).toMillis();
    expect(shift).toBe((24 * 60 + 90) * 60_000);
    expect(shift % (15 * 60_000)).toBe(0);
    expect(Date.parse(moved.plannedEnd) - Date.parse(moved.plannedStart)).toBe(2 * 3_600_000);
    expect(moved.status).toBe('scheduled');
    const movedBlock = page.locator(`[data-day-col="${movedDay.toISODate()}"]`).getByTestId(`calendar-block-${sessionId}`);
    await movedBlock.waitFor();
    expect(await innerTextOf(movedBlock)).toContain('11:30–13:30');
    expect(await page.locator(`[data-day-col="${dayIso}"]`).getByTestId(`calendar-block-${sessionId}`).count()).toBe(0);
    await motionShot(page, name('10-moved'));
  });

  it('shows a member their upcoming sessions with their role', async () => {
    const member = await openPage(browser, server, locale, { timezoneId: BROWSER_ZONE[locale] });
    try {
      await signIn(member.page, MEMBER.email, MEMBER.password);
      const schedule = await apiAs(member.page).json<ScheduleView>('/me/schedule');
      expect(schedule.person).not.toBeNull();
      expect(schedule.sessions.length).toBeGreaterThan(0);
      await member.page.goto('/my-schedule');
      const table = member.page.getByTestId('my-sessions-table');
      await table.waitFor();
      expect(await innerTextOf(member.page.locator('main h3').first())).toBe(t['mySchedule.title']);
      await eventually(async () => expect(await table.locator('[data-testid^="my-session-"]').count()).toBe(schedule.sessions.length));
      for (const s of schedule.sessions.slice(0, 3)) {
        const row = await innerTextOf(member.page.getByTestId(`my-session-${s.id}`));
        expect(row).toContain(s.title);
        for (const role of s.roles) expect(row).toContain(t[`sessionRole.${role}`]);
      }
      await motionShot(member.page, name('11-my-schedule'));
    } finally {
      await member.context.close();
    }
  });

  it('shows the workload table with a row per person', async () => {
    await page.goto('/workload');
    const table = page.getByTestId('workload-table');
    await table.waitFor();
    const monday = DateTime.now().setZone(ROOM_ZONE).startOf('week').toISODate();
    const workload = await apiAs(page).json<WorkloadView>(`/workload?weekStart=${monday}`);
    expect(workload.rows.length).toBeGreaterThan(0);
    const rows = table.locator('[data-testid^="workload-row-"]');
    await eventually(async () => expect(await rows.count()).toBeGreaterThan(0));
    const first = workload.rows[0]!;
    expect(await innerTextOf(page.getByTestId(`workload-row-${first.personId}`))).toContain(first.displayName);
    await motionShot(page, name('12-workload'));
  });
});
