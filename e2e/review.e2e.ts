import { describe, expect, it } from 'vitest';
import type { MetricKey, SessionReview } from '../contracts/analytics';
import { Show, type Product } from '../scripts/show';
import { toIngestItem } from '../server/modules/analytics/analytics.builders';
import { formatMetric } from '../web/features/analytics/metric-format';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { apiAs, browserSuite, DEMO_OWNER, eventually, liveSessionInFreeRoom, settledShot, signIn, textOf, type Locale } from './support';

// The session review (复盘) end to end: a show is played into a live session of a free demo room through the ingestion
// API (eight minutes of a random but realistic audience, two products on sale four minutes each), the review opens from
// the live monitor's link, and every number on the page is the API's: metric cards ("暂无数据" for no data), goals,
// the slot table, the themes, the findings and the room comparison. Screenshots: e2e/screenshots/review-*.png.

const CARDS: MetricKey[] = ['gmv_fen', 'orders', 'buyers', 'aov_fen', 'viewers', 'peak_viewers', 'avg_viewers', 'comments', 'commenters', 'follows', 'gift_fen', 'gpm_fen', 'interaction_rate', 'duration_seconds'];

const suite = browserSuite('review-', { serverArgs: ['--demo'] });

/** Every number the page shows against the API's review, in the page's language. */
async function expectNumbersOf(review: SessionReview, locale: Locale) {
  const dict = locale === 'zh-CN' ? zhCN : enUS;
  for (const key of CARDS) {
    const m = review.metrics.find((x) => x.metric === key)!;
    const card = suite.page.getByTestId(`metric-${key}`);
    expect(await card.getAttribute('data-value'), key).toBe(m.value === null ? 'null' : String(m.value));
    expect(await textOf(suite.page.getByTestId(`metric-${key}-value`)), key).toBe(formatMetric(m.metric, m.unit, m.value, locale) ?? dict['analytics.noData']);
  }
  for (const g of review.goals) expect(await suite.page.getByTestId(`goal-${g.metric}`).getAttribute('data-actual')).toBe(g.actual === null ? 'null' : String(g.actual));
  for (const s of review.slots) {
    expect(await textOf(suite.page.getByTestId(`slot-gmv-${s.position}`))).toBe(formatMetric('gmv_fen', 'fen', s.gmvFen, locale) ?? dict['analytics.noData']);
    expect(await textOf(suite.page.getByTestId(`slot-orders-${s.position}`))).toBe(formatMetric('orders', 'count', s.orders, locale) ?? dict['analytics.noData']);
  }
  expect(await suite.page.getByTestId('review-slot-timing').getAttribute('data-timing')).toBe(review.slotTiming);
  expect(await suite.page.getByTestId('review-word-cloud').getByTestId('word').count()).toBe(review.themes.words.length);
  const topWord = review.themes.words[0]!;
  expect(await suite.page.locator(`[data-testid="word"][data-word="${topWord.word}"]`).getAttribute('data-count')).toBe(String(topWord.count));
  expect(await suite.page.getByTestId('question').count()).toBe(review.themes.questions.length);
  expect(await textOf(suite.page.getByTestId('question').first())).toContain(review.themes.questions[0]!.text);
  expect(await suite.page.getByTestId('review-findings-total').getAttribute('data-total')).toBe(String(review.findings.total));
  expect(await suite.page.getByTestId('finding-line').count()).toBe(review.findings.lines.length);
}

