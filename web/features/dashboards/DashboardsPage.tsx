import { useMemo } from 'react';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Select, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Link, useSearchParams } from 'react-router';
import { DashboardPeriod, DashboardScope, type DashboardQuery, type DashboardView, type Kpi, type RankRow, type SessionRankRow } from '../../../contracts/dashboards';
import { LoadError, PageHeader } from '../../app/ui';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { formatChange, formatKpi } from './format';
import { PrintFrame, PrintStyles } from './PrintFrame';
import { dashboardParams, useDashboard, useDashboardOptions } from './queries';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const SCOPES = DashboardScope.options;
const PERIODS = DashboardPeriod.options;
const CHANGE_COLOR = { up: '#389e0d', down: '#cf1322', flat: '#8c8c8c', none: '#8c8c8c' } as const;

/** The selection lives in the URL, so a link, a reload and the print view show the same dashboard. */
function useSelection() {
  const [params, setParams] = useSearchParams();
  const scope = (SCOPES as readonly string[]).includes(params.get('scope') ?? '') ? (params.get('scope') as DashboardScope) : 'company';
  const period = (PERIODS as readonly string[]).includes(params.get('period') ?? '') ? (params.get('period') as DashboardPeriod) : 'week';
  const query: DashboardQuery = { scope, period, id: params.get('id') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const update = (patch: Partial<Record<'scope' | 'period' | 'id' | 'from' | 'to' | 'print', string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: false });
  };
  return { query, print: params.get('print') === '1', update };
}

export default function DashboardsPage() {
  const t = useT();
  const { locale } = useLocale();
  const { query, print, update } = useSelection();
  const options = useDashboardOptions();
  const needsId = query.scope !== 'company' && !query.id;
  const dashboard = useDashboard(query, !needsId);
  const view = needsId ? undefined : dashboard.data;
  const exportHref = `/api/v1/dashboards/export.xlsx?${new URLSearchParams({ ...dashboardParams(query), locale }).toString()}`;

  const idOptions = useMemo(() => {
    const o = options.data;
    if (!o) return [];
    if (query.scope === 'team') return o.teams.map((x) => ({ value: x.id, label: x.name }));
    if (query.scope === 'room') return o.rooms.map((x) => ({ value: x.id, label: x.name }));
    if (query.scope === 'host') return o.hosts.map((x) => ({ value: x.id, label: x.name }));
    return [];
  }, [options.data, query.scope]);

  const anchor = dayjs(query.from ?? options.data?.today ?? undefined);
  const title = view?.name ? `${t('dashboards.title')} · ${view.name}` : t('dashboards.title');

  const toolbar = (
    <Card size="small" style={{ marginBottom: 16 }} className="sr-no-print">
      <Flex gap={12} wrap align="center">
        <Segmented
          value={query.scope}
          onChange={(v) => update({ scope: String(v), id: undefined })}
          options={SCOPES.map((s) => ({ value: s, label: <span data-testid={`dashboard-scope-${s}`}>{t(`dashboards.scope.${s}` as MessageKey)}</span> }))}
          data-testid="dashboard-scope"
        />
        {query.scope !== 'company' && (
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 200 }}
            placeholder={t(`dashboards.pick.${query.scope}` as MessageKey)}
            value={query.id}
            onChange={(v) => update({ id: v })}
            options={idOptions}
            data-testid="dashboard-target"
          />
        )}
        <Segmented
          value={query.period}
          onChange={(v) => update({ period: String(v), to: undefined })}
          options={PERIODS.map((p) => ({ value: p, label: <span data-testid={`dashboard-period-${p}`}>{t(`dashboards.period.${p}` as MessageKey)}</span> }))}
          data-testid="dashboard-period"
        />
        {query.period === 'custom' ? (
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(view?.from ?? anchor), dayjs(view?.to ?? anchor)]}
            onChange={(v) => v?.[0] && v[1] && update({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
            data-testid="dashboard-range"
          />
        ) : (
          <DatePicker
            allowClear={false}
            picker={query.period === 'month' ? 'month' : query.period === 'week' ? 'week' : 'date'}
            value={anchor}
            onChange={(v) => v && update({ from: v.format('YYYY-MM-DD') })}
            data-testid="dashboard-date"
          />
        )}
        {view && (
          <Typography.Text type="secondary" data-testid="dashboard-compare">
            {t('dashboards.compare', { from: view.from, to: view.to, pfrom: view.previousFrom, pto: view.previousTo })}
          </Typography.Text>
        )}
        <Flex gap={8} style={{ marginLeft: 'auto' }}>
          <Button icon={<DownloadOutlined />} href={exportHref} download disabled={needsId} data-testid="dashboard-export">
            {t('dashboards.export')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => update({ print: '1' })} disabled={needsId} data-testid="dashboard-print">
            {t('dashboards.print')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );

  return (
    <PrintFrame print={print} onBack={() => update({ print: undefined })}>
      <PrintStyles />
      <div data-testid="dashboards-page">
        <PageHeader title={title} subtitle={print && view ? t('dashboards.compare', { from: view.from, to: view.to, pfrom: view.previousFrom, pto: view.previousTo }) : t('dashboards.subtitle')} />
        {!print && toolbar}
        {needsId ? (
          <Empty description={t('dashboards.pickFirst')} />
        ) : dashboard.error ? (
          <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        ) : (
          <Body view={view} loading={dashboard.isFetching} print={print} />
        )}
      </div>
    </PrintFrame>
  );
}

