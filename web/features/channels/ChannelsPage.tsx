import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { DeliveryStatus, type ChannelView, type DeliveryView, type RouteView } from '../../../contracts/channels';
import { EmptyState, LoadError, PageHeader, tid, useFormat, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { ChannelFormModal } from './ChannelFormModal';
import { KindTag, SeverityTag, StatusTag } from './labels';
import { useChannels, useDeleteChannel, useDeleteRoute, useDeliveries, useRoutes, useTestChannel, useUpdateChannel, type DeliveryFilter } from './queries';
import { RouteFormModal } from './RouteFormModal';

function ChannelsTable({ onEdit }: { onEdit: (c: ChannelView) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const channels = useChannels();
  const update = useUpdateChannel();
  const remove = useDeleteChannel();
  const test = useTestChannel();

  const sendTest = (c: ChannelView) =>
    test.mutate(c.id, {
      onSuccess: (r) => {
        if (r.ok) void message.success(t('channels.testOk', { status: r.responseStatus ?? '-' }));
        else void message.error(t('channels.testFailed', { error: r.error ?? '-' }), 8);
      },
      onError: (e) => showError(e),
    });

  const columns: TableColumnsType<ChannelView> = [
    {
      title: t('channels.field.name'),
      key: 'name',
      render: (_: unknown, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: c.urlMasked }}>
            {c.urlMasked}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('channels.field.kind'), dataIndex: 'kind', width: 170, render: (k: ChannelView['kind']) => <KindTag kind={k} /> },
    {
      title: t('channels.field.secret'),
      dataIndex: 'hasSecret',
      width: 110,
      render: (has: boolean) => (has ? <Tag icon={<LockOutlined />} color="cyan">{t('channels.hasSecret')}</Tag> : <Tag icon={<UnlockOutlined />}>{t('channels.noSecret')}</Tag>),
    },
    { title: t('channels.field.locale'), dataIndex: 'locale', width: 100, render: (l: string) => (l === 'zh-CN' ? '简体中文' : 'English') },
    { title: t('channels.routeCount'), dataIndex: 'routeCount', width: 80, align: 'right' },
    {
      title: t('channels.field.enabled'),
      dataIndex: 'enabled',
      width: 80,
      render: (enabled: boolean, c) => (
        <Switch
          size="small"
          checked={enabled}
          loading={update.isPending && update.variables?.id === c.id}
          aria-label={t('channels.field.enabled')}
          onChange={(next) => update.mutate({ id: c.id, input: { enabled: next } }, { onError: (e) => showError(e) })}
          data-testid={`channel-enabled-${c.name}`}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, c) => (
        <Space size={4}>
          <Button size="small" icon={<SendOutlined />} loading={test.isPending && test.variables === c.id} onClick={() => sendTest(c)} data-testid={`channel-test-${c.name}`}>
            {t('channels.test')}
          </Button>
          <Tooltip title={t('action.edit')}>
            <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('action.edit')} onClick={() => onEdit(c)} data-testid={`channel-edit-${c.name}`} />
          </Tooltip>
          <Popconfirm
            title={t('channels.deleteConfirm', { name: c.name })}
            description={t('channels.deleteHint')}
            okText={t('action.delete')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true, ...tid('confirm-ok') }}
            onConfirm={() => remove.mutateAsync(c.id).then(() => void message.success(t('common.deleted')), (e) => showError(e))}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`channel-delete-${c.name}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  if (channels.isError) return <LoadError error={channels.error} onRetry={() => void channels.refetch()} />;
  return (
    <Table<ChannelView>
      rowKey="id"
      loading={channels.isPending}
      dataSource={channels.data ?? []}
      columns={columns}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="channels-table"
      locale={{ emptyText: <EmptyState text={t('channels.empty')} /> }}
    />
  );
}

function RoutesTable({ channels, onCreate, onEdit }: { channels: ChannelView[]; onCreate: () => void; onEdit: (r: RouteView) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const routes = useRoutes();
  const remove = useDeleteRoute();
  const any = <Typography.Text type="secondary">{t('channels.route.any')}</Typography.Text>;
  const kindOf = new Map(channels.map((c) => [c.id, c.kind]));

  const columns: TableColumnsType<RouteView> = [
    {
      title: t('channels.route.channel'),
      key: 'channel',
      render: (_: unknown, r) => (
        <Space>
          {kindOf.get(r.channelId) ? <KindTag kind={kindOf.get(r.channelId)!} /> : null}
          <Typography.Text strong>{r.channelName}</Typography.Text>
        </Space>
      ),
    },
    { title: t('channels.route.kind'), dataIndex: 'kind', width: 120, render: (k: RouteView['kind']) => (k ? <Tag>{t(`channels.outboxKind.${k}`)}</Tag> : any) },
    { title: t('channels.route.minSeverity'), dataIndex: 'minSeverity', width: 120, render: (s: RouteView['minSeverity']) => (s ? <SeverityTag severity={s} /> : any) },
    { title: t('channels.route.team'), dataIndex: 'teamName', width: 140, render: (n: string | null) => n ?? any },
    { title: t('channels.route.room'), dataIndex: 'roomName', width: 180, render: (n: string | null) => n ?? any },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('action.edit')} onClick={() => onEdit(r)} data-testid="route-edit" />
          <Popconfirm
            title={t('channels.route.deleteConfirm')}
            okText={t('action.delete')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true, ...tid('confirm-ok') }}
            onConfirm={() => remove.mutateAsync(r.id).then(() => void message.success(t('common.deleted')), (e) => showError(e))}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid="route-delete" />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  if (routes.isError) return <LoadError error={routes.error} onRetry={() => void routes.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">{t('channels.route.help')}</Typography.Text>
        <Button icon={<PlusOutlined />} onClick={onCreate} disabled={channels.length === 0} data-testid="route-create">
          {t('channels.route.create')}
        </Button>
      </Flex>
      <Table<RouteView>
        rowKey="id"
        loading={routes.isPending}
        dataSource={routes.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 800 }}
        data-testid="routes-table"
        locale={{ emptyText: <EmptyState text={t('channels.route.empty')} /> }}
      />
    </Flex>
  );
}

function DeliveryLog({ channels }: { channels: ChannelView[] }) {
  const t = useT();
  const format = useFormat();
  const [filter, setFilter] = useState<DeliveryFilter>({ limit: 20 });
  const [history, setHistory] = useState<number[]>([]);
  const deliveries = useDeliveries(filter);

  const columns: TableColumnsType<DeliveryView> = [
    { title: t('channels.delivery.time'), dataIndex: 'createdAt', width: 170, render: (at: string) => format.dateTime(at) },
    {
      title: t('channels.delivery.message'),
      key: 'message',
      width: 340,
      render: (_: unknown, d) => (
        <Space size={4} wrap>
          <SeverityTag severity={d.severity} />
          {d.outboxId === null ? <Tag>{t('channels.delivery.test')}</Tag> : null}
          <Typography.Text>{d.title}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('channels.delivery.channel'),
      key: 'channel',
      width: 240,
      render: (_: unknown, d) => (
        <Space size={4}>
          {d.channelKind ? <KindTag kind={d.channelKind} /> : null}
          <Typography.Text>{d.channelName ?? t('channels.delivery.deletedChannel')}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('channels.delivery.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, d) => (
        <Flex vertical gap={2}>
          <span>
            <StatusTag status={d.status} />
          </span>
          {d.status === 'pending' && d.nextAttemptAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('channels.delivery.nextAttempt', { time: format.dateTime(d.nextAttemptAt) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('channels.delivery.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
    {
      title: t('channels.delivery.lastError'),
      key: 'error',
      width: 280,
      render: (_: unknown, d) =>
        d.lastError ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }} ellipsis={{ tooltip: d.lastError }}>
            {d.responseStatus ? `[${d.responseStatus}] ` : ''}
            {d.lastError}
          </Typography.Text>
        ) : d.responseStatus ? (
          <Typography.Text type="secondary">HTTP {d.responseStatus}</Typography.Text>
        ) : null,
    },
  ];

  const page = deliveries.data;
  const setFilterFresh = (next: Partial<DeliveryFilter>) => {
    setHistory([]);
    setFilter((f) => ({ ...f, ...next, before: undefined }));
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select
          style={{ minWidth: 200 }}
          value={filter.channelId ?? ''}
          onChange={(v) => setFilterFresh({ channelId: v || undefined })}
          options={[{ value: '', label: t('channels.delivery.allChannels') }, ...channels.map((c) => ({ value: c.id, label: c.name }))]}
          data-testid="delivery-channel-filter"
        />
        <Select
          style={{ minWidth: 160 }}
          value={filter.status ?? ''}
          onChange={(v) => setFilterFresh({ status: (v || undefined) as DeliveryFilter['status'] })}
          options={[{ value: '', label: t('channels.delivery.allStatuses') }, ...DeliveryStatus.options.map((s) => ({ value: s, label: t(`channels.status.${s}`) }))]}
          data-testid="delivery-status-filter"
        />
      </Flex>
      {deliveries.isError ? (
        <LoadError error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <Table<DeliveryView>
          rowKey="id"
          size="small"
          loading={deliveries.isPending}
          dataSource={page?.items ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 1300 }}
          data-testid="deliveries-table"
          locale={{ emptyText: <EmptyState text={t('channels.delivery.empty')} /> }}
          expandable={{
            rowExpandable: (d) => d.attemptLog.length > 0,
            expandedRowRender: (d) => (
              <Flex vertical gap={4}>
                {d.attemptLog.map((a) => (
                  <Space key={a.attempt} size={8} wrap>
                    <Tag color={a.ok ? 'success' : 'error'}>{t('channels.delivery.attemptLine', { n: a.attempt, time: format.dateTime(a.startedAt) })}</Tag>
                    {a.responseStatus ? <Typography.Text code>HTTP {a.responseStatus}</Typography.Text> : null}
                    {a.error ? <Typography.Text type="danger">{a.error}</Typography.Text> : null}
                  </Space>
                ))}
              </Flex>
            ),
          }}
        />
      )}
      <Flex gap={8} justify="flex-end">
        <Button
          disabled={history.length === 0}
          onClick={() => {
            setHistory([]);
            setFilter((f) => ({ ...f, before: undefined }));
          }}
          data-testid="delivery-newest"
        >
          {t('channels.delivery.newest')}
        </Button>
        <Button
          disabled={!page?.nextBefore}
          onClick={() => {
            setHistory((h) => [...h, filter.before ?? 0]);
            setFilter((f) => ({ ...f, before: page!.nextBefore! }));
          }}
          data-testid="delivery-older"
        >
          {t('channels.delivery.older')}
        </Button>
      </Flex>
    </Flex>
  );
}

export default function ChannelsPage() {
  const t = useT();
  const channels = useChannels();
  const [editing, setEditing] = useState<ChannelView | null | 'new'>(null);
  const [editingRoute, setEditingRoute] = useState<RouteView | null | 'new'>(null);
  const list = channels.data ?? [];

  return (
    <>
      <PageHeader
        title={t('channels.title')}
        subtitle={t('channels.subtitle')}
        testId="channels-page"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="channel-create">
            {t('channels.create')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('channels.tab.channels')}>
          <ChannelsTable onEdit={(c) => setEditing(c)} />
        </Card>
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            items={[
              { key: 'routes', label: <span data-testid="tab-routes">{t('channels.tab.routes')}</span>, children: <RoutesTable channels={list} onCreate={() => setEditingRoute('new')} onEdit={(r) => setEditingRoute(r)} /> },
              { key: 'deliveries', label: <span data-testid="tab-deliveries">{t('channels.tab.deliveries')}</span>, children: <DeliveryLog channels={list} /> },
            ]}
          />
        </Card>
      </Flex>
      <ChannelFormModal open={editing !== null} channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <RouteFormModal open={editingRoute !== null} route={editingRoute === 'new' ? null : editingRoute} channels={list} onClose={() => setEditingRoute(null)} />
    </>
  );
}
