import { DateTime } from 'luxon';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductImportPreview, ProductView, SessionDetailView, SessionView } from '../contracts/planning';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import {
  afterResponse,
  clickForResponse,
  apiAs,
  browserSuite,
  DEMO_OWNER,
  eventually,
  innerTextOf,
  motionShot,
  openPage,
  pickOption,
  signIn,
  type Locale,
} from './support';

// Products and the run of show, against the demo company: a CSV import that is refused while a row is bad and goes
// through once the file is fixed; then a session's run of show built, reordered (arrows and drag), saved, reloaded,
// and its total turning red past the session length. Screenshots: e2e/screenshots/products-<locale>-NN-<step>.png.

const ROOM_ZONE = 'Asia/Shanghai';

// ---------------------------------------------------------------------------------------------
// Helpers of this file only (the rest are in ./support).

/** pickOption() on a single select, then waits until its dropdown has closed again. */
async function pickAndClose(page: Page, select: Locator, label: string, search?: string): Promise<void> {
  await pickOption(page, select, label, { search });
  const input = select.locator('input[role="combobox"]');
  await eventually(async () => expect(await input.getAttribute('aria-expanded')).toBe('false'));
}

/** The <input> of an antd input component, whether the test id sits on it or on its wrapper. */
function inputOf(locator: Locator): Locator {
  return locator.locator('xpath=self::input | .//input').first();
}

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');

// ---------------------------------------------------------------------------------------------

const suite = browserSuite('products-', { serverArgs: ['--demo'], openPage: false });

