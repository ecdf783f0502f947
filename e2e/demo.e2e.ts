import { describe, expect, it } from 'vitest';
import {
  clickForResponse,
  apiAs,
  browserSuite,
  DEMO_OWNER,
  eventually,
  expectTitle,
  settledShot,
  statisticValue,
  textOf,
  waitForPath,
} from './support';

// First run with "load the demo company": the console fills with a sample studio and agrees with the API.

const suite = browserSuite('demo-');

interface PersonView {
  id: string;
  displayName: string;
  status: string;
  contacts: { phone: string | null };
}

describe('the demo company', () => {
  it('loads from the setup page and signs in as the demo owner', async () => {
    await suite.page.goto('/setup');
    expect(await textOf(suite.page.getByTestId('setup-demo-email'))).toBe(DEMO_OWNER.email);
    const res = await clickForResponse(suite.page, 'POST', '/api/v1/setup/demo', suite.page.getByTestId('setup-demo-button'));
    expect(res.status()).toBe(201);
    await waitForPath(suite.page, '/', { timeout: 30_000 });
    await suite.page.getByTestId('user-menu').waitFor();
    await expectTitle(suite.page, '总览');

    const me = await apiAs(suite.page).json<{ user: { email: string; role: string; displayName: string } }>('/auth/me');
    expect(me.user).toMatchObject({ email: DEMO_OWNER.email, role: 'owner' });
    expect(await textOf(suite.page.getByTestId('user-name'))).toBe(me.user.displayName);
    expect((await apiAs(suite.page).json<{ needsSetup: boolean; demoLoaded: boolean }>('/setup'))).toEqual({ needsSetup: false, demoLoaded: true });
  });

  it('the overview counts agree with the API', async () => {
    const api = apiAs(suite.page);
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
      expect(await statisticValue(suite.page.getByTestId('overview-teams'))).toBe(teams.items.length);
      expect(await statisticValue(suite.page.getByTestId('overview-rooms'))).toBe(rooms.items.length);
      expect(await statisticValue(suite.page.getByTestId('overview-people'))).toBe(active.items.length);
      expect(await statisticValue(suite.page.getByTestId('overview-positions'))).toBe(positions.items.length);
      expect(await statisticValue(suite.page.getByTestId('overview-duties'))).toBe(duties.items.length);
    });
    await suite.page.getByTestId('overview-no-findings').waitFor();
    await settledShot(suite.page, 'demo-01-overview-zh');
  });

  it('the people table lists everyone, page by page, with masked phone numbers', async () => {
    const people = (await apiAs(suite.page).json<{ items: PersonView[] }>('/people')).items;
    expect(people.length).toBeGreaterThanOrEqual(28);
    const withPhone = people.filter((p) => p.contacts.phone !== null);
    expect(withPhone.length).toBeGreaterThan(0);
    // The API itself only hands out masked numbers: three digits, four stars, four digits.
    for (const p of withPhone) expect(p.contacts.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);

    await suite.page.getByTestId('nav-people').click();
    await waitForPath(suite.page, '/people');
    await expectTitle(suite.page, '成员');
    expect(await textOf(suite.page.getByTestId('people-count'))).toBe(`共 ${people.length} 人`);
    await suite.page.getByTestId(/^person-row-/).first().waitFor();
    await settledShot(suite.page, 'demo-02-people-zh');

    const byId = new Map(people.map((p) => [p.id, p]));
    const seen = new Set<string>();
    const next = suite.page.locator('.ant-table-pagination .ant-pagination-next');
    for (let pageNo = 1; ; pageNo++) {
      const rows = suite.page.getByTestId(/^person-row-/);
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
      await eventually(async () => expect(await suite.page.locator('.ant-pagination-item-active').textContent()).toBe(String(pageNo + 1)));
    }
    expect(seen.size).toBe(people.length);
  });

  it('the responsibility matrix has no gaps', async () => {
    const matrix = await apiAs(suite.page).json<{ duties: unknown[]; positions: unknown[]; cells: unknown[]; findings: unknown[] }>('/matrix');
    expect(matrix.findings).toEqual([]);

    await suite.page.getByTestId('nav-matrix').click();
    await waitForPath(suite.page, '/matrix');
    await expectTitle(suite.page, '职责矩阵');
    expect(await textOf(suite.page.getByTestId('matrix-findings-count'))).toBe('没有缺口：所有职责都已覆盖');
    await eventually(async () => expect(await suite.page.getByTestId(/^matrix-row-/).count()).toBe(matrix.duties.length));
    expect(await suite.page.getByTestId(/^matrix-finding-/).count()).toBe(0);
    expect(await suite.page.locator('.sr-finding-row').count()).toBe(0);
    // Every duty has its one A on the page.
    expect(await suite.page.locator('[data-testid^="matrix-cell-"][data-value="A"]').count()).toBe(matrix.duties.length);
    expect(await suite.page.locator('[data-testid^="matrix-cell-"][data-value]:not([data-value=""])').count()).toBe(matrix.cells.length);
    await settledShot(suite.page, 'demo-03-matrix-zh');

    // Only the duties with gaps: none, and the page says so.
    await suite.page.getByTestId('matrix-only-findings').click();
    await waitForPath(suite.page, '/matrix?findings=1');
    await eventually(async () => expect(await suite.page.getByTestId(/^matrix-row-/).count()).toBe(0));
    expect(await textOf(suite.page.getByTestId('matrix-table'))).toContain('没有缺口：所有职责都已覆盖');
  });
});