function Body({ view, loading, print }: { view: DashboardView | undefined; loading: boolean; print: boolean }) {
  const t = useT();
  return (
    <div data-testid="dashboard-body" data-loading={loading ? '1' : '0'} data-from={view?.from} data-scope={view?.scope}>
      <Row gutter={[12, 12]}>
        {(view?.kpis ?? []).map((k) => (
          <Col key={k.key} xs={12} md={8} lg={6} xl={print ? 6 : 4}>
            <KpiCard kpi={k} />
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginTop: 16 }} title={`${t('dashboards.trend')} · ${view?.granularity === 'hour' ? t('dashboards.trendHour') : t('dashboards.trendDay')}`}>
        <TrendChart view={view} print={print} />
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={t('dashboards.rankings')}>
        <Rankings view={view} print={print} />
      </Card>
    </div>
  );
}

function KpiCard({ kpi }: { kpi: Kpi }) {
  const t = useT();
  const change = formatChange(kpi.change);
  return (
    <Card size="small" data-testid={`kpi-${kpi.key}`} style={{ height: '100%' }}>
      <Statistic
        title={
          <Flex gap={4} align="center" wrap>
            <span>{t(`dashboards.kpi.${kpi.key}` as MessageKey)}</span>
            {kpi.basis && kpi.value !== null && <Tag style={{ marginInlineEnd: 0, fontSize: 11 }}>{t(`dashboards.basis.${kpi.basis}` as MessageKey)}</Tag>}
          </Flex>
        }
        value={formatKpi(t, kpi.value, kpi.unit)}
        valueStyle={{ fontSize: 20, color: kpi.value === null ? '#8c8c8c' : undefined }}
      />
      <Flex justify="space-between" gap={6} style={{ fontSize: 12, marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`kpi-${kpi.key}-previous`}>
          {t('dashboards.previous', { v: formatKpi(t, kpi.previous, kpi.unit) })}
        </Typography.Text>
        <span style={{ color: CHANGE_COLOR[change.direction], whiteSpace: 'nowrap' }} data-testid={`kpi-${kpi.key}-change`} data-direction={change.direction}>
          {change.text}
        </span>
      </Flex>
    </Card>
  );
}

function TrendChart({ view, print }: { view: DashboardView | undefined; print: boolean }) {
  const t = useT();
  const hourly = view?.granularity === 'hour';
  const option = useMemo(() => {
    const points = view?.trend ?? [];
    return {
      animation: !print,
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? t('dashboards.noData') : v.toLocaleString('en-US')) },
      legend: { top: 0 },
      grid: { left: 64, right: 64, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: points.map((p) => (hourly ? `${p.bucket.slice(11)}:00` : p.bucket.slice(5))) },
      yAxis: [
        { type: 'value', name: t('dashboards.series.gmv'), axisLabel: { formatter: (v: number) => v.toLocaleString('en-US') } },
        { type: 'value', name: hourly ? t('dashboards.series.peak') : t('dashboards.series.viewers'), splitLine: { show: false } },
      ],
      series: [
        { name: t('dashboards.series.gmv'), type: 'bar', data: points.map((p) => (p.gmv_fen === null ? null : p.gmv_fen / 100)), itemStyle: { color: '#1677ff' } },
        { name: hourly ? t('dashboards.series.peak') : t('dashboards.series.viewers'), type: 'line', yAxisIndex: 1, connectNulls: false, data: points.map((p) => p.viewers), itemStyle: { color: '#fa8c16' } },
      ],
    };
  }, [view, hourly, print, t]);
  if (view && view.trend.every((p) => p.sessions === 0)) return <Empty description={t('dashboards.empty')} data-testid="dashboard-trend-empty" />;
  return (
    <div data-testid="dashboard-trend" data-points={view?.trend.length ?? 0}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300 }} />
    </div>
  );
}

