import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  afterResponse,
  apiAs,
  clearShots,
  eventually,
  expectTitle,
  launchBrowser,
  openPage,
  settledShot,
  startServer,
  statisticValue,
  textOf,
  waitForPath,
  type RunningServer,
} from './support';

// First run with "load the demo company": the console fills with a sample studio and agrees with the API.

const DEMO_OWNER_EMAIL = 'owner@demo.showrunner.dev';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

interface PersonView {
  id: string;
  displayName: string;
  status: string;
  contacts: { phone: string | null };
}

beforeAll(async () => {
  clearShots('demo-');
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await openPage(browser, server, 'zh-CN'));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('the demo company', () => {
  it('loads from the setup page and signs in as the demo owner', async () => {
    await page.goto('/setup');
    expect(await textOf(page.getByTestId('setup-demo-email'))).toBe(DEMO_OWNER_EMAIL);
    const res = await afterResponse(page, 'POST', '/api/v1/setup/demo', () => page.getByTestId('setup-demo-button').click());
    expect(res.status()).toBe(201);
    await waitForPath(page, '/', { timeout: 30_000 });
    await page.getByTestId('user-menu').waitFor();
    await expectTitle(page, '总览');

    const me = await apiAs(page).json<{ user: { email: string; role: string; displayName: string } }>('/auth/me');
    expect(me.user).toMatchObject({ email: DEMO_OWNER_EMAIL, role: 'owner' });
    expect(await textOf(page.getByTestId('user-name'))).toBe(me.user.displayName);
    expect((await apiAs(page).json<{ needsSetup: boolean; demoLoaded: boolean }>('/setup'))).toEqual({ needsSetup: false, demoLoaded: true });
  });

  it('the overview counts agree with the API', async () => {
    const api = apiAs(page);
    const [teams, rooms, active, positions, duties] = await Promise.all([
      api.json<{ items: unknown[] }>('/teams'),
      api.json<{ items: unknown[] }>('/rooms'),
      api.json<{ items: unknown[] }>('/people?status=active'),
      api.json<{ items: unknown[] }>('/positions'),
      api.json<{ items: unknown[] }>('/duties'),
    ]);
    expect(teams.items.length).toBeGreaterThanOrEqual(3);
    expect(rooms.items.length).toBeGreaterThanOrEqual(3);
    expect(active.items.length).toBeGreaterThan(0);
    expect(positions.items).toHaveLength(11);

    await eventually(async () => {
      expect(await statisticValue(page.getByTestId('overview-teams'))).toBe(teams.items.length);
      expect(await statisticValue(page.getByTestId('overview-rooms'))).toBe(rooms.items.length);
      expect(await statisticValue(page.getByTestId('overview-people'))).toBe(active.items.length);
      expect(await statisticValue(page.getByTestId('overview-positions'))).toBe(positions.items.length);
      expect(await statisticValue(page.getByTestId('overview-duties'))).toBe(duties.items.length);
    });
    await page.getByTestId('overview-no-findings').waitFor();
    await settledShot(page, 'demo-01-overview-zh');
  });

  it('the people table lists everyone, page by page, with masked phone numbers', async () => {
    const people = (await apiAs(page).json<{ items: PersonView[] }>('/people')).items;
    expect(people.length).toBeGreaterThanOrEqual(28);
    const withPhone = people.filter((p) => p.contacts.phone !== null);
    expect(withPhone.length).toBeGreaterThan(0);
    // The API itself only hands out masked numbers: three digits, four stars, four digits.
    for (const p of withPhone) expect(p.contacts.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);

    await page.getByTestId('nav-people').click();
    await waitForPath(page, '/people');
    await expectTitle(page, '成员');
    expect(await textOf(page.getByTestId('people-count'))).toBe(`共 ${people.length} 人`);
    await page.getByTestId(/^person-row-/).first().waitFor();
    await settledShot(page, 'demo-02-people-zh');

    const byId = new Map(people.map((p) => [p.id, p]));
    const seen = new Set<string>();
    const next = page.locator('.ant-table-pagination .ant-pagination-next');
    for (let pageNo = 1; ; pageNo++) {
      const rows = page.getByTestId(/^person-row-/);
      await eventually(async () => {
        const ids = (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')!.replace('person-row-', '')))) as string[];
        expect(ids.length).toBeGreaterThan(0);
        expect(ids.length).toBeLessThanOrEqual(20);
        expect(ids.some((id) => seen.has(id))).toBe(false);
      });
      for (const row of await rows.all()) {
        const id = (await row.getAttribute('data-testid'))!.replace('person-row-', '');
        const person = byId.get(id);
        expect(person, `row ${id} is a person of the API`).toBeDefined();
        const text = await textOf(row);
        expect(text).toContain(person!.displayName);
        if (person!.contacts.phone) expect(text).toContain(person!.contacts.phone);
        // No run of 11 digits (a full mobile number) anywhere in the row.
        expect(text).not.toMatch(/1\d{10}/);
        seen.add(id);
      }
      if ((await next.getAttribute('aria-disabled')) === 'true') break;
      await next.click();
      await eventually(async () => expect(await page.locator('.ant-pagination-item-active').textContent()).toBe(String(pageNo + 1)));
    }
    expect(seen.size).toBe(people.length);
  });

  it('the responsibility matrix has no gaps', async () => {
    const matrix = await apiAs(page).json<{ duties: unknown[]; positions: unknown[]; cells: unknown[]; findings: unknown[] }>('/matrix');
    expect(matrix.findings).toEqual([]);

    await page.getByTestId('nav-matrix').click();
    await waitForPath(page, '/matrix');
    await expectTitle(page, '职责矩阵');
    expect(await textOf(page.getByTestId('matrix-findings-count'))).toBe('没有缺口：所有职责都已覆盖');
    await eventually(async () => expect(await page.getByTestId(/^matrix-row-/).count()).toBe(matrix.duties.length));
    expect(await page.getByTestId(/^matrix-finding-/).count()).toBe(0);
    expect(await page.locator('.sr-finding-row').count()).toBe(0);
    // Every duty has its one A on the page.
    expect(await page.locator('[data-testid^="matrix-cell-"][data-value="A"]').count()).toBe(matrix.duties.length);
    expect(await page.locator('[data-testid^="matrix-cell-"][data-value]:not([data-value=""])').count()).toBe(matrix.cells.length);
    await settledShot(page, 'demo-03-matrix-zh');

    // Only the duties with gaps: none, and the page says so.
    await page.getByTestId('matrix-only-findings').click();
    await waitForPath(page, '/matrix?findings=1');
    await eventually(async () => expect(await page.getByTestId(/^matrix-row-/).count()).toBe(0));
    expect(await textOf(page.getByTestId('matrix-table'))).toContain('没有缺口：所有职责都已覆盖');
  });
});
