import { useState } from 'react';
import { App, Button, Card, Col, Empty, Flex, Form, List, Modal, Row, Select, Space, Statistic, Switch, Table, Tag, TimePicker, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined, ScheduleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import type { Kpi, RankRow, SessionRankRow, WeeklyReportView, WeeklySchedule } from '../../../contracts/dashboards';
import { useCan } from '../../app/session';
import { timeZoneOptions } from '../../app/time-zones';
import { LoadError, PageHeader, useFormat, useShowError } from '../../app/ui';
import { useT, type MessageKey } from '../../i18n';
import { formatChange, formatKpi } from './format';
import { PrintFrame, PrintStyles } from './PrintFrame';
import { useGenerateReport, useSaveSchedule, useWeeklyReport, useWeeklyReports, useWeeklySchedule } from './queries';

export default function WeeklyReportsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const reports = useWeeklyReports();
  const schedule = useWeeklySchedule();
  const generate = useGenerateReport();
  const [editing, setEditing] = useState(false);
  const selectedId = params.get('id') ?? reports.data?.[0]?.id;
  const report = useWeeklyReport(selectedId);
  const print = params.get('print') === '1';
  const setParam = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };

  const s = schedule.data;
  const scheduleText = s ? (s.enabled ? t('reports.schedule.summary', { weekday: t(`reports.weekday.${s.weekday}` as MessageKey), time: s.time, tz: s.timeZone }) : t('reports.schedule.off')) : '';

  return (
    <PrintFrame print={print} onBack={() => setParam('print', undefined)}>
      <PrintStyles />
      <div data-testid="weekly-reports-page">
        {!print && (
          <PageHeader
            title={t('reports.title')}
            subtitle={t('reports.subtitle')}
            extra={
              <Space wrap className="sr-no-print">
                <Typography.Text type="secondary" data-testid="report-schedule-text">
                  {scheduleText}
                </Typography.Text>
                {can('report:manage') && (
                  <Button icon={<ScheduleOutlined />} onClick={() => setEditing(true)} data-testid="report-schedule-edit">
                    {t('reports.schedule')}
                  </Button>
                )}
                {can('report:manage') && (
                  <Button
                    type="primary"
                    icon={<ThunderboltOutlined />}
                    loading={generate.isPending}
                    data-testid="report-generate"
                    onClick={() =>
                      generate.mutate(
                        {},
                        {
                          onSuccess: (r) => {
                            void message.success(t('reports.generated'));
                            setParam('id', r.id);
                          },
                          onError: (e) => showError(e),
                        },
                      )
                    }
                  >
                    {t('reports.generate')}
                  </Button>
                )}
              </Space>
            }
          />
        )}
        {reports.error ? (
          <LoadError error={reports.error} onRetry={() => void reports.refetch()} />
        ) : reports.data && reports.data.length === 0 ? (
          <Empty description={t('reports.empty')} data-testid="reports-empty" />
        ) : (
          <Row gutter={[16, 16]}>
            {!print && (
              <Col xs={24} lg={6} className="sr-no-print">
                <Card size="small" title={t('reports.list')}>
                  <List
                    size="small"
                    loading={reports.isLoading}
                    dataSource={reports.data ?? []}
                    data-testid="reports-list"
                    renderItem={(r) => (
                      <List.Item
                        onClick={() => setParam('id', r.id)}
                        style={{ cursor: 'pointer', background: r.id === selectedId ? '#e6f4ff' : undefined, paddingInline: 8 }}
                        data-testid={`report-item-${r.weekStart}`}
                      >
                        <Flex vertical style={{ width: '100%' }}>
                          <Flex justify="space-between">
                            <Typography.Text strong>{t('reports.week', { from: r.weekStart.slice(5), to: r.weekEnd.slice(5) })}</Typography.Text>
                            <Tag style={{ marginInlineEnd: 0 }}>{t(`reports.trigger.${r.trigger}`)}</Tag>
                          </Flex>
                          <Typography.Text type="secondary">{formatKpi(t, r.gmvFen, 'fen')}</Typography.Text>
                        </Flex>
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
            )}
            <Col xs={24} lg={print ? 24 : 18}>
              {report.error ? <LoadError error={report.error} /> : report.data ? <ReportView report={report.data} print={print} onPrint={() => setParam('print', '1')} /> : null}
            </Col>
          </Row>
        )}
        {s && editing && <ScheduleModal value={s} onClose={() => setEditing(false)} />}
      </div>
    </PrintFrame>
  );
}

function ReportView({ report, print, onPrint }: { report: WeeklyReportView; print: boolean; onPrint: () => void }) {
  const t = useT();
  const { dateTime } = useFormat();
  const b = report.body;
  const kpiColumns: TableColumnsType<Kpi> = [
    {
      title: t('reports.col.metric'),
      dataIndex: 'key',
      render: (k: Kpi['key'], r) => (
        <span>
          {t(`dashboards.kpi.${k}` as MessageKey)}
          {r.basis && r.value !== null && <Typography.Text type="secondary" style={{ fontSize: 11, marginLeft: 6 }}>{t(`dashboards.basis.${r.basis}` as MessageKey)}</Typography.Text>}
        </span>
      ),
    },
    { title: t('reports.col.thisWeek'), dataIndex: 'value', align: 'right', render: (v: number | null, r) => formatKpi(t, v, r.unit) },
    { title: t('reports.col.lastWeek'), dataIndex: 'previous', align: 'right', render: (v: number | null, r) => formatKpi(t, v, r.unit) },
    {
      title: t('reports.col.change'),
      dataIndex: 'change',
      align: 'right',
      render: (v: number | null) => {
        const c = formatChange(v);
        return <span style={{ color: c.direction === 'up' ? '#389e0d' : c.direction === 'down' ? '#cf1322' : '#8c8c8c' }}>{c.text}</span>;
      },
    },
  ];
  const sessionColumns: TableColumnsType<SessionRankRow> = [
    { title: t('dashboards.col.session'), dataIndex: 'title', render: (v: string, r) => <Link to={`/sessions/${r.id}/review`}>{v}</Link> },
    { title: t('dashboards.col.room'), dataIndex: 'roomName' },
    { title: t('dashboards.col.day'), dataIndex: 'day' },
    { title: t('dashboards.kpi.gmv_fen'), dataIndex: 'gmv_fen', align: 'right', render: (v: number | null) => formatKpi(t, v, 'fen') },
    { title: t('dashboards.kpi.gpm_fen'), dataIndex: 'gpm_fen', align: 'right', render: (v: number | null) => formatKpi(t, v, 'fen') },
  ];
  const teamColumns: TableColumnsType<RankRow & { previousGmvFen: number | null }> = [
    { title: t('dashboards.col.name'), dataIndex: 'name' },
    { title: t('dashboards.kpi.sessions'), dataIndex: 'sessions', align: 'right' },
    { title: t('reports.col.thisWeek'), dataIndex: 'gmv_fen', align: 'right', render: (v: number | null) => formatKpi(t, v, 'fen') },
    { title: t('reports.col.lastWeek'), dataIndex: 'previousGmvFen', align: 'right', render: (v: number | null) => formatKpi(t, v, 'fen') },
    { title: t('dashboards.kpi.viewers'), dataIndex: 'viewers', align: 'right', render: (v: number | null) => formatKpi(t, v, 'count') },
  ];
  return (
    <Flex vertical gap={16} data-testid="report-view" data-week={report.weekStart}>
      <Flex justify="space-between" align="baseline" wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-title">
            {t('reports.title')} · {t('reports.week', { from: report.weekStart, to: report.weekEnd })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('reports.generatedAt', { at: dateTime(report.createdAt) })} · {report.timeZone}
          </Typography.Text>
        </div>
        {!print && (
          <Button icon={<PrinterOutlined />} onClick={onPrint} className="sr-no-print" data-testid="report-print">
            {t('reports.print')}
          </Button>
        )}
      </Flex>
      <Card size="small" title={t('reports.kpis')}>
        <Table<Kpi> size="small" rowKey="key" columns={kpiColumns} dataSource={b.kpis} pagination={false} data-testid="report-kpis" />
      </Card>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card size="small" title={t('reports.best')}>
            <Table<SessionRankRow> size="small" rowKey="id" columns={sessionColumns} dataSource={b.best} pagination={false} locale={{ emptyText: t('dashboards.empty') }} data-testid="report-best" />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('reports.worst')}>
            <Table<SessionRankRow> size="small" rowKey="id" columns={sessionColumns} dataSource={b.worst} pagination={false} locale={{ emptyText: t('dashboards.empty') }} data-testid="report-worst" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('reports.teams')}>
        <Table size="small" rowKey="id" columns={teamColumns} dataSource={b.teams} pagination={false} locale={{ emptyText: t('dashboards.empty') }} data-testid="report-teams" />
      </Card>
      <Card size="small" title={t('reports.counts')}>
        <Row gutter={16}>
          <Col span={6}>
            <Statistic title={t('reports.alerts')} value={b.counts.alerts} data-testid="report-alerts" />
          </Col>
          <Col span={6}>
            <Statistic title={t('reports.incidents')} value={b.counts.incidents} data-testid="report-incidents" />
          </Col>
          <Col span={6}>
            <Statistic title={t('reports.blocks')} value={b.counts.complianceBlocks} data-testid="report-blocks" />
          </Col>
          {b.suggestions && (
            <Col span={6}>
              <Statistic title={t('reports.suggestions')} value={`${b.suggestions.accepted} / ${b.suggestions.open}`} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${t('reports.accepted')} / ${t('reports.open')}`}</Typography.Text>} />
            </Col>
          )}
        </Row>
      </Card>
    </Flex>
  );
}

function ScheduleModal({ value, onClose }: { value: WeeklySchedule; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const save = useSaveSchedule();
  const showError = useShowError();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('reports.schedule')}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending, ...({ 'data-testid': 'report-schedule-save' } as object) }}
      onOk={() =>
        void form.validateFields().then((v: { enabled: boolean; weekday: number; time: dayjs.Dayjs; timeZone: string }) =>
          save.mutate(
            { enabled: v.enabled, weekday: v.weekday, time: v.time.format('HH:mm'), timeZone: v.timeZone },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: (e) => showError(e, form),
            },
          ),
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={{ ...value, time: dayjs(`2000-01-01T${value.time}`) }} data-testid="report-schedule-form">
        <Form.Item name="enabled" label={t('reports.schedule.enabled')} valuePropName="checked">
          <Switch data-testid="report-schedule-enabled" />
        </Form.Item>
        <Form.Item name="weekday" label={t('reports.schedule.weekday')} rules={[{ required: true }]}>
          <Select options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`reports.weekday.${d}` as MessageKey) }))} data-testid="report-schedule-weekday" />
        </Form.Item>
        <Form.Item name="time" label={t('reports.schedule.time')} rules={[{ required: true }]}>
          <TimePicker format="HH:mm" minuteStep={5} allowClear={false} data-testid="report-schedule-time" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('reports.schedule.timeZone')} rules={[{ required: true }]}>
          <Select showSearch options={timeZoneOptions(value.timeZone)} data-testid="report-schedule-tz" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