describe('session review', () => {
  it('shows the numbers of a played show as the API computes them, in zh-CN and en-US', async () => {
    await signIn(suite.page, DEMO_OWNER.email, DEMO_OWNER.password);
    const api = apiAs(suite.page);
    const live = await liveSessionInFreeRoom(suite.page, 'E2E 复盘 review', 'e2e review');

    // Two products on the run of show, four minutes each; the show sells them in that order.
    const stamp = Date.now().toString(36).toUpperCase();
    const products: (Product & { id: string })[] = [];
    for (const [i, name, priceFen] of [
      [1, 'E2E 玻尿酸精华', 19900],
      [2, 'E2E 收纳盒', 5990],
    ] as const) {
      const sku = `E2E-REV-${stamp}-${i}`;
      const res = await api.post<{ id: string }>('/products', { sku, name, category: 'beauty', listPriceFen: priceFen + 1000, livePriceFen: priceFen, stock: 500 });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      products.push({ id: res.body.id, sku, name, priceFen });
    }
    const slots = await api.call('PUT', `/sessions/${live.sessionId}/slots`, { slots: products.map((p, i) => ({ productId: p.id, plannedMinutes: 4, slotType: i ? 'welfare' : 'hero' })) });
    expect(slots.status, JSON.stringify(slots.body)).toBe(200);
    await api.call('PATCH', `/sessions/${live.sessionId}`, { goals: { gmvFen: 500_000, orders: 40, viewers: 20_000 } }).then((r) => expect(r.status, JSON.stringify(r.body)).toBe(200));

    // Eight minutes of show that began nine minutes ago, sent through the ingestion API.
    const show = new Show(20261127, 480, products.map((product) => ({ product, minutes: 4 })));
    const start = Date.now() - 9 * 60_000;
    let batch: unknown[] = [];
    const send = async () => {
      const res = await suite.page.request.post(`/api/v1/ingest/events/${live.roomId}`, { headers: { authorization: `Bearer ${live.token}` }, data: batch });
      expect(res.status(), await res.text()).toBe(200);
      batch = [];
    };
    for (let t = 0; t < 480; t += 3) {
      show.next(t, 4).forEach((m, i) => batch.push(toIngestItem(m, new Date(start + t * 1000 + i * 10), `e2e-review-${t}-${i}`)));
      if (batch.length >= 250) await send();
    }
    if (batch.length) await send();

    // From the live monitor to its review.
    await suite.page.getByTestId('live-review').click();
    await suite.page.getByTestId('review-page').waitFor();
    const review = await api.json<SessionReview>(`/sessions/${live.sessionId}/review`);
    expect(review.metrics.find((m) => m.metric === 'gmv_fen')!.value).toBeGreaterThan(0);
    expect(review.slotTiming).toBe('events');
    expect(review.themes.words.length).toBeGreaterThan(0);
    expect(review.findings.total).toBeGreaterThan(0);

    expect(await textOf(suite.page.getByTestId('review-title'))).toBe(zhCN['review.title'].replace('{title}', 'E2E 复盘 review'));
    await suite.page.getByTestId('review-chart-traffic').locator('canvas').first().waitFor();
    await suite.page.getByTestId('review-chart-sales').locator('canvas').first().waitFor();
    await eventually(() => expectNumbersOf(review, 'zh-CN'));
    // 场观 (cumulative viewers) never came from this show: no data, never 0
    expect(await textOf(suite.page.getByTestId('metric-viewers-value'))).toBe('暂无数据');
    // GPM has no data either, and says it would be per viewer (no views came)
    expect(await textOf(suite.page.getByTestId('metric-gpm_fen-value'))).toBe('暂无数据');
    expect(await textOf(suite.page.getByTestId('metric-gpm_fen-provenance'))).toBe(zhCN['analytics.basis'].replace('{basis}', zhCN['analytics.basis.uv']));
    expect(await suite.page.getByTestId('metric-viewers-provenance').count()).toBe(0);
    expect(await textOf(suite.page.getByTestId('metric-gmv_fen-provenance'))).toContain(zhCN['analytics.source.events']);
    await settledShot(suite.page, 'review-01-zh');

    await suite.page.getByTestId('lang-switch').click();
    await suite.page.locator('[data-testid="lang-switch"][data-locale="en-US"]').waitFor();
    await eventually(async () => expect(await textOf(suite.page.getByTestId('review-title'))).toBe(enUS['review.title'].replace('{title}', 'E2E 复盘 review')));
    await eventually(() => expectNumbersOf(review, 'en-US'));
    expect(await textOf(suite.page.getByTestId('metric-viewers-value'))).toBe('No data');
    expect(await textOf(suite.page.getByTestId('review-slot-timing'))).toBe(enUS['review.slotTiming.events']);
    await settledShot(suite.page, 'review-02-en');

    // The session page links to the review too.
    await suite.page.getByTestId('review-back').click();
    await suite.page.getByTestId('session-review').click();
    await suite.page.getByTestId('review-page').waitFor();
    expect(await suite.page.getByTestId('metric-gmv_fen').getAttribute('data-value')).toBe(String(review.metrics.find((m) => m.metric === 'gmv_fen')!.value));
  });
});
