import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Link } from 'react-router';
import type { FindingsFilter, FindingsGroupBy, FindingsReport, FindingsReportRow, FindingView } from '../../../contracts/findings';
import { LoadError, PageHeader, useFormat } from '../../app/ui';
import { useT } from '../../i18n';
import { Highlighted, SEVERITY_MARK } from '../compliance/Highlighted';
import { useRooms } from '../team/queries';
import { useFindings, useFindingsReport } from './queries';

/** Findings highlighted inside a line of text, not as a block of their own. */
const INLINE = { display: 'inline', lineHeight: 'inherit' } as const;

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const GROUPS: FindingsGroupBy[] = ['host', 'rule', 'category', 'session', 'room'];
const SEVERITY_TAG = { block: 'red', warn: 'orange', info: 'blue' } as const;
/** The filter field a row of each grouping narrows the list to. */
const ROW_FILTER: Record<FindingsGroupBy, keyof FindingsFilter> = { host: 'hostPersonId', rule: 'rule', category: 'category', session: 'sessionId', room: 'roomId' };

/**
 * Which hosts trip which rules, over time: live findings grouped by host, rule, category, session or room, a daily
 * series by severity, and the lines themselves. It is the input for the hosts' training.
 */
export default function FindingsReportPage() {
  const t = useT();
  const { timeZone } = useFormat();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')]);
  const [groupBy, setGroupBy] = useState<FindingsGroupBy>('host');
  const [roomId, setRoomId] = useState<string>();
  const [source, setSource] = useState<FindingsFilter['source']>();
  const [severity, setSeverity] = useState<FindingsFilter['severity']>();
  const [selected, setSelected] = useState<{ groupBy: FindingsGroupBy; key: string; label: string } | null>(null);
  const rooms = useRooms();

  const base: FindingsFilter = { from: range[0].toISOString(), to: range[1].toISOString(), roomId, source, severity };
  const report = useFindingsReport({ ...base, groupBy, timeZone });
  const listFilter: FindingsFilter = selected && selected.key ? { ...base, [ROW_FILTER[selected.groupBy]]: selected.key } : base;

  return (
    <div data-testid="findings-page">
      <PageHeader title={t('findings.title')} subtitle={t('findings.subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].startOf('day'), v[1].endOf('day')])}
            presets={[
              { label: t('findings.last7'), value: [dayjs().subtract(6, 'day').startOf('day'), dayjs().endOf('day')] },
              { label: t('findings.last30'), value: [dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')] },
              { label: t('findings.last90'), value: [dayjs().subtract(89, 'day').startOf('day'), dayjs().endOf('day')] },
            ]}
            data-testid="findings-range"
          />
          <Select
            allowClear
            placeholder={t('findings.allRooms')}
            style={{ minWidth: 180 }}
            value={roomId}
            onChange={setRoomId}
            options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.displayName }))}
            data-testid="findings-room"
          />
          <Select
            allowClear
            placeholder={t('findings.allSources')}
            style={{ minWidth: 150 }}
            value={source}
            onChange={setSource}
            options={[
              { value: 'transcript', label: t('findings.source.transcript') },
              { value: 'comment', label: t('findings.source.comment') },
            ]}
            data-testid="findings-source"
          />
          <Select
            allowClear
            placeholder={t('findings.allSeverities')}
            style={{ minWidth: 130 }}
            value={severity}
            onChange={setSeverity}
            options={(['block', 'warn', 'info'] as const).map((s) => ({ value: s, label: t(`live.severity.${s}`) }))}
            data-testid="findings-severity"
          />
        </Flex>
      </Card>
      {report.error ? (
        <LoadError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <Totals report={report.data} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('findings.perDay')}>
                <DailyChart report={report.data} />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card
                size="small"
                title={t('findings.groups')}
                extra={
                  <Segmented
                    size="small"
                    value={groupBy}
                    onChange={(v) => {
                      setGroupBy(v as FindingsGroupBy);
                      setSelected(null);
                    }}
                    options={GROUPS.map((g) => ({ value: g, label: t(`findings.by.${g}`) }))}
                    data-testid="findings-group-by"
                  />
                }
              >
                <GroupTable
                  report={report.data}
                  loading={report.isFetching}
                  selectedKey={selected?.groupBy === groupBy ? selected.key : undefined}
                  onSelect={(row) => setSelected(row && { groupBy, key: row.key, label: row.label })}
                />
              </Card>
            </Col>
          </Row>
          <FindingList filter={listFilter} narrowedTo={selected?.key ? selected.label : null} onClear={() => setSelected(null)} />
        </>
      )}
    </div>
  );
}

