import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { SessionReview } from '../../../contracts/analytics';
import { useLocalized, useT } from '../../i18n';

// Only the parts the review draws are bundled.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DataZoomComponent, CanvasRenderer]);

const PIN = { slot: '#1677ff', alert: '#fa8c16', incident: '#f5222d' };
const short = (text: string, n = 8) => ([...text].length > n ? `${[...text].slice(0, n).join('')}…` : text);

interface Series {
  name: string;
  kind: 'line' | 'bar';
  axis: 0 | 1;
  color: string;
  value: (m: SessionReview['timeline'][number]) => number | null;
}

/** Vertical pins for slot starts, alerts (when they first fired) and incidents (when they were opened). */
function usePins(review: SessionReview) {
  const t = useT();
  const localized = useLocalized();
  const line = (at: string, color: string, label: string) => ({ xAxis: Date.parse(at), lineStyle: { color, type: 'dashed' as const, width: 1 }, label: { formatter: label, color, fontSize: 10, position: 'insideEndTop' as const } });
  return [
    ...review.slots.filter((s) => s.start).map((s) => line(s.start!, PIN.slot, `${t('review.pin.slot', { position: s.position })} ${short(s.productName)}`)),
    // Alerts often come in bursts a few seconds apart: the short label keeps the pins readable side by side.
    ...review.alerts.map((a) => line(a.at, PIN.alert, short(localized(a.titleZh, a.titleEn), 6))),
    ...review.incidents.map((i) => line(i.at, PIN.incident, `${t('review.pin.incident')} ${short(i.title, 6)}`)),
  ];
}

function TimelineChart({ review, series, testId, height = 260, yNames }: { review: SessionReview; series: Series[]; testId: string; height?: number; yNames: [string, string] }) {
  const pins = usePins(review);
  const zone = review.session.timeZone;
  const label = (ms: number) => new Date(ms).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone });
  const long = review.timeline.length > 90;
  // The axis spans the minutes and every pin, so an alert raised just after the last event is still on the chart.
  const times = [...review.timeline.map((m) => Date.parse(m.minute)), ...pins.map((p) => p.xAxis)];
  const min = Math.min(...times) - 30_000;
  const max = Math.max(...times) + 30_000;
  const option = {
    animation: false,
    grid: { left: 56, right: 56, top: 40, bottom: long ? 56 : 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: series.map((s) => s.name) },
    xAxis: { type: 'time', min, max, minInterval: 60_000, axisLabel: { formatter: label, hideOverlap: true } },
    yAxis: [
      { type: 'value', name: yNames[0], nameTextStyle: { fontSize: 10 }, minInterval: 1 },
      { type: 'value', name: yNames[1], nameTextStyle: { fontSize: 10 }, minInterval: 1, splitLine: { show: false } },
    ],
    dataZoom: long ? [{ type: 'slider', height: 18, bottom: 8 }] : undefined,
    series: series.map((s, i) => ({
      name: s.name,
      type: s.kind,
      yAxisIndex: s.axis,
      showSymbol: review.timeline.length < 3,
      barMaxWidth: 14,
      itemStyle: { color: s.color },
      lineStyle: { color: s.color },
      data: review.timeline.map((m) => [Date.parse(m.minute), s.value(m)]),
      // the pins ride on the first series so they are drawn once
      ...(i === 0 ? { markLine: { symbol: 'none', silent: true, data: pins } } : {}),
    })),
  };
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} />
    </div>
  );
}

/** Viewers (average and peak) and comments per minute. */
export function TrafficChart({ review }: { review: SessionReview }) {
  const t = useT();
  return (
    <TimelineChart
      review={review}
      testId="review-chart-traffic"
      yNames={[t('review.series.viewersAvg'), t('review.series.comments')]}
      series={[
        { name: t('review.series.viewersAvg'), kind: 'line', axis: 0, color: '#1677ff', value: (m) => (m.viewersAvg === null ? null : Math.round(m.viewersAvg)) },
        { name: t('review.series.viewersMax'), kind: 'line', axis: 0, color: '#69b1ff', value: (m) => m.viewersMax },
        { name: t('review.series.comments'), kind: 'bar', axis: 1, color: '#95de64', value: (m) => m.comments },
      ]}
    />
  );
}

/** GMV per minute (yuan) and, when comments were scored, positive and negative comments per minute. */
export function SalesChart({ review }: { review: SessionReview }) {
  const t = useT();
  const hasSentiment = review.timeline.some((m) => m.sentiment);
  return (
    <TimelineChart
      review={review}
      testId="review-chart-sales"
      yNames={[t('review.series.gmv'), hasSentiment ? t('review.series.comments') : '']}
      series={[
        { name: t('review.series.gmv'), kind: 'bar', axis: 0, color: '#faad14', value: (m) => (m.gmvFen === null ? null : m.gmvFen / 100) },
        ...(hasSentiment
          ? ([
              { name: t('review.series.positive'), kind: 'line', axis: 1, color: '#52c41a', value: (m) => m.sentiment?.positive ?? null },
              { name: t('review.series.negative'), kind: 'line', axis: 1, color: '#f5222d', value: (m) => m.sentiment?.negative ?? null },
            ] satisfies Series[])
          : []),
      ]}
    />
  );
}
