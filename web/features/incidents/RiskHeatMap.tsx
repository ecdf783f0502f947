import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { RiskView } from '../../../contracts/incidents';
import { useT } from '../../i18n';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** 5×5 likelihood × impact with the number of risks in each cell; cell colour is the score band, not the count. */
export function RiskHeatMap({ risks, selected, onSelect }: { risks: RiskView[]; selected: [number, number] | null; onSelect: (cell: [number, number] | null) => void }) {
  const t = useT();
  const data: [number, number, number, number][] = [];
  for (let l = 1; l <= 5; l++)
    for (let i = 1; i <= 5; i++) {
      const count = risks.filter((r) => r.likelihood === l && r.impact === i).length;
      data.push([i - 1, l - 1, l * i, count]);
    }
  const option = {
    tooltip: { formatter: (p: { value: [number, number, number, number] }) => `${t('risks.filter', { l: p.value[1] + 1, i: p.value[0] + 1 })}: ${p.value[3]}` },
    grid: { left: 70, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'], name: t('risks.axisImpact'), nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
    yAxis: { type: 'category', data: ['1', '2', '3', '4', '5'], name: t('risks.axisLikelihood'), nameLocation: 'middle', nameGap: 40, splitArea: { show: true } },
    visualMap: { show: false, dimension: 2, pieces: [{ lte: 4, color: '#b7eb8f' }, { gt: 4, lte: 9, color: '#ffe58f' }, { gt: 9, lte: 16, color: '#ffbb96' }, { gt: 16, color: '#ff7875' }] },
    series: [
      {
        type: 'heatmap',
        data: data.map((d) => ({
          value: d,
          itemStyle: selected && selected[0] === d[1] + 1 && selected[1] === d[0] + 1 ? { borderColor: '#1677ff', borderWidth: 3 } : { borderColor: '#fff', borderWidth: 1 },
        })),
        label: { show: true, formatter: (p: { value: [number, number, number, number] }) => (p.value[3] ? String(p.value[3]) : ''), fontSize: 16, fontWeight: 'bold' },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.3)' } },
      },
    ],
  };
  return (
    <div data-testid="risk-heatmap">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 300, width: '100%' }}
        onEvents={{
          click: (p: { value: [number, number, number, number] }) => {
            const cell: [number, number] = [p.value[1] + 1, p.value[0] + 1];
            onSelect(selected && selected[0] === cell[0] && selected[1] === cell[1] ? null : cell);
          },
        }}
      />
    </div>
  );
}
