import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { LiveMinute } from '../../../contracts/live';

// Only the parts the monitor draws are bundled.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface MinuteSeries {
  name: string;
  kind: 'line' | 'bar';
  value: (m: LiveMinute) => number | null;
  color: string;
}

/** A per-minute chart over the minutes the monitor holds; the x axis is time, so it moves as minutes arrive. */
export function MinuteChart({ minutes, series, timeZone, height = 200, testId }: { minutes: LiveMinute[]; series: MinuteSeries[]; timeZone: string; height?: number; testId?: string }) {
  const label = (ms: number) => new Date(ms).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  // A fixed 30-minute window ending at the latest minute: the chart scrolls as minutes arrive, and a young show's first
  // minutes sit at the right instead of being stretched across the axis.
  const last = minutes.length ? Date.parse(minutes[minutes.length - 1]!.minute) : Math.floor(Date.now() / 60_000) * 60_000;
  const option = {
    animationDurationUpdate: 300,
    grid: { left: 48, right: 16, top: series.length > 1 ? 32 : 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
    xAxis: { type: 'time', min: last - 29.5 * 60_000, max: last + 30_000, minInterval: 60_000, axisLabel: { formatter: label, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      name: s.name,
      type: s.kind,
      showSymbol: minutes.length < 3,
      smooth: false,
      barMaxWidth: 16,
      itemStyle: { color: s.color },
      lineStyle: { color: s.color },
      data: minutes.map((m) => [Date.parse(m.minute), s.value(m)]),
    })),
  };
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} />
    </div>
  );
}
