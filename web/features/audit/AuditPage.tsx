import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { AuditAction, type AuditEntryView } from '../../../contracts/audit';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, tid, useFormat } from '../../app/ui';
import { useT, type MessageKey } from '../../i18n';
import { useUsers } from '../accounts/queries';
import { useAuditLog, type AuditFilters } from './queries';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ENTITY_TYPES = ['user', 'team', 'room', 'position', 'duty', 'matrix', 'person', 'invite', 'api-token', 'session'] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

const ACTION_COLORS: Partial<Record<AuditAction, string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  reveal: 'magenta',
  login: 'cyan',
  logout: 'default',
  'login-failed': 'volcano',
  invite: 'geekblue',
  'accept-invite': 'geekblue',
  'reset-password': 'orange',
  deactivate: 'red',
  revoke: 'red',
  setup: 'gold',
  override: 'purple',
};

function entityLabel(t: (key: MessageKey) => string, type: string): string {
  return (ENTITY_TYPES as readonly string[]).includes(type) ? t(`entity.${type as EntityType}`) : type;
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

/** Keys whose values differ between before and after; a create or delete lists every key it has. */
function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key])).sort();
}

function AuditDiff({ entry }: { entry: AuditEntryView }) {
  const t = useT();
  const keys = changedKeys(entry.before, entry.after);
  if (keys.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noChanges')} />;
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      bordered
      data-testid={`audit-diff-${entry.id}`}
      dataSource={keys.map((key) => ({ key, before: entry.before?.[key], after: entry.after?.[key] }))}
      columns={[
        { title: t('audit.field'), dataIndex: 'key', width: 200, render: (key: string) => <span className="sr-diff-key">{key}</span> },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown) => (
            <Typography.Text type="danger" className="sr-diff-value">
              {entry.before ? show(v) : '—'}
            </Typography.Text>
          ),
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown) => (
            <Typography.Text type="success" className="sr-diff-value">
              {entry.after ? show(v) : '—'}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

export default function AuditPage() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const canListUsers = can('user:manage');
  const users = useUsers(canListUsers);
  const [actorUserId, setActorUserId] = useState<string | undefined>();
  const [actorInput, setActorInput] = useState('');
  const [entityType, setEntityType] = useState<EntityType | undefined>();
  const [action, setAction] = useState<AuditAction | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);

  // Dates are whole days in the user's own time zone, sent as UTC instants.
  const from = range?.[0] ? dayjs.tz(range[0].format('YYYY-MM-DD'), format.timeZone).startOf('day').toISOString() : undefined;
  const to = range?.[1] ? dayjs.tz(range[1].format('YYYY-MM-DD'), format.timeZone).endOf('day').toISOString() : undefined;
  const filters: AuditFilters = {
    actorUserId: canListUsers ? actorUserId : actorInput.trim() || undefined,
    entityType,
    action,
    from,
    to,
  };
  const audit = useAuditLog(filters);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<AuditEntryView> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 180,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{format.dateTime(at)}</span>,
    },
    { title: t('audit.actor'), dataIndex: 'actorLabel', width: 180, ellipsis: true },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 130,
      render: (a: AuditAction) => <Tag color={ACTION_COLORS[a]}>{t(`auditAction.${a}`)}</Tag>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 200,
      render: (_, entry) => (
        <Flex vertical>
          <span>{entityLabel(t, entry.entityType)}</span>
          {entry.entityId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {entry.entityId}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('audit.summary'), dataIndex: 'summary' },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle', { timeZone: format.timeZone })} />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={8} wrap style={{ padding: 12 }} data-testid="audit-filters">
          {canListUsers ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('audit.actor')}
              value={actorUserId}
              onChange={setActorUserId}
              options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} <${u.email}>` }))}
              style={{ width: 240 }}
              data-testid="audit-filter-actor"
            />
          ) : (
            <Input allowClear placeholder={t('audit.actorId')} value={actorInput} onChange={(e) => setActorInput(e.target.value)} style={{ width: 220 }} data-testid="audit-filter-actor" />
          )}
          <Select
            allowClear
            placeholder={t('audit.entityType')}
            value={entityType}
            onChange={setEntityType}
            options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`entity.${type}`) }))}
            style={{ width: 160 }}
            data-testid="audit-filter-entity"
          />
          <Select
            allowClear
            placeholder={t('audit.action')}
            value={action}
            onChange={setAction}
            options={AuditAction.options.map((a) => ({ value: a, label: t(`auditAction.${a}`) }))}
            style={{ width: 160 }}
            data-testid="audit-filter-action"
          />
          <DatePicker.RangePicker value={range} onChange={(value) => setRange(value)} allowEmpty={[true, true]} data-testid="audit-filter-dates" />
        </Flex>
        {audit.isError ? (
          <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <>
            <Table<AuditEntryView>
              rowKey="id"
              data-testid="audit-table"
              loading={audit.isPending || (audit.isFetching && !audit.isFetchingNextPage)}
              dataSource={entries}
              columns={columns}
              scroll={{ x: 900 }}
              pagination={false}
              onRow={(entry) => tid(`audit-row-${entry.id}`)}
              expandable={{
                expandedRowRender: (entry) => <AuditDiff entry={entry} />,
                rowExpandable: (entry) => entry.before !== null || entry.after !== null,
              }}
              locale={{ emptyText: <EmptyState text={t('audit.empty')} /> }}
            />
            <Flex justify="center" align="center" gap={12} style={{ padding: 16 }}>
              <Typography.Text type="secondary" data-testid="audit-count">
                {t('audit.shown', { count: entries.length })}
              </Typography.Text>
              {audit.hasNextPage ? (
                <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage} data-testid="audit-load-more">
                  {t('audit.loadMore')}
                </Button>
              ) : entries.length > 0 ? (
                <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
              ) : null}
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
