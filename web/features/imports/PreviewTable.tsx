import { Alert, Flex, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PreviewResult, RowError } from '../../../contracts/imports';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { When } from './ImportHistory';
import { metricUnit } from '../../../contracts/analytics';
import { useMetricText } from '../analytics/format';

type PreviewRowView = PreviewResult['rows'][number];

/** What an import would do: the counts, the rows' errors (row, column, message) and each row's session and values. */
export function PreviewTable({ result, errors }: { result: PreviewResult; errors: RowError[] }) {
  const t = useT();
  const { locale } = useLocale();
  const metricText = useMetricText();
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
              {t(`imports.metric.${v.metric}` as MessageKey)} {metricText.value({ metric: v.metric, unit: metricUnit(v.metric), value: v.value })}
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
    </>
  );
}
