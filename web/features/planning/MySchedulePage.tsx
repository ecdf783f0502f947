import { App, Button, Card, Col, Flex, Result, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, LinkOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ScheduleView } from '../../../contracts/planning';
import { useCan } from '../../app/session';
import { FullPageSpin, LoadError, PageHeader, useShowError } from '../../app/ui';
import { useLocale, useLocalized, useT } from '../../i18n';
import { CalendarFeedModal } from './CalendarFeed';
import { StatusTag, useDuration } from './labels';
import { useMySchedule, useTick } from './queries';
import { formatAt, formatRange, minutesBetween } from './time';

type ScheduleSession = ScheduleView['sessions'][number];
type DueItem = ScheduleView['checklistDue'][number];

/** Every signed-in user's own upcoming sessions (through their linked person) and the checklist items due. */
export default function MySchedulePage() {
  const t = useT();
  const { locale } = useLocale();
  const pick = useLocalized();
  const can = useCan();
  const duration = useDuration();
  const { message } = App.useApp();
  const showError = useShowError();
  const schedule = useMySchedule();
  const tick = useTick();
  const [feedOpen, setFeedOpen] = useState(false);

  if (schedule.isPending) return <FullPageSpin />;
  if (schedule.isError) return <LoadError error={schedule.error} onRetry={() => void schedule.refetch()} />;
  const data = schedule.data;

  if (!data.person) {
    return (
      <div data-testid="my-schedule">
        <PageHeader title={t('mySchedule.title')} subtitle={t('mySchedule.subtitle')} />
        <Card>
          <Result status="info" title={t('mySchedule.noPerson')} subTitle={t('mySchedule.noPersonHint')} data-testid="my-schedule-no-person" />
        </Card>
      </div>
    );
  }
  const me = data.person;
  const zoneOf = new Map(data.sessions.map((s) => [s.id, s.timeZone]));

  const sessionColumns: TableColumnsType<ScheduleSession> = [
    {
      title: t('session.time'),
      key: 'time',
      width: 300,
      render: (_, s) => (
        <Flex vertical>
          <span>{formatRange(s.plannedStart, s.plannedEnd, s.timeZone, locale)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {duration(minutesBetween(s.plannedStart, s.plannedEnd))} · {s.timeZone}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('field.title'),
      dataIndex: 'title',
      render: (title: string, s) => (can('room:read') ? <Link to={`/sessions/${s.id}`}>{title}</Link> : title),
    },
    { title: t('field.room'), dataIndex: 'roomName', responsive: ['md'] },
    {
      title: t('mySchedule.roles'),
      dataIndex: 'roles',
      render: (roles: ScheduleSession['roles']) => (
        <Flex gap={4} wrap>
          {roles.map((r) => (
            <Tag key={r} color={r === 'host' || r === 'co_host' ? 'magenta' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {t(`sessionRole.${r}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('field.status'), dataIndex: 'status', width: 110, render: (s: ScheduleSession['status']) => <StatusTag status={s} /> },
  ];

  const dueColumns: TableColumnsType<DueItem> = [
    { title: t('checklist.item'), key: 'label', render: (_, item) => pick(item.labelZh, item.labelEn) },
    { title: t('checklist.session'), dataIndex: 'sessionTitle', responsive: ['md'] },
    {
      title: t('checklist.due'),
      dataIndex: 'dueAt',
      width: 200,
      render: (dueAt: string, item) => (
        <Flex gap={6} align="center" wrap>
          <span>{formatAt(dueAt, zoneOf.get(item.sessionId) ?? 'Asia/Shanghai')}</span>
          {item.isOverdue ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid={`my-overdue-${item.id}`}>
              {t('checklist.overdue')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: '',
      key: 'tick',
      width: 120,
      render: (_, item) => (
        <Button
          size="small"
          type="primary"
          ghost
          icon={<CheckOutlined />}
          loading={tick.isPending && tick.variables?.itemId === item.id}
          onClick={() =>
            tick.mutate(
              { itemId: item.id, personId: me.id, done: true },
              { onSuccess: () => void message.success(t('mySchedule.ticked')), onError: (e) => showError(e) },
            )
          }
          data-testid={`my-tick-${item.id}`}
        >
          {t('checklist.tick')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="my-schedule">
      <PageHeader
        title={t('mySchedule.title')}
        subtitle={t('mySchedule.subtitleFor', { name: me.displayName })}
        extra={
          can('person:read') ? (
            <Button icon={<LinkOutlined />} onClick={() => setFeedOpen(true)} data-testid="my-feed-open">
              {t('feed.open')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('mySchedule.upcoming', { count: data.sessions.length })}>
            <Table<ScheduleSession>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={data.sessions}
              columns={sessionColumns}
              scroll={{ x: 760 }}
              data-testid="my-sessions-table"
              onRow={(s) => ({ 'data-testid': `my-session-${s.id}` }) as Record<never, never>}
              locale={{ emptyText: <Typography.Text type="secondary">{t('mySchedule.noSessions')}</Typography.Text> }}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('mySchedule.due', { count: data.checklistDue.length })}>
            <Table<DueItem>
              rowKey="id"
              size="middle"
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              dataSource={data.checklistDue}
              columns={dueColumns}
              scroll={{ x: 700 }}
              data-testid="my-checklist-table"
              onRow={(item) => ({ 'data-testid': `my-checklist-${item.id}` }) as Record<never, never>}
              locale={{ emptyText: <Typography.Text type="secondary">{t('mySchedule.noDue')}</Typography.Text> }}
            />
          </Card>
        </Col>
      </Row>
      <CalendarFeedModal personId={feedOpen ? me.id : null} personName={me.displayName} onClose={() => setFeedOpen(false)} />
    </div>
  );
}
