import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackView, ScanResponse } from '../contracts/compliance';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { afterResponse,
  clickForResponse, apiAs, browserSuite, DEMO_OWNER, eventually, innerTextOf, motionShot, openPage, settledShot, signIn, type Locale } from './support';

// Rule packs against the demo company, in both languages: open the packs, bulk-import a term into a rule of the host
// code of conduct, type a text into the "try it" box and see exactly the characters of the (disguised) term marked; then
// the ad-hoc mode with its own terms and allow list. Screenshots: e2e/screenshots/compliance-packs-<locale>-NN-<step>.png.

const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

const suite = browserSuite('compliance-packs-', { serverArgs: ['--demo'], openPage: false });

const CASES: { locale: Locale; t: typeof enUS; term: string; typed: string; disguised: string; slang: string }[] = [
  // The term is typed with noise between its characters: the mark must cover the disguised span, dots included.
  { locale: 'zh-CN', t: zhCN, term: '测试违禁词', typed: '主播说：测.试.违.禁.词，别学', disguised: '测.试.违.禁.词', slang: '芭比Q' },
  { locale: 'en-US', t: enUS, term: '示范脏话', typed: '弹幕里有人刷 示 范 脏 话 了', disguised: '示 范 脏 话', slang: '栓Q' },
];

