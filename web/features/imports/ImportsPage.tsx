import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Modal, Popconfirm, Progress, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { z } from 'zod';
import { BASE_METRICS, DERIVED_METRICS, TimeWindow, type MetricKey } from '../../../contracts/analytics';
import {
  ColumnMapping as ColumnMappingSchema,
  ColumnTarget,
  DateFormat,
  DEFAULT_UNIT,
  METRIC_BASES,
  metricKind,
  NumberFormat,
  RowError,
  UNITS_OF,
  type Cell,
  type ColumnMapping,
  type ImportMapping,
  type ImportView,
  type ParseResult,
  type PresetView,
  type PreviewResult,
} from '../../../contracts/imports';
import { Platform } from '../../../contracts/team';
import { ApiError } from '../../app/api';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, tid, useFormat, useShowError } from '../../app/ui';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { formatNumber, formatYuan } from '../planning/time';
import { useApplyImport, useImports, useParseFile, usePresets, usePreviewImport, useSavePreset, useSessionMetrics, useUndoImport } from './queries';

type FileInput = { fileName: string; contentBase64: string };
type PreviewRowView = PreviewResult['rows'][number];

const RowErrors = z.object({ errors: z.array(RowError) });

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const blankColumn = (column: string): ColumnMapping => ColumnMappingSchema.parse({ column, target: 'ignore' });

/** One mapping row per non-empty header, taken from `base` (a preset or the previous mapping) where it names the header. */
function columnsFor(headers: string[], base?: ColumnMapping[]): ColumnMapping[] {
  return headers.filter(Boolean).map((h) => base?.find((c) => c.column === h) ?? blankColumn(h));
}

/** A value in its base unit, as a person reads it. */
export function formatMetric(metric: MetricKey, value: number | null, locale: 'zh-CN' | 'en-US'): string {
  if (value === null) return '—';
  switch (metricKind(metric)) {
    case 'money':
      return formatYuan(value, locale);
    case 'duration': {
      const s = Math.round(value);
      return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    }
    case 'rate':
      return metric === 'roi' ? formatNumber(Math.round(value * 100) / 100, locale) : `${formatNumber(Math.round(value * 10000) / 100, locale)}%`;
    default:
      return formatNumber(value, locale);
  }
}

const cellText = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c));