function Totals({ report }: { report: FindingsReport | undefined }) {
  const t = useT();
  const totals = report?.totals;
  const cards = [
    { key: 'total', title: t('findings.total'), value: totals?.total },
    { key: 'block', title: t('live.severity.block'), value: totals?.block, color: SEVERITY_MARK.block.line },
    { key: 'warn', title: t('live.severity.warn'), value: totals?.warn, color: SEVERITY_MARK.warn.line },
    { key: 'transcript', title: t('findings.source.transcript'), value: totals?.transcript },
    { key: 'comment', title: t('findings.source.comment'), value: totals?.comment },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={Math.floor(24 / cards.length) as 4}>
          <Card size="small">
            <Statistic title={c.title} value={c.value ?? '—'} valueStyle={c.color ? { color: c.color } : undefined} data-testid={`findings-total-${c.key}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function DailyChart({ report }: { report: FindingsReport | undefined }) {
  const t = useT();
  const days = report?.days ?? [];
  if (!report?.totals.total) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.none')} style={{ height: 240, paddingTop: 60 }} />;
  const option = {
    grid: { left: 40, right: 12, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['block', 'warn', 'info'] as const).map((s) => ({
      name: t(`live.severity.${s}`),
      type: 'bar',
      stack: 'all',
      barMaxWidth: 18,
      itemStyle: { color: SEVERITY_MARK[s].line },
      data: days.map((d) => d[s]),
    })),
  };
  return (
    <div data-testid="findings-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height: 240, width: '100%' }} />
    </div>
  );
}

function GroupTable({ report, loading, selectedKey, onSelect }: { report: FindingsReport | undefined; loading: boolean; selectedKey: string | undefined; onSelect: (row: FindingsReportRow | null) => void }) {
  const t = useT();
  const groupBy = report?.groupBy ?? 'host';
  const columns: TableColumnsType<FindingsReportRow> = [
    {
      title: t(`findings.by.${groupBy}`),
      dataIndex: 'label',
      // A name never breaks over two lines; the table scrolls sideways when the row is too wide.
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (label: string, row) => (row.key ? <Typography.Text strong>{label}</Typography.Text> : <Typography.Text type="secondary">{t('findings.noHost')}</Typography.Text>),
    },
    { title: t('live.severity.block'), dataIndex: 'block', width: 70, align: 'right', render: (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : 0) },
    { title: t('live.severity.warn'), dataIndex: 'warn', width: 70, align: 'right' },
    { title: t('findings.total'), dataIndex: 'total', width: 70, align: 'right' },
    { title: t('findings.source.transcript'), dataIndex: 'transcript', width: 80, align: 'right' },
    {
      title: t('findings.topTerms'),
      dataIndex: 'topTerms',
      render: (terms: FindingsReportRow['topTerms']) => (
        <Flex gap={4} wrap>
          {terms.map((x) => (
            <Tag key={x.term} style={{ marginInlineEnd: 0 }}>
              {x.term} ×{x.count}
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];
  return (
    <Table<FindingsReportRow>
      size="small"
      rowKey={(r) => r.key || '-'}
      loading={loading}
      columns={columns}
      dataSource={report?.rows ?? []}
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.none')} /> }}
      rowClassName={(r) => (r.key === selectedKey ? 'ant-table-row-selected' : '')}
      onRow={(r) => ({ onClick: () => onSelect(r.key === selectedKey ? null : r), style: { cursor: 'pointer' }, 'data-testid': 'findings-group-row' } as React.HTMLAttributes<HTMLElement>)}
      scroll={{ x: 560 }}
    />
  );
}

function FindingList({ filter, narrowedTo, onClear }: { filter: FindingsFilter; narrowedTo: string | null; onClear: () => void }) {
  const t = useT();
  const { dateTime } = useFormat();
  const list = useFindings(filter);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const columns: TableColumnsType<FindingView> = [
    { title: t('findings.at'), dataIndex: 'at', width: 170, render: (at: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{dateTime(at)}</span> },
    {
      title: t('findings.session'),
      dataIndex: 'sessionTitle',
      width: 200,
      render: (title: string, f) => (
        <Flex vertical>
          <Link to={`/sessions/${f.sessionId}`}>{title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.roomName}
            {f.hostName ? ` · ${f.hostName}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('findings.rule'),
      dataIndex: 'rule',
      width: 200,
      render: (rule: string, f) => (
        <Flex vertical gap={2} align="start">
          <Tag color={SEVERITY_TAG[f.severity]} style={{ marginInlineEnd: 0 }}>
            {rule}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.term}
            {f.evasion.length ? ` · ${f.evasion.join(', ')}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('findings.line'),
      dataIndex: 'text',
      render: (text: string, f) => (
        <span>
          <Tag color={f.source === 'transcript' ? 'blue' : undefined}>{f.source === 'transcript' ? t('live.hostSpeech') : f.userName || t('live.anonymous')}</Tag>
          <Highlighted text={text} findings={[f]} style={INLINE} testId="finding-text" />
        </span>
      ),
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <Flex gap={8} align="center">
          {t('findings.list')}
          {narrowedTo ? (
            <Tag closable onClose={onClear} color="processing" data-testid="findings-narrowed">
              {narrowedTo}
            </Tag>
          ) : null}
        </Flex>
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<FindingView>
            size="small"
            rowKey="id"
            loading={list.isLoading}
            columns={columns}
            dataSource={items}
            pagination={false}
            scroll={{ x: 820 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.none')} /> }}
            onRow={() => ({ 'data-testid': 'finding-row' } as React.HTMLAttributes<HTMLElement>)}
          />
          {list.hasNextPage ? (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="findings-more">
                {t('findings.more')}
              </Button>
            </Flex>
          ) : null}
        </>
      )}
    </Card>
  );
}
