import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { LiveMinute } from '../../../contracts/live';
import { useT } from '../../i18n';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const NEGATIVE = '#f5222d';
const VOLUME = '#bfbfbf';

/**
 * Sentiment per minute on the live monitor: comments with a sentiment as bars (left axis) and the negative share as a
 * line in percent (right axis). Same 30-minute window as the monitor's other charts (MinuteChart).
 */
export function SentimentMinuteChart({ minutes, timeZone, height = 200 }: { minutes: LiveMinute[]; timeZone: string; height?: number }) {
  const t = useT();
  const label = (ms: number) => new Date(ms).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  const last = minutes.length ? Date.parse(minutes[minutes.length - 1]!.minute) : Math.floor(Date.now() / 60_000) * 60_000;
  const volume = (m: LiveMinute) => m.positive + m.neutral + m.negative;
  const option = {
    animationDurationUpdate: 300,
    grid: { left: 48, right: 48, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('sentiment.volume'), t('sentiment.negativeRatio')] },
    xAxis: { type: 'time', min: last - 29.5 * 60_000, max: last + 30_000, minInterval: 60_000, axisLabel: { formatter: label, hideOverlap: true } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('sentiment.volume'), type: 'bar', barMaxWidth: 16, itemStyle: { color: VOLUME }, data: minutes.map((m) => [Date.parse(m.minute), volume(m)]) },
      {
        name: t('sentiment.negativeRatio'),
        type: 'line',
        yAxisIndex: 1,
        showSymbol: minutes.length < 3,
        itemStyle: { color: NEGATIVE },
        lineStyle: { color: NEGATIVE },
        data: minutes.map((m) => [Date.parse(m.minute), volume(m) ? Math.round((m.negative / volume(m)) * 1000) / 10 : null]),
      },
    ],
  };
  return (
    <div data-testid="live-sentiment-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} />
    </div>
  );
}