export default function ImportsPage() {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const presets = usePresets();
  const parse = useParseFile();
  const preview = usePreviewImport();
  const [progress, setProgress] = useState<number | null>(null);
  const apply = useApplyImport((f) => setProgress(f));
  const savePreset = useSavePreset();

  const [file, setFile] = useState<FileInput | null>(null);
  const [parsed, setParsed] = useState<ParseResult | null>(null);
  const [platform, setPlatform] = useState<Platform>('douyin');
  const [timeWindow, setTimeWindow] = useState<TimeWindow>('live');
  const [columns, setColumns] = useState<ColumnMapping[]>([]);
  const [preset, setPreset] = useState<{ id: string; name: string; auto: boolean } | null>(null);
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [applyErrors, setApplyErrors] = useState<RowError[] | null>(null);
  const [applied, setApplied] = useState<ImportView | null>(null);
  const [naming, setNaming] = useState(false);
  const [presetName, setPresetName] = useState('');

  const mapping: ImportMapping = { platform, timeWindow, columns };
  const options = parsed ? { sheet: parsed.sheet, headerRow: parsed.headerRow } : {};

  const applyPreset = (p: PresetView, headers: string[], auto: boolean) => {
    setPlatform(p.mapping.platform);
    setTimeWindow(p.mapping.timeWindow);
    setColumns(columnsFor(headers, p.mapping.columns));
    setPreset({ id: p.id, name: p.name, auto });
  };

  const runParse = (input: FileInput, opts: { sheet?: string | null; headerRow?: number | null }, previous: ColumnMapping[]) => {
    setResult(null);
    setApplyErrors(null);
    parse.mutate(
      { ...input, ...opts },
      {
        onSuccess: (p) => {
          setParsed(p);
          if (p.preset) applyPreset(p.preset, p.headers, true);
          else {
            setPreset(null);
            setColumns(columnsFor(p.headers, previous));
          }
        },
        onError: (e) => {
          setParsed(null);
          showError(e);
        },
      },
    );
  };

  const load = async (raw: File) => {
    const input = { fileName: raw.name, contentBase64: await readBase64(raw) };
    setFile(input);
    setApplied(null);
    runParse(input, {}, columns);
  };

  const change = (i: number, patch: Partial<ColumnMapping>) => {
    setResult(null);
    setApplyErrors(null);
    setColumns((cols) =>
      cols.map((c, j) => {
        if (j !== i) return c;
        const next = { ...c, ...patch };
        if (patch.target && patch.target !== 'metric') Object.assign(next, { metric: null, unit: null, basis: null });
        if (patch.metric) Object.assign(next, { unit: DEFAULT_UNIT[metricKind(patch.metric)], basis: METRIC_BASES[patch.metric]?.[0] ?? null });
        return next;
      }),
    );
  };

  const runPreview = () => {
    if (!file) return;
    setApplyErrors(null);
    setApplied(null);
    preview.mutate({ ...file, ...options, mapping, presetId: preset?.id ?? null }, { onSuccess: setResult, onError: (e) => showError(e) });
  };

  const runApply = () => {
    if (!file) return;
    setProgress(0);
    apply.mutate(
      { ...file, ...options, mapping, presetId: preset?.id ?? null },
      {
        onSuccess: (v) => {
          setApplied(v);
          setProgress(null);
          void message.success(t('imports.applied', { rows: v.rowCount, values: v.valueCount }));
        },
        onError: (e) => {
          setProgress(null);
          if (e instanceof ApiError && e.code === 'import/rows-invalid') {
            const d = RowErrors.safeParse(e.details);
            setApplyErrors(d.success ? d.data.errors : []);
          }
          showError(e);
        },
      },
    );
  };

  const saveAsPreset = (id?: string) => {
    if (!parsed) return;
    const name = id ? preset!.name : presetName.trim();
    savePreset.mutate(
      { id, input: { name, headers: parsed.headers.filter(Boolean), mapping } },
      {
        onSuccess: (p) => {
          setPreset({ id: p.id, name: p.name, auto: false });
          setNaming(false);
          void message.success(t('imports.presetSaved', { name: p.name }));
        },
        onError: (e) => showError(e),
      },
    );
  };

  const errors = applyErrors ?? result?.errors ?? [];
  const metricOptions = [
    { label: t('imports.metricGroup.base'), options: BASE_METRICS.map((m) => ({ value: m, label: t(`imports.metric.${m}` as MessageKey) })) },
    { label: t('imports.metricGroup.derived'), options: DERIVED_METRICS.map((m) => ({ value: m, label: t(`imports.metric.${m}` as MessageKey) })) },
  ];
  const sampleOf = (header: string) => {
    const i = parsed?.headers.indexOf(header) ?? -1;
    return [...new Set((parsed?.sampleRows ?? []).map((r) => cellText(r[i])).filter(Boolean))].slice(0, 2).join(' · ');
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
          onChange={(v) => change(c.i, { target: v })}
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
            onChange={(v: MetricKey) => change(c.i, { metric: v })}
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
            onChange={(v) => change(c.i, { unit: v })}
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
          <Select style={{ width: '100%' }} value={c.numberFormat} onChange={(v) => change(c.i, { numberFormat: v })} options={NumberFormat.options.map((f) => ({ value: f, label: t(`imports.nf.${f}`) }))} data-testid={`map-nf-${c.i}`} />
        ) : c.target === 'start' || c.target === 'date' ? (
          <Select
            style={{ width: '100%' }}
            value={c.dateFormat}
            onChange={(v) => change(c.i, { dateFormat: v })}
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
          <Select style={{ width: '100%' }} value={c.basis ?? undefined} onChange={(v) => change(c.i, { basis: v })} options={bases.map((b) => ({ value: b, label: t(`imports.basis.${b}` as MessageKey) }))} data-testid={`map-basis-${c.i}`} />
        ) : null;
      },
    },
  ];

  const previewColumns: TableColumnsType<PreviewRowView> = [
    { title: t('imports.col.row'), dataIndex: 'row', width: 64 },
    {
      title: t('imports.col.session'),
      key: 'session',
      width: 260,
      render: (_, r) =>
        r.session ? (
          <Flex vertical>
            <span>{r.session.title}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.session.roomName} · <When iso={r.session.plannedStart} />
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="danger">{t('imports.unmatched')}</Typography.Text>
        ),
    },
    {
      title: t('imports.col.values'),
      key: 'values',
      render: (_, r) => (
        <Flex gap={4} wrap>
          {r.values.map((v) => (
            <Tag key={v.metric} style={{ marginInlineEnd: 0 }}>
              {t(`imports.metric.${v.metric}` as MessageKey)} {formatMetric(v.metric, v.value, locale)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('imports.col.status'), key: 'ok', width: 90, render: (_, r) => (r.ok ? <Tag color="green">{t('imports.ok')}</Tag> : <Tag color="red">{t('imports.hasErrors')}</Tag>) },
  ];

  const errorColumns: TableColumnsType<RowError> = [
    { title: t('imports.col.row'), dataIndex: 'row', width: 64, render: (row: number) => (row > 0 ? row : '—') },
    { title: t('imports.col.column'), dataIndex: 'column', width: 180, render: (c: string | null) => c ?? '—' },
    { title: t('imports.col.message'), key: 'message', render: (_, e) => (locale === 'zh-CN' ? e.zh : e.en) },
  ];

  return (
    <>
      <PageHeader title={t('nav.imports')} subtitle={t('imports.subtitle')} testId="imports-page" />
      <Flex vertical gap={16}>
        {can('data:import') ? (
          <Card size="small" title={t('imports.step.upload')}>
            <Upload.Dragger
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              beforeUpload={(f) => {
                void load(f);
                return false;
              }}
              data-testid="imports-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.drop')}</p>
              <p className="ant-upload-hint">{t('imports.dropHint')}</p>
            </Upload.Dragger>
            {parse.isPending ? <Progress percent={100} status="active" showInfo={false} style={{ marginTop: 12 }} /> : null}
            {parsed ? (
              <Flex vertical gap={12} style={{ marginTop: 12 }} data-testid="imports-parsed">
                <Flex gap={24} wrap align="center">
                  <Typography.Text strong data-testid="imports-file-name">{parsed.fileName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {parsed.format.toUpperCase()}
                    {parsed.encoding ? ` · ${parsed.encoding.toUpperCase()}` : ''} · {t('imports.rowCount', { n: parsed.rowCount })}
                  </Typography.Text>
                  {parsed.sheets.length > 1 ? (
                    <Space>
                      {t('imports.sheet')}
                      <Select style={{ minWidth: 160 }} value={parsed.sheet ?? undefined} onChange={(sheet) => file && runParse(file, { sheet }, columns)} options={parsed.sheets.map((s) => ({ value: s, label: s }))} data-testid="imports-sheet" />
                    </Space>
                  ) : null}
                  <Space>
                    {t('imports.headerRow')}
                    <Select
                      style={{ width: 90 }}
                      value={parsed.headerRow}
                      onChange={(headerRow) => file && runParse(file, { sheet: parsed.sheet, headerRow }, columns)}
                      options={parsed.topRows.map((_, i) => ({ value: i + 1, label: String(i + 1) }))}
                      data-testid="imports-header-row"
                    />
                  </Space>
                </Flex>
                <Table<{ i: number; cells: Cell[] }>
                  size="small"
                  rowKey="i"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={parsed.topRows.slice(0, 5).map((cells, i) => ({ i, cells }))}
                  rowClassName={(r) => (r.i + 1 === parsed.headerRow ? 'ant-table-row-selected' : '')}
                  columns={[
                    { title: '#', key: 'n', width: 40, render: (_, r) => r.i + 1 },
                    ...Array.from({ length: Math.max(0, ...parsed.topRows.map((r) => r.length)) }, (_, col) => ({
                      title: String.fromCharCode(65 + (col % 26)),
                      key: String(col),
                      render: (_: unknown, r: { cells: Cell[] }) => cellText(r.cells[col]),
                    })),
                  ]}
                />
              </Flex>
            ) : null}
          </Card>
        ) : null}

        {parsed && can('data:import') ? (
          <Card
            size="small"
            title={t('imports.step.map')}
            extra={
              <Space wrap>
                <Select
                  style={{ minWidth: 200 }}
                  allowClear
                  placeholder={t('imports.choosePreset')}
                  value={preset?.id}
                  onChange={(id?: string) => {
                    const p = presets.data?.find((x) => x.id === id);
                    if (p) applyPreset(p, parsed.headers, false);
                    else setPreset(null);
                    setResult(null);
                  }}
                  options={(presets.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${t(`platform.${p.platform}`)}` }))}
                  data-testid="imports-preset"
                />
                {preset ? (
                  <Button onClick={() => saveAsPreset(preset.id)} loading={savePreset.isPending} data-testid="imports-preset-update">
                    {t('imports.updatePreset')}
                  </Button>
                ) : null}
                <Button onClick={() => { setPresetName(''); setNaming(true); }} data-testid="imports-preset-save">
                  {t('imports.savePreset')}
                </Button>
              </Space>
            }
          >
            {preset?.auto ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('imports.presetAuto', { name: preset.name })} data-testid="imports-preset-auto" /> : null}
            <Flex gap={16} wrap style={{ marginBottom: 12 }}>
              <Space>
                {t('imports.platform')}
                <Select style={{ minWidth: 160 }} value={platform} onChange={(v) => { setPlatform(v); setResult(null); }} options={Platform.options.map((p) => ({ value: p, label: t(`platform.${p}`) }))} data-testid="imports-platform" />
              </Space>
              <Space>
                {t('imports.window')}
                <Select style={{ minWidth: 200 }} value={timeWindow} onChange={(v) => { setTimeWindow(v); setResult(null); }} options={TimeWindow.options.map((w) => ({ value: w, label: t(`imports.window.${w}`) }))} data-testid="imports-window" />
              </Space>
            </Flex>
            <Table<ColumnMapping & { i: number }> size="small" rowKey="i" pagination={false} scroll={{ x: 1080 }} dataSource={columns.map((c, i) => ({ ...c, i }))} columns={mappingColumns} data-testid="imports-mapping" />
            <Flex justify="space-between" align="center" gap={12} style={{ marginTop: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('imports.matchHint')}
              </Typography.Text>
              <Button type="primary" onClick={runPreview} loading={preview.isPending} data-testid="imports-preview">
                {t('imports.preview')}
              </Button>
            </Flex>
          </Card>
        ) : null}

        {result && can('data:import') ? (
          <Card size="small" title={t('imports.step.preview')} data-testid="imports-preview-card">
            <Flex gap={32} wrap style={{ marginBottom: 12 }}>
              <Statistic title={t('imports.stat.rows')} value={result.rowCount} />
              <Statistic title={t('imports.stat.valid')} value={result.validRows} />
              <Statistic title={t('imports.stat.sessions')} value={result.sessionCount} />
              <Statistic title={t('imports.stat.values')} value={result.valueCount} />
              <Statistic title={t('imports.stat.errors')} value={errors.length} valueStyle={errors.length ? { color: '#cf1322' } : undefined} data-testid="imports-error-count" />
            </Flex>
            {errors.length ? (
              <>
                <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('imports.fixErrors')} />
                <Table<RowError> size="small" rowKey={(e) => `${e.row}-${e.column}-${e.en}`} pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={errors} columns={errorColumns} data-testid="imports-errors" style={{ marginBottom: 12 }} />
              </>
            ) : null}
            <Table<PreviewRowView> size="small" rowKey="row" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={result.rows} columns={previewColumns} data-testid="imports-preview-rows" />
            <Flex justify="flex-end" align="center" gap={16} style={{ marginTop: 12 }}>
              {progress !== null ? (
                <Flex vertical style={{ width: 320 }} data-testid="imports-progress">
                  <Progress percent={Math.round(progress * 100)} status="active" />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {progress < 1 ? t('imports.uploading') : t('imports.applying')}
                  </Typography.Text>
                </Flex>
              ) : null}
              <Button type="primary" disabled={errors.length > 0 || result.rowCount === 0 || applied !== null} onClick={runApply} loading={apply.isPending} data-testid="imports-apply">
                {t('imports.apply')}
              </Button>
            </Flex>
          </Card>
        ) : null}

        {applied ? <AppliedCard imported={applied} titles={new Map((result?.rows ?? []).flatMap((r) => (r.session ? [[r.session.id, r.session.title] as const] : [])))} /> : null}

        <History />
      </Flex>
      <Modal
        open={naming}
        title={t('imports.savePreset')}
        onCancel={() => setNaming(false)}
        onOk={() => saveAsPreset()}
        okButtonProps={{ disabled: !presetName.trim(), ...tid('imports-preset-ok') }}
        confirmLoading={savePreset.isPending}
        okText={t('imports.save')}
        cancelText={t('imports.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('imports.presetHint', { platform: t(`platform.${platform}`) })}</Typography.Paragraph>
        <Input value={presetName} maxLength={80} onChange={(e) => setPresetName(e.target.value)} placeholder={t('imports.presetName')} data-testid="imports-preset-name" />
      </Modal>
    </>
  );
}

function When({ iso }: { iso: string }) {
  const f = useFormat();
  return <>{f.dateTime(iso).slice(0, -3)}</>;
}

/** What the applied import put on its sessions, read back from the session metrics (source shown). */
function AppliedCard({ imported, titles }: { imported: ImportView; titles: Map<string, string> }) {
  const t = useT();
  return (
    <Card size="small" title={t('imports.appliedTitle', { file: imported.fileName })} data-testid="imports-applied">
      <Typography.Paragraph type="secondary">{t('imports.appliedHint', { rows: imported.rowCount, values: imported.valueCount, sessions: imported.sessionIds.length })}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {imported.sessionIds.slice(0, 5).map((id) => (
          <SessionValues key={id} sessionId={id} title={titles.get(id) ?? t('imports.sessionValues')} />
        ))}
      </Flex>
    </Card>
  );
}

function SessionValues({ sessionId, title }: { sessionId: string; title: string }) {
  const t = useT();
  const { locale } = useLocale();
  const metrics = useSessionMetrics(sessionId);
  if (metrics.error) return <LoadError error={metrics.error} />;
  const imported = (metrics.data?.metrics ?? []).filter((m) => m.source === 'import');
  return (
    <Card type="inner" size="small" loading={metrics.isLoading} title={<Link to={`/sessions/${sessionId}/review`}>{title}</Link>} data-testid={`imports-session-${sessionId}`}>
      {imported.length ? (
        <Flex gap={8} wrap>
          {imported.map((m) => (
            <Tag key={m.metric} color="blue" data-testid={`imports-value-${m.metric}`}>
              {t(`imports.metric.${m.metric}` as MessageKey)}: {formatMetric(m.metric, m.value, locale)} · {t('imports.sourceImport')}
            </Tag>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('imports.noData')}</Typography.Text>
      )}
    </Card>
  );
}

function History() {
  const t = useT();
  const f = useFormat();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const imports = useImports();
  const undo = useUndoImport();
  if (imports.error) return <LoadError error={imports.error} onRetry={() => void imports.refetch()} />;
  const columns: TableColumnsType<ImportView> = [
    { title: t('imports.col.file'), dataIndex: 'fileName', render: (n: string, r) => <Flex vertical><span>{n}</span>{r.presetName ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('imports.viaPreset', { name: r.presetName })}</Typography.Text> : null}</Flex> },
    { title: t('imports.platform'), dataIndex: 'platform', width: 120, render: (p: Platform) => t(`platform.${p}`) },
    { title: t('imports.window'), dataIndex: 'timeWindow', width: 110, render: (w: TimeWindow) => t(`imports.window.${w}`) },
    { title: t('imports.stat.rows'), dataIndex: 'rowCount', width: 70, align: 'right' },
    { title: t('imports.stat.sessions'), key: 's', width: 70, align: 'right', render: (_, r) => r.sessionIds.length },
    { title: t('imports.stat.values'), dataIndex: 'valueCount', width: 70, align: 'right' },
    { title: t('imports.col.by'), dataIndex: 'createdBy', width: 140 },
    { title: t('imports.col.at'), dataIndex: 'createdAt', width: 170, render: (at: string) => f.dateTime(at) },
    {
      title: t('imports.col.status'),
      key: 'status',
      width: 150,
      render: (_, r) =>
        r.undoneAt ? (
          <Tag>{t('imports.undone')}</Tag>
        ) : can('data:import') ? (
          <Popconfirm
            title={t('imports.undoConfirm')}
            okText={t('imports.undo')}
            cancelText={t('imports.cancel')}
            okButtonProps={tid('confirm-ok')}
            onConfirm={() => undo.mutate(r.id, { onSuccess: () => void message.success(t('imports.undoneToast')), onError: (e) => showError(e) })}
          >
            <Button size="small" danger data-testid={`imports-undo-${r.id}`}>
              {t('imports.undo')}
            </Button>
          </Popconfirm>
        ) : (
          <Tag color="green">{t('imports.active')}</Tag>
        ),
    },
  ];
  return (
    <Card size="small" title={t('imports.history')}>
      <Table<ImportView>
        size="small"
        rowKey="id"
        loading={imports.isLoading}
        dataSource={imports.data ?? []}
        columns={columns}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState text={t('imports.noImports')} /> }}
        data-testid="imports-history"
      />
    </Card>
  );
}
