import { Flex, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BASE_METRICS, DERIVED_METRICS, type MetricKey } from '../../../contracts/analytics';
import { ColumnTarget, DateFormat, DEFAULT_UNIT, METRIC_BASES, metricKind, NumberFormat, UNITS_OF, type ColumnMapping, type ParseResult } from '../../../contracts/imports';
import { useT, type MessageKey } from '../../i18n';
import { cellText } from './import-file';

/** A mapping row changed by `patch`: leaving 'metric' clears the metric's fields; a new metric takes its default unit and first basis. */
export function patchColumn(c: ColumnMapping, patch: Partial<ColumnMapping>): ColumnMapping {
  const next = { ...c, ...patch };
  if (patch.target && patch.target !== 'metric') Object.assign(next, { metric: null, unit: null, basis: null });
  if (patch.metric) Object.assign(next, { unit: DEFAULT_UNIT[metricKind(patch.metric)], basis: METRIC_BASES[patch.metric]?.[0] ?? null });
  return next;
}

/** One row per column of the file: what it is (target), and for a metric its unit, number or date format and basis. */
export function MappingTable({ parsed, columns, onChange }: { parsed: ParseResult; columns: ColumnMapping[]; onChange: (i: number, patch: Partial<ColumnMapping>) => void }) {
  const t = useT();
  const metricOptions = [
    { label: t('imports.metricGroup.base'), options: BASE_METRICS.map((m) => ({ value: m, label: t(`imports.metric.${m}` as MessageKey) })) },
    { label: t('imports.metricGroup.derived'), options: DERIVED_METRICS.map((m) => ({ value: m, label: t(`imports.metric.${m}` as MessageKey) })) },
  ];
  const sampleOf = (header: string) => {
    const i = parsed.headers.indexOf(header);
    return [...new Set(parsed.sampleRows.map((r) => cellText(r[i])).filter(Boolean))].slice(0, 2).join(' · ');
  };

  const mappingColumns: TableColumnsType<ColumnMapping & { i: number }> = [
    {
      title: t('imports.col.column'),
      key: 'column',
      width: 200,
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.column}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {sampleOf(c.column) || t('imports.noData')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('imports.col.target'),
      key: 'target',
      width: 170,
      render: (_, c) => (
        <Select
          style={{ width: '100%' }}
          value={c.target}
          onChange={(v) => onChange(c.i, { target: v })}
          options={ColumnTarget.options.map((v) => ({ value: v, label: t(`imports.target.${v}`) }))}
          data-testid={`map-target-${c.i}`}
        />
      ),
    },
    {
      title: t('imports.col.metric'),
      key: 'metric',
      width: 200,
      render: (_, c) =>
        c.target === 'metric' ? (
          <Select
            style={{ width: '100%' }}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('imports.chooseMetric')}
            value={c.metric ?? undefined}
            onChange={(v: MetricKey) => onChange(c.i, { metric: v })}
            options={metricOptions}
            data-testid={`map-metric-${c.i}`}
          />
        ) : null,
    },
    {
      title: t('imports.col.unit'),
      key: 'unit',
      width: 140,
      render: (_, c) =>
        c.target === 'metric' && c.metric ? (
          <Select
            style={{ width: '100%' }}
            value={c.unit ?? undefined}
            onChange={(v) => onChange(c.i, { unit: v })}
            options={UNITS_OF[metricKind(c.metric)].map((u) => ({ value: u, label: t(`imports.unit.${u}`) }))}
            data-testid={`map-unit-${c.i}`}
          />
        ) : null,
    },
    {
      title: t('imports.col.format'),
      key: 'format',
      width: 210,
      render: (_, c) =>
        c.target === 'metric' && c.unit !== 'hms' ? (
          <Select style={{ width: '100%' }} value={c.numberFormat} onChange={(v) => onChange(c.i, { numberFormat: v })} options={NumberFormat.options.map((f) => ({ value: f, label: t(`imports.nf.${f}`) }))} data-testid={`map-nf-${c.i}`} />
        ) : c.target === 'start' || c.target === 'date' ? (
          <Select
            style={{ width: '100%' }}
            value={c.dateFormat}
            onChange={(v) => onChange(c.i, { dateFormat: v })}
            options={DateFormat.options.map((f) => ({ value: f, label: f === 'auto' ? t('imports.df.auto') : f === 'excel' ? t('imports.df.excel') : f }))}
            data-testid={`map-df-${c.i}`}
          />
        ) : null,
    },
    {
      title: t('imports.col.basis'),
      key: 'basis',
      width: 170,
      render: (_, c) => {
        const bases = c.target === 'metric' && c.metric ? METRIC_BASES[c.metric] : undefined;
        return bases ? (
          <Select style={{ width: '100%' }} value={c.basis ?? undefined} onChange={(v) => onChange(c.i, { basis: v })} options={bases.map((b) => ({ value: b, label: t(`imports.basis.${b}` as MessageKey) }))} data-testid={`map-basis-${c.i}`} />
        ) : null;
      },
    },
  ];

  return <Table<ColumnMapping & { i: number }> size="small" rowKey="i" pagination={false} scroll={{ x: 1080 }} dataSource={columns.map((c, i) => ({ ...c, i }))} columns={mappingColumns} data-testid="imports-mapping" />;
}