describe.each(CASES)('rule packs ($locale)', ({ locale, t, term, typed, disguised, slang }) => {
  const name = (step: string) => `compliance-packs-${locale}-${step}`;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openPage(suite.browser, suite.server, locale));
    await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('lists the shipped packs with their counts and evasion families', async () => {
    await page.getByTestId('nav-compliance').click();
    await page.getByTestId('packs-table').waitFor();
    expect(await innerTextOf(page.getByTestId('nav-compliance'))).toBe(t['nav.compliance']);
    const packs = (await apiAs(page).json<{ items: PackView[] }>('/compliance/packs')).items;
    const conduct = packs.find((p) => p.key === 'host.conduct')!;
    const row = page.getByTestId('pack-row-host.conduct');
    await eventually(async () => {
      const text = await innerTextOf(row);
      expect(text).toContain(locale === 'zh-CN' ? conduct.nameZh : conduct.nameEn);
      expect(text).toContain(t['compliance.builtin']);
      expect(text).toContain(t['compliance.evasion.pinyin']);
      expect(text).toContain(String(conduct.ruleCount));
    });
    await settledShot(page, name('01-packs'));
  });

  it('bulk-imports a term into a rule: added, duplicates and invalid are counted', async () => {
    await page.getByTestId('pack-link-host.conduct').click();
    await page.getByTestId('rules-table').waitFor();
    const before = Number(await innerTextOf(page.getByTestId('rule-terms-host.24.abuse')));
    await page.getByTestId('rule-open-host.24.abuse').click();
    await page.getByTestId('terms-table').waitFor();

    // One line too long: the whole import is refused and the line is named.
    await page.getByTestId('terms-import-text').fill(`${term}\n${'长'.repeat(101)}`);
    await page.getByTestId('terms-import-submit').click();
    const errors = page.getByTestId('terms-import-errors');
    await errors.waitFor();
    expect(await innerTextOf(errors)).toContain(fill(t['compliance.terms.line'], { line: 2 }));

    // The same term twice, a blank line and an existing term: one added, two duplicates.
    const res = await afterResponse(page, 'POST', /\/api\/v1\/compliance\/rules\/[^/]+\/terms$/, async () => {
      await page.getByTestId('terms-import-text').fill(`  ${term}  \n\n${term}\n傻逼`);
      await page.getByTestId('terms-import-submit').click();
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ added: 1, duplicates: 2, invalid: 0 });
    expect(await innerTextOf(page.getByTestId('terms-import-result'))).toBe(fill(t['compliance.terms.result'], { added: 1, duplicates: 2, invalid: 0 }));
    await page.getByTestId('terms-search').locator('xpath=self::input | .//input').first().fill(term);
    await eventually(async () => expect(await innerTextOf(page.getByTestId('terms-table').locator('tbody'))).toContain(term));
    await motionShot(page, name('02-imported'), { viewport: true });

    await page.getByTestId('rule-close').click();
    await eventually(async () => expect(Number(await innerTextOf(page.getByTestId('rule-terms-host.24.abuse')))).toBe(before + 1));
  });

  it('marks exactly the characters of the disguised term in the try-it box', async () => {
    const box = page.getByTestId('tryit');
    await box.scrollIntoViewIfNeeded();
    await page.getByTestId('tryit-text').fill(typed);
    const mark = page.getByTestId('tryit-highlighted').getByTestId('highlight-mark');
    await eventually(async () => expect(await mark.count()).toBe(1));
    expect(await mark.textContent()).toBe(disguised);
    expect(await mark.getAttribute('data-rule')).toBe('host.24.abuse');
    expect(Number(await mark.getAttribute('data-start'))).toBe(typed.indexOf(disguised));
    expect(await mark.getAttribute('data-severity')).toBe('warn');
    const findings = await innerTextOf(page.getByTestId('tryit-findings'));
    expect(findings).toContain(term);
    expect(findings).toContain(t['compliance.evasion.noise']);
    expect(findings).toContain(t['compliance.severity.warn']);
    expect(await innerTextOf(page.getByTestId('tryit-count'))).toBe(fill(t['compliance.tryit.findings'], { count: 1 }));
    // The API agrees, from outside the page.
    const scan = await apiAs(page).post<ScanResponse>('/compliance/scan', { text: typed });
    expect(scan.body.findings.map((f) => typed.slice(f.start, f.end))).toEqual([disguised]);
    await box.screenshot({ path: `e2e/screenshots/${name('03-tryit')}.png` });
  });

  it('scans against ad-hoc terms and an allow list', async () => {
    await page.getByTestId('tryit-mode-adhoc').click();
    await page.getByTestId('tryit-terms').fill('第一\n微信');
    await page.getByTestId('tryit-allow').fill('第一次');
    const text = '第一次来直播间，我们是第一！加V信';
    await page.getByTestId('tryit-text').fill(text);
    const marks = page.getByTestId('tryit-highlighted').getByTestId('highlight-mark');
    await eventually(async () => expect(await marks.count()).toBe(2));
    expect(await marks.allTextContents()).toEqual(['第一', 'V信']);
    expect(Number(await marks.first().getAttribute('data-start'))).toBe(text.lastIndexOf('第一'));
    await page.getByTestId('tryit').screenshot({ path: `e2e/screenshots/${name('04-adhoc')}.png` });
  });

  it("adds the audience's slang to the sentiment lexicon and the try box reads it at once", async () => {
    const comment = `这次${slang}了`;
    expect((await apiAs(page).post<{ label: string }>('/sentiment/try', { text: comment })).body.label).toBe('neutral');
    await page.getByTestId('nav-sentiment-lexicon').click();
    await page.getByTestId('lexicon-table').waitFor();
    expect(await innerTextOf(page.getByTestId('lexicon-page'))).toContain(t['sentiment.lexicon.title']);
    await page.getByTestId('lexicon-add').click();
    await page.getByTestId('lexicon-term').fill(slang);
    await page.getByTestId('lexicon-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: t['sentiment.kind.negative'] }).first().click();
    await page.getByTestId('lexicon-weight').fill('2');
    const res = await clickForResponse(page, 'PUT', '/api/v1/sentiment/lexicon', page.getByTestId('lexicon-save'));
    expect(res.status()).toBe(200);
    await page.getByTestId('lexicon-origin-filter').getByText(t['sentiment.lexicon.filterEdited']).click();
    await eventually(async () => expect(await innerTextOf(page.getByTestId(`lexicon-origin-${slang}`))).toBe(t['sentiment.origin.custom']));
    await page.getByTestId('sentiment-try-text').fill(comment);
    await eventually(async () => expect(await page.getByTestId('sentiment-try-label').getAttribute('data-label')).toBe('negative'));
    expect(await innerTextOf(page.getByTestId('sentiment-try-label'))).toBe(t['sentiment.label.negative']);
    await settledShot(page, name('05-lexicon'));
  });
});