describe('product import (zh-CN)', () => {
  const locale: Locale = 'zh-CN';
  const t = zhCN;
  const name = (step: string) => `products-${locale}-${step}`;
  let context: BrowserContext;
  let page: Page;
  let existing: ProductView;
  let before: ProductView[];

  const HEADER = ['sku', 'name', 'category', 'list_price', 'live_price', 'stock', 'selling_points', 'image_urls'];
  const goodRow = ['E2E-P001', 'E2E 测试精华 30ml', 'beauty', '199.00', '129.00', '500', '卖点一;卖点二', 'https://example.com/a.jpg'];
  const badRow = ['E2E-P002', 'E2E 测试面霜 50g', 'beauty', '259.00', 'abc', '300', '', ''];
  const fixedRow = ['E2E-P002', 'E2E 测试面霜 50g', 'beauty', '259.00', '189.00', '300', '', ''];
  const updateRow = () => [existing.sku, existing.name, existing.category, (existing.listPriceFen / 100).toFixed(2), (existing.livePriceFen / 100).toFixed(2), '4321', '', ''];

  beforeAll(async () => {
    ({ context, page } = await openPage(suite.browser, suite.server, locale));
    await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
    before = (await apiAs(page).json<{ items: ProductView[] }>('/products')).items;
    existing = before[0]!;
    expect(existing.stock).not.toBe(4321);
  });

  afterAll(async () => {
    await context?.close();
  });

  async function upload(filename: string, content: Buffer): Promise<ProductImportPreview> {
    const res = await afterResponse(page, 'POST', '/api/v1/products/import/preview', () =>
      page.getByTestId('import-upload').locator('input[type="file"]').setInputFiles({ name: filename, mimeType: 'text/csv', buffer: content }),
    );
    expect(res.status()).toBe(200);
    await page.getByTestId('import-preview').waitFor();
    return (await res.json()) as ProductImportPreview;
  }

  it('previews a file with a bad row: the row and column are named, Apply is refused and nothing changes', async () => {
    await page.goto('/products');
    await page.getByTestId('products-table').waitFor();
    await eventually(async () => expect(await innerTextOf(page.getByTestId('products-count'))).toContain(String(before.length)));
    await page.getByTestId('product-import').click();
    await page.getByTestId('import-modal').waitFor();

    const preview = await upload('products.csv', csv([HEADER, goodRow, badRow, updateRow()]));
    expect(preview.errors).toEqual([expect.objectContaining({ row: 3, column: 'live_price' })]);
    expect(preview).toMatchObject({ creates: 1, updates: 1 });

    // The error table names row 3 and the live_price column, in Chinese.
    const errors = page.getByTestId('import-errors');
    const errorRow = errors.locator('tbody tr').filter({ hasText: 'live_price' });
    const cells = errorRow.locator('td');
    expect(await innerTextOf(cells.nth(0))).toBe('3');
    expect(await innerTextOf(cells.nth(1))).toBe('live_price');
    expect(await innerTextOf(cells.nth(2))).toBe('价格格式不正确');
    // …and the bad row is marked in the preview.
    expect(await innerTextOf(page.getByTestId('import-row-3'))).toContain(t['import.action.error']);
    expect(await innerTextOf(page.getByTestId('import-row-2'))).toContain(t['import.action.create']);
    expect(await innerTextOf(page.getByTestId('import-row-4'))).toContain(t['import.action.update']);
    // antd spaces out a two-character Chinese button label (应 用).
    expect((await innerTextOf(page.getByTestId('import-apply'))).replace(/ /g, '')).toBe(t['import.applyPlain']);
    await motionShot(page, name('01-import-row-error'), { viewport: true });

    // Apply is refused by the server while the file has errors.
    const res = await clickForResponse(page, 'POST', '/api/v1/products/import', page.getByTestId('import-apply'));
    expect(res.status()).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('product/import-invalid');
    await eventually(async () => expect(await innerTextOf(page.getByTestId('import-preview'))).toContain(t['import.rejected']));
    expect(await page.getByTestId('import-done').count()).toBe(0);
    await motionShot(page, name('02-import-refused'), { viewport: true });

    const after = (await apiAs(page).json<{ items: ProductView[] }>('/products')).items;
    expect(after).toHaveLength(before.length);
    expect(after.some((p) => p.sku.startsWith('E2E-'))).toBe(false);
    expect(after.find((p) => p.id === existing.id)?.stock).toBe(existing.stock);
  });

  it('imports the fixed file and shows the products in the table', async () => {
    const preview = await upload('products-fixed.csv', csv([HEADER, goodRow, fixedRow, updateRow()]));
    expect(preview).toMatchObject({ errors: [], creates: 2, updates: 1 });
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    expect(await innerTextOf(page.getByTestId('import-apply'))).toBe(t['import.apply'].replace('{count}', '3'));
    await motionShot(page, name('03-import-fixed-preview'), { viewport: true });

    const res = await clickForResponse(page, 'POST', '/api/v1/products/import', page.getByTestId('import-apply'));
    expect(res.status()).toBe(200);
    expect(await innerTextOf(page.getByTestId('import-done'))).toBe(t['import.done'].replace('{creates}', '2').replace('{updates}', '1'));
    await page.getByTestId('import-close').click();
    await page.getByTestId('import-modal').waitFor({ state: 'detached' });

    const after = (await apiAs(page).json<{ items: ProductView[] }>('/products')).items;
    expect(after).toHaveLength(before.length + 2);
    const created = after.filter((p) => p.sku.startsWith('E2E-')).sort((a, b) => a.sku.localeCompare(b.sku));
    expect(created.map((p) => [p.sku, p.livePriceFen, p.stock])).toEqual([
      ['E2E-P001', 12900, 500],
      ['E2E-P002', 18900, 300],
    ]);
    expect(created[0]!.sellingPoints).toEqual(['卖点一', '卖点二']);
    expect(after.find((p) => p.id === existing.id)?.stock).toBe(4321);

    await eventually(async () => expect(await innerTextOf(page.getByTestId('products-count'))).toContain(String(before.length + 2)));
    await page.getByTestId('products-search').fill('E2E-');
    for (const p of created) {
      const row = await innerTextOf(page.getByTestId(`product-row-${p.id}`));
      expect(row).toContain(p.sku);
      expect(row).toContain(p.name);
    }
    await eventually(async () => expect(await page.locator('[data-testid^="product-row-"]').count()).toBe(2));
    expect(await innerTextOf(page.getByTestId(`product-row-${created[1]!.id}`))).toContain('¥189.00');
    await motionShot(page, name('04-imported-in-table'));
  });
});