function Rankings({ view, print }: { view: DashboardView | undefined; print: boolean }) {
  const t = useT();
  const money = (v: number | null) => formatKpi(t, v, 'fen');
  const count = (v: number | null) => formatKpi(t, v, 'count');
  const gpm = (v: number | null, basis: string | null) => (
    <span>
      {money(v)}
      {v !== null && basis && <Typography.Text type="secondary" style={{ fontSize: 11, marginLeft: 4 }}>{t(`dashboards.basis.${basis}` as MessageKey)}</Typography.Text>}
    </span>
  );
  const sorter = (k: 'gmv_fen' | 'gpm_fen' | 'viewers' | 'orders' | 'sessions') => (a: RankRow, b: RankRow) => (a[k] ?? -Infinity) - (b[k] ?? -Infinity);
  const groupColumns: TableColumnsType<RankRow> = [
    { title: '#', key: 'rank', width: 48, render: (_v, _r, i) => i + 1 },
    { title: t('dashboards.col.name'), dataIndex: 'name' },
    { title: t('dashboards.kpi.sessions'), dataIndex: 'sessions', align: 'right', sorter: sorter('sessions') },
    { title: t('dashboards.kpi.gmv_fen'), dataIndex: 'gmv_fen', align: 'right', render: money, sorter: sorter('gmv_fen'), defaultSortOrder: 'descend' },
    { title: t('dashboards.kpi.orders'), dataIndex: 'orders', align: 'right', render: count, sorter: sorter('orders') },
    { title: t('dashboards.kpi.viewers'), dataIndex: 'viewers', align: 'right', render: count, sorter: sorter('viewers') },
    { title: t('dashboards.kpi.gpm_fen'), dataIndex: 'gpm_fen', align: 'right', render: (v, r) => gpm(v, r.gpm_basis), sorter: sorter('gpm_fen') },
  ];
  const sessionColumns: TableColumnsType<SessionRankRow> = [
    { title: '#', key: 'rank', width: 48, render: (_v, _r, i) => i + 1 },
    { title: t('dashboards.col.session'), dataIndex: 'title', render: (v: string, r) => <Link to={`/sessions/${r.id}/review`} data-testid={`ranking-session-${r.id}`}>{v}</Link> },
    { title: t('dashboards.col.room'), dataIndex: 'roomName' },
    { title: t('dashboards.col.day'), dataIndex: 'day' },
    { title: t('dashboards.kpi.gmv_fen'), dataIndex: 'gmv_fen', align: 'right', render: money },
    { title: t('dashboards.kpi.viewers'), dataIndex: 'viewers', align: 'right', render: count },
    { title: t('dashboards.kpi.gpm_fen'), dataIndex: 'gpm_fen', align: 'right', render: (v, r) => gpm(v, r.gpm_basis) },
  ];
  const r = view?.rankings;
  const group = (key: string, rows: RankRow[] | undefined) => (
    <Table<RankRow> size="small" rowKey="id" columns={groupColumns} dataSource={rows ?? []} pagination={false} data-testid={`ranking-${key}`} locale={{ emptyText: t('dashboards.empty') }} />
  );
  const sessions = (key: string, rows: SessionRankRow[] | undefined) => (
    <Table<SessionRankRow> size="small" rowKey="id" columns={sessionColumns} dataSource={rows ?? []} pagination={false} data-testid={`ranking-${key}`} locale={{ emptyText: t('dashboards.empty') }} />
  );
  const items = [
    ...(view?.scope === 'company' ? [{ key: 'teams', label: t('dashboards.rank.teams'), children: group('teams', r?.teams) }] : []),
    { key: 'rooms', label: t('dashboards.rank.rooms'), children: group('rooms', r?.rooms) },
    { key: 'hosts', label: t('dashboards.rank.hosts'), children: group('hosts', r?.hosts) },
    { key: 'sessionsGmv', label: t('dashboards.rank.sessionsGmv'), children: sessions('sessions-gmv', r?.sessionsByGmv) },
    { key: 'sessionsGpm', label: t('dashboards.rank.sessionsGpm'), children: sessions('sessions-gpm', r?.sessionsByGpm) },
  ];
  if (print) {
    // On paper every table is shown, one after the other.
    return (
      <Flex vertical gap={16}>
        {items.map((i) => (
          <div key={i.key}>
            <Typography.Title level={5}>{i.label}</Typography.Title>
            {i.children}
          </div>
        ))}
      </Flex>
    );
  }
  return <Tabs items={items} data-testid="dashboard-rankings" />;
}
