import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CalendarOutlined, PlusOutlined, RetweetOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { SessionStatus, SessionView } from '../../../contracts/planning';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, tid } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { useRooms } from '../team/queries';
import { StatusTag, useDuration, useStatusOptions } from './labels';
import { useSessions } from './queries';
import { RecurringModal } from './RecurringModal';
import { SessionFormModal } from './SessionFormModal';
import { DEFAULT_TIME_ZONE, formatRange, formatYuan, minutesBetween, startOfDate } from './time';

export default function SessionsPage() {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const duration = useDuration();
  const [roomId, setRoomId] = useState<string | undefined>();
  const [status, setStatus] = useState<SessionStatus | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(() => [dayjs().subtract(7, 'day'), dayjs().add(14, 'day')]);
  const [creating, setCreating] = useState(false);
  const [recurring, setRecurring] = useState(false);
  const rooms = useRooms();
  const statusOptions = useStatusOptions();
  const canWrite = can('session:write');

  const zone = rooms.data?.find((r) => r.id === roomId)?.timeZone ?? DEFAULT_TIME_ZONE;
  const from = range ? startOfDate(range[0].format('YYYY-MM-DD'), zone).toISO()! : undefined;
  const to = range ? startOfDate(range[1].format('YYYY-MM-DD'), zone).plus({ days: 1 }).toISO()! : undefined;
  const sessions = useSessions({ roomId, status, from, to, limit: 1000 });
  const roomName = new Map((rooms.data ?? []).map((r) => [r.id, r.displayName]));
  const filtered = Boolean(roomId || status);

  const columns: TableColumnsType<SessionView> = [
    {
      title: t('field.title'),
      dataIndex: 'title',
      width: 200,
      render: (title: string, s) => (
        <Flex vertical>
          <Link to={`/sessions/${s.id}`} data-testid={`session-open-${s.id}`}>
            {title}
          </Link>
          {s.seriesId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <RetweetOutlined /> {t('session.recurringTag')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('field.room'), dataIndex: 'roomId', responsive: ['md'], render: (id: string) => roomName.get(id) ?? '…' },
    {
      title: t('session.time'),
      key: 'time',
      width: 290,
      render: (_, s) => (
        <Flex vertical>
          <span>{formatRange(s.plannedStart, s.plannedEnd, s.timeZone, locale)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {duration(minutesBetween(s.plannedStart, s.plannedEnd))} · {s.timeZone}
          </Typography.Text>
        </Flex>
      ),
      sorter: (a, b) => a.plannedStart.localeCompare(b.plannedStart),
      defaultSortOrder: 'ascend',
    },
    { title: t('field.status'), dataIndex: 'status', width: 110, render: (s: SessionStatus) => <StatusTag status={s} /> },
    {
      title: t('session.crew'),
      key: 'crew',
      responsive: ['lg'],
      render: (_, s) =>
        s.crew.length ? (
          <Flex gap={4} wrap>
            {s.crew.map((c) => (
              <Tag key={`${c.personId}-${c.role}`} style={{ marginInlineEnd: 0 }}>
                {t(`sessionRole.${c.role}`)} · {c.displayName}
              </Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('session.noCrew')}</Typography.Text>
        ),
    },
    { title: t('field.goalGmv'), key: 'gmv', align: 'right', width: 160, responsive: ['lg'], render: (_, s) => formatYuan(s.goals.gmvFen, locale) },
  ];

  return (
    <>
      <PageHeader
        title={t('session.title')}
        subtitle={t('session.subtitle')}
        extra={
          <>
            <Link to="/calendar">
              <Button icon={<CalendarOutlined />} data-testid="sessions-open-calendar">
                {t('nav.calendar')}
              </Button>
            </Link>
            {canWrite ? (
              <Button icon={<RetweetOutlined />} onClick={() => setRecurring(true)} data-testid="session-recurring">
                {t('recurring.open')}
              </Button>
            ) : null}
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="session-create">
                {t('session.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={8} wrap style={{ padding: 12 }} data-testid="sessions-filters">
          <Select
            allowClear
            placeholder={t('field.room')}
            value={roomId}
            onChange={setRoomId}
            options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.displayName }))}
            style={{ width: 240 }}
            data-testid="sessions-filter-room"
          />
          <Select allowClear placeholder={t('field.status')} value={status} onChange={setStatus} options={statusOptions} style={{ width: 140 }} data-testid="sessions-filter-status" />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
            format="YYYY-MM-DD"
            data-testid="sessions-filter-dates"
          />
          <Typography.Text type="secondary" style={{ alignSelf: 'center', marginInlineStart: 'auto' }} data-testid="sessions-count">
            {sessions.data ? t('session.count', { count: sessions.data.length }) : null}
          </Typography.Text>
        </Flex>
        {sessions.isError ? (
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <Table<SessionView>
            rowKey="id"
            data-testid="sessions-table"
            loading={sessions.isFetching && !sessions.data}
            dataSource={sessions.data ?? []}
            columns={columns}
            scroll={{ x: 900 }}
            pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(s) => tid(`session-row-${s.id}`)}
            locale={{
              emptyText: (
                <EmptyState
                  text={filtered ? t('common.noMatches') : t('session.empty')}
                  action={
                    canWrite && !filtered ? (
                      <Button type="primary" onClick={() => setCreating(true)}>
                        {t('session.create')}
                      </Button>
                    ) : null
                  }
                />
              ),
            }}
          />
        )}
      </Card>
      {canWrite ? (
        <>
          <SessionFormModal open={creating} session={null} rooms={rooms.data ?? []} defaultRoomId={roomId} onClose={() => setCreating(false)} />
          <RecurringModal open={recurring} rooms={rooms.data ?? []} defaultRoomId={roomId} onClose={() => setRecurring(false)} />
        </>
      ) : null}
    </>
  );
}