describe('run of show (en-US)', () => {
  const locale: Locale = 'en-US';
  const t = enUS;
  const name = (step: string) => `products-${locale}-${step}`;
  let context: BrowserContext;
  let page: Page;
  let sessionId: string;
  let first: ProductView;
  let second: ProductView;
  const label = (p: ProductView) => `${p.sku} · ${p.name}`;

  /** The SKUs of the slot rows, top to bottom. */
  async function order(): Promise<string[]> {
    const rows = page.locator('[data-testid^="slot-row-"]');
    const out: string[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = await innerTextOf(page.getByTestId(`slot-row-${i}`));
      out.push([first, second].find((p) => row.includes(p.sku))?.sku ?? `?${row}`);
    }
    return out;
  }

  beforeAll(async () => {
    ({ context, page } = await openPage(suite.browser, suite.server, locale));
    await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
    const api = apiAs(page);
    const rooms = (await api.json<{ items: { id: string }[] }>('/rooms')).items;
    const products = (await api.json<{ items: ProductView[] }>('/products?category=beauty')).items.filter((p) => !p.sku.startsWith('E2E-'));
    [first, second] = products as [ProductView, ProductView];
    // A one-hour draft three weeks ahead, clear of the demo's own plan.
    const start = DateTime.now().setZone(ROOM_ZONE).startOf('week').plus({ weeks: 3, days: 1, hours: 9 });
    const res = await api.call<SessionView>('POST', '/sessions', {
      roomId: rooms[0]!.id,
      title: 'E2E run of show 排品测试',
      plannedStart: start.toISO(),
      plannedEnd: start.plus({ hours: 1 }).toISO(),
    });
    expect(res.status).toBe(201);
    sessionId = res.body.id;
  });

  afterAll(async () => {
    await context?.close();
  });

  it('adds two slots, reorders them with the arrows and by drag, saves, and keeps the order after a reload', async () => {
    await page.goto(`/sessions/${sessionId}?tab=slots`);
    await page.getByTestId('slots-table').waitFor();
    expect(await innerTextOf(page.getByTestId('slots-table'))).toContain(t['slots.empty']);

    await page.getByTestId('slot-add').click();
    await pickAndClose(page, page.getByTestId('slot-product-0'), label(first), first.sku);
    await inputOf(page.getByTestId('slot-minutes-0')).fill('20');
    await page.getByTestId('slot-add').click();
    await pickAndClose(page, page.getByTestId('slot-product-1'), label(second), second.sku);
    await inputOf(page.getByTestId('slot-minutes-1')).fill('25');
    await page.getByTestId('slot-talking-1').fill('E2E talking points');
    expect(await order()).toEqual([first.sku, second.sku]);
    const total = page.getByTestId('slots-total');
    await eventually(async () => expect(await innerTextOf(total)).toBe('Planned 45 min of 1 h'));
    expect(await total.getAttribute('data-over')).toBe('false');
    await motionShot(page, name('05-two-slots'));

    // Arrows: the second slot up.
    await page.getByTestId('slot-up-1').click();
    await eventually(async () => expect(await order()).toEqual([second.sku, first.sku]));
    expect(await page.getByTestId('slot-up-0').isDisabled()).toBe(true);
    expect(await page.getByTestId('slot-down-1').isDisabled()).toBe(true);
    // Drag: the handle of the second row dropped on the first row.
    await page.getByTestId('slot-drag-1').dragTo(page.getByTestId('slot-row-0'));
    await eventually(async () => expect(await order()).toEqual([first.sku, second.sku]));
    // Arrows again: the first slot down.
    await page.getByTestId('slot-down-0').click();
    await eventually(async () => expect(await order()).toEqual([second.sku, first.sku]));
    await motionShot(page, name('06-reordered'));

    const res = await clickForResponse(page, 'PUT', `/api/v1/sessions/${sessionId}/slots`, page.getByTestId('slots-save'));
    expect(res.status()).toBe(200);
    const saved = (await res.json()) as SessionDetailView;
    expect(saved.slots.map((s) => [s.productSku, s.plannedMinutes, s.talkingPoints])).toEqual([
      [second.sku, 25, 'E2E talking points'],
      [first.sku, 20, ''],
    ]);
    await eventually(async () => expect(await page.getByTestId('slots-save').isDisabled()).toBe(true));

    await page.reload();
    await page.getByTestId('slots-table').waitFor();
    await eventually(async () => expect(await order()).toEqual([second.sku, first.sku]));
    expect(await inputOf(page.getByTestId('slot-minutes-0')).inputValue()).toBe('25');
    expect(await inputOf(page.getByTestId('slot-minutes-1')).inputValue()).toBe('20');
    const detail = await apiAs(page).json<SessionDetailView>(`/sessions/${sessionId}`);
    expect(detail.slots.map((s) => s.productSku)).toEqual([second.sku, first.sku]);
    await motionShot(page, name('07-after-reload'));
  });

  it('turns the total red past the session length', async () => {
    const total = page.getByTestId('slots-total');
    expect(await total.getAttribute('data-over')).toBe('false');
    await inputOf(page.getByTestId('slot-minutes-0')).fill('50');
    await eventually(async () => expect(await total.getAttribute('data-over')).toBe('true'));
    expect(await innerTextOf(total)).toBe(`Planned 1 h 10 min of 1 h · ${t['slots.over'].replace('{minutes}', '10 min')}`);
    const color = await total.evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(255, 77, 79)');

    // A draft may keep an over-long run of show: saved, with a warning.
    const res = await clickForResponse(page, 'PUT', `/api/v1/sessions/${sessionId}/slots`, page.getByTestId('slots-save'));
    expect(res.status()).toBe(200);
    const saved = (await res.json()) as SessionDetailView;
    expect(saved.plannedSlotMinutes).toBe(70);
    expect(saved.violations).toContainEqual(expect.objectContaining({ code: 'run-of-show-over', severity: 'warn' }));
    await page.getByTestId('session-violations').waitFor();
    await motionShot(page, name('08-over-length'));
  });
});
