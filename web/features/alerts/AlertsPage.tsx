import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { Dayjs } from 'dayjs';
import { AlertKind, AlertSeverity, AlertStatus, type AlertView } from '../../../contracts/alerts';
import { PageHeader, useFormat } from '../../app/ui';
import { useT } from '../../i18n';
import { useRooms } from '../team/queries';
import { AlertActions } from './AlertActions';
import { AlertDetailDrawer } from './AlertDetailDrawer';
import { AlertRulesModal } from './AlertRulesModal';
import { AlertStatusTag, kindLabel, SeverityTag, useAlertTitle } from './labels';
import { useAlert, useAlerts, type AlertFilter } from './queries';

type StatusChoice = 'active' | AlertStatus | 'all';

/** /alerts: every alert of the user's teams, grouped per session and rule, with acknowledge, resolve and details. */
export default function AlertsPage() {
  const t = useT();
  const { dateTime } = useFormat();
  const titleOf = useAlertTitle();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<StatusChoice>('active');
  const [kind, setKind] = useState<AlertKind | undefined>();
  const [severity, setSeverity] = useState<AlertSeverity | undefined>();
  const [roomId, setRoomId] = useState<string | undefined>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const rooms = useRooms();
  const filter: AlertFilter = {
    ...(status === 'active' ? { active: 'true' as const } : status === 'all' ? {} : { status }),
    kind,
    severity,
    roomId,
    from: period?.[0]?.toISOString(),
    to: period?.[1]?.toISOString(),
  };
  const list = useAlerts(filter);
  const openId = params.get('alert');
  const fromList = list.data?.items.find((a) => a.id === openId);
  const single = useAlert(openId && !fromList ? openId : null);
  const open = fromList ?? single.data ?? null;
  const setOpen = (id: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) next.set('alert', id);
      else next.delete('alert');
      return next;
    });

  return (
    <div data-testid="alerts-page">
      <PageHeader
        title={t('alerts.title')}
        subtitle={t('alerts.subtitle')}
        extra={
          <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)} data-testid="alert-rules-open">
            {t('alerts.rules')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Select<StatusChoice>
            style={{ width: 190 }}
            value={status}
            onChange={setStatus}
            aria-label={t('alerts.filter.status')}
            data-testid="alerts-filter-status"
            options={[
              { value: 'active', label: t('alerts.filter.active') },
              ...AlertStatus.options.map((s) => ({ value: s, label: t(`alerts.status.${s}`) })),
              { value: 'all', label: t('alerts.filter.all') },
            ]}
          />
          <Select allowClear style={{ width: 160 }} placeholder={t('alerts.filter.kind')} value={kind} onChange={setKind} options={AlertKind.options.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
          <Select allowClear style={{ width: 130 }} placeholder={t('alerts.filter.severity')} value={severity} onChange={setSeverity} options={AlertSeverity.options.map((s) => ({ value: s, label: t(`alerts.severity.${s}`) }))} />
          <Select allowClear style={{ width: 200 }} placeholder={t('alerts.filter.room')} value={roomId} onChange={setRoomId} options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.displayName }))} />
          <DatePicker.RangePicker showTime value={period} onChange={(v) => setPeriod(v)} placeholder={[t('alerts.filter.period'), t('alerts.filter.period')]} />
          {list.data ? (
            <Typography.Text type="secondary" data-testid="alerts-open-counts">
              {t('alerts.openCounts', { critical: list.data.open.critical, warn: list.data.open.warn })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
      <Card size="small">
        <Table<AlertView>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('alerts.empty') }}
          onRow={(a) => ({ onClick: () => setOpen(a.id), style: { cursor: 'pointer' }, 'data-testid': 'alert-row', 'data-alert-id': a.id, 'data-status': a.status }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('alerts.col.alert'),
              key: 'alert',
              render: (_, a) => (
                <Flex vertical gap={4}>
                  <Flex gap={6} align="center" wrap>
                    <SeverityTag severity={a.severity} />
                    <Tag style={{ marginInlineEnd: 0 }}>{kindLabel(t, a.kind)}</Tag>
                  </Flex>
                  <Typography.Text strong={a.status === 'open'} data-testid="alert-title">
                    {titleOf(a)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('alerts.col.where'),
              key: 'where',
              width: 200,
              render: (_, a) => (
                <Flex vertical>
                  <span>{a.roomName ?? '—'}</span>
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 190 }}>
                    {a.sessionTitle ?? ''}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('alerts.col.count'), dataIndex: 'count', width: 80, align: 'right', render: (c: number) => <span data-testid="alert-count">{c}</span> },
            { title: t('alerts.col.first'), dataIndex: 'firstAt', width: 170, render: (v: string) => dateTime(v) },
            { title: t('alerts.col.last'), dataIndex: 'lastAt', width: 170, render: (v: string) => dateTime(v) },
            { title: t('alerts.col.status'), dataIndex: 'status', width: 100, render: (s: AlertStatus) => <AlertStatusTag status={s} /> },
            { title: t('alerts.col.actions'), key: 'actions', width: 210, render: (_, a) => <AlertActions alert={a} size="small" /> },
          ]}
        />
      </Card>
      <AlertDetailDrawer alert={openId ? open : null} onClose={() => setOpen(null)} />
      <AlertRulesModal open={rulesOpen} onClose={() => setRulesOpen(false)} initialRoomId={roomId} />
    </div>
  );
}
