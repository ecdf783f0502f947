import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { Evidence } from '../../../contracts/suggestions';
import { useT } from '../../i18n';
import { formatValue } from './format';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const BASE = '#91caff';
const HIGHLIGHT = '#fa541c';

/**
 * The small chart of a suggestion's evidence: the series it carries (viewers per minute in the slot, the window
 * interaction rates, the room's earlier sessions against this one, GMV per minute per slot), the highlighted points in
 * orange and, where the baseline is in the series' unit, the baseline as a dashed line.
 */
export function EvidenceChart({ evidence, testId }: { evidence: Evidence; testId?: string }) {
  const t = useT();
  const s = evidence.series;
  if (!s || !s.values.length) return null;
  const scale = (v: number | null) => (v === null ? null : s.unit === 'ratio' ? Math.round(v * 10000) / 100 : s.unit === 'fen' || s.unit === 'fen_per_minute' ? Math.round(v) / 100 : v);
  const highlight = new Set(s.highlight);
  const labels = s.labels.map((l) => (l === '★' ? t('suggestions.series.thisSession') : l));
  const baselineInUnit = evidence.baseline !== null && evidence.unit === s.unit && evidence.baselineKind !== 'planned';
  const option = {
    animation: false,
    grid: { left: 44, right: 8, top: 10, bottom: 22 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? t('suggestions.noData') : formatValue(t, s.unit === 'ratio' ? v / 100 : s.unit === 'fen' || s.unit === 'fen_per_minute' ? v * 100 : v, s.unit)) },
    xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 10, hideOverlap: true }, axisTick: { show: false } },
    yAxis: { type: 'value', axisLabel: { fontSize: 10, formatter: s.unit === 'ratio' ? '{value}%' : s.unit === 'fen' || s.unit === 'fen_per_minute' ? '¥{value}' : '{value}' }, splitNumber: 3 },
    series: [
      {
        type: s.kind,
        barMaxWidth: 18,
        showSymbol: false,
        smooth: false,
        itemStyle: { color: BASE },
        lineStyle: { color: s.kind === 'line' ? HIGHLIGHT : BASE },
        data: s.values.map((v, i) => ({ value: scale(v), itemStyle: highlight.has(i) ? { color: HIGHLIGHT } : undefined })),
        markLine: baselineInUnit
          ? { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#595959' }, label: { show: false }, data: [{ yAxis: scale(evidence.baseline) }] }
          : undefined,
      },
    ],
  };
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height: 120, width: '100%' }} />
    </div>
  );
}
