import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, BarChartOutlined, DeleteOutlined, EditOutlined, FundProjectionScreenOutlined, RetweetOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { SessionDetailView } from '../../../contracts/planning';
import type { RoomView } from '../../../contracts/team';
import { useCan } from '../../app/session';
import { FullPageSpin, LoadError, PageHeader, tid, useShowError } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { useRooms } from '../team/queries';
import { SessionContentLabel, SessionContentTab } from '../content/SessionContentTab';
import { ChecklistTab } from './ChecklistTab';
import { CrewTab } from './CrewTab';
import { StatusTag, useDuration } from './labels';
import { useDeleteSession, useSession } from './queries';
import { SessionFormModal } from './SessionFormModal';
import { SlotsTab } from './SlotsTab';
import { StatusActions } from './StatusActions';
import { formatNumber, formatRange, formatYuan, minutesBetween, offsetLabel } from './time';
import { ViolationsAlert } from './violations';

const TABS = ['overview', 'crew', 'slots', 'checklist', 'content'] as const;
type Tab = (typeof TABS)[number];

export default function SessionDetailPage() {
  const { id } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const session = useSession(id);
  const rooms = useRooms();
  const remove = useDeleteSession();
  const [editing, setEditing] = useState(false);
  const requested = params.get('tab');
  const active: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'overview';

  if (session.isPending) return <FullPageSpin />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  const room = rooms.data?.find((r) => r.id === s.roomId);
  const canWrite = can('session:write');
  const plannable = s.status === 'draft' || s.status === 'scheduled';
  const overTotal = s.plannedSlotMinutes > minutesBetween(s.plannedStart, s.plannedEnd);

  const items = [
    { key: 'overview', label: <span data-testid="session-tab-overview">{t('session.tabOverview')}</span>, children: <OverviewTab session={s} room={room} canWrite={canWrite} /> },
    {
      key: 'crew',
      label: (
        <span data-testid="session-tab-crew">
          {t('session.tabCrew')}
          {s.missingRoles.length ? <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{s.missingRoles.length}</Tag> : null}
        </span>
      ),
      children: <CrewTab session={s} room={room} editable={canWrite && plannable} />,
    },
    {
      key: 'slots',
      label: (
        <span data-testid="session-tab-slots">
          {t('session.tabSlots')}
          <Tag color={overTotal ? 'red' : 'default'} style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
            {s.slots.length}
          </Tag>
        </span>
      ),
      children: <SlotsTab session={s} editable={canWrite && plannable} />,
    },
    {
      key: 'checklist',
      label: (
        <span data-testid="session-tab-checklist">
          {t('session.tabChecklist')}
          {s.checklist.some((i) => i.isOverdue && !i.doneAt) ? <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>!</Tag> : null}
        </span>
      ),
      children: <ChecklistTab session={s} />,
    },
    { key: 'content', label: <SessionContentLabel session={s} room={room} />, children: <SessionContentTab session={s} room={room} /> },
  ];

  return (
    <>
      <Link to="/sessions" style={{ display: 'inline-block', marginBottom: 8 }} data-testid="session-back">
        <ArrowLeftOutlined /> {t('session.backToList')}
      </Link>
      <PageHeader
        testId="session-header"
        title={
          <Flex gap={10} align="center" wrap>
            <span data-testid="session-title">{s.title}</span>
            <StatusTag status={s.status} />
            {s.seriesId ? (
              <Tag icon={<RetweetOutlined />} style={{ marginInlineEnd: 0 }}>
                {t('session.recurringTag')}
              </Tag>
            ) : null}
          </Flex>
        }
        subtitle={`${room?.displayName ?? ''} · ${formatRange(s.plannedStart, s.plannedEnd, s.timeZone, locale)} (${s.timeZone})`}
        extra={
          <>
            {s.status === 'live' ? (
              <Link to={`/sessions/${s.id}/live`} data-testid="session-live-monitor">
                <Button type="primary" icon={<FundProjectionScreenOutlined />}>
                  {t('live.openMonitor')}
                </Button>
              </Link>
            ) : null}
            {s.status === 'live' || s.status === 'ended' || s.status === 'reviewed' ? (
              <Link to={`/sessions/${s.id}/review`} data-testid="session-review">
                <Button icon={<BarChartOutlined />}>{t('review.open')}</Button>
              </Link>
            ) : null}
            {canWrite ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="session-edit">
                  {t('action.edit')}
                </Button>
                {s.status === 'draft' || s.status === 'cancelled' ? (
                  <Popconfirm
                    destroyOnHidden
                    title={t('session.deleteConfirm', { title: s.title })}
                    okText={t('action.delete')}
                    cancelText={t('action.cancel')}
                    okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                    onConfirm={() =>
                      remove.mutateAsync(s.id).then(
                        () => {
                          void message.success(t('common.deleted'));
                          void navigate('/sessions');
                        },
                        (e) => showError(e),
                      )
                    }
                  >
                    <Button danger icon={<DeleteOutlined />} data-testid="session-delete">
                      {t('action.delete')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </>
            ) : null}
          </>
        }
      />
      <ViolationsAlert violations={s.violations} />
      <Card>
        <Tabs activeKey={active} items={items} onChange={(key) => setParams({ tab: key }, { replace: true })} />
      </Card>
      {canWrite ? <SessionFormModal open={editing} session={s} rooms={rooms.data ?? []} onClose={() => setEditing(false)} /> : null}
    </>
  );
}

function OverviewTab({ session: s, room, canWrite }: { session: SessionDetailView; room: RoomView | undefined; canWrite: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const duration = useDuration();
  const minutes = minutesBetween(s.plannedStart, s.plannedEnd);
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={15}>
        <Descriptions column={1} size="small" bordered data-testid="session-overview">
          <Descriptions.Item label={t('field.room')}>{room?.displayName ?? '…'}</Descriptions.Item>
          <Descriptions.Item label={t('session.time')}>
            <Flex vertical>
              <span data-testid="session-time">{formatRange(s.plannedStart, s.plannedEnd, s.timeZone, locale)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('session.inZone', { zone: s.timeZone, offset: offsetLabel(s.timeZone) })}
              </Typography.Text>
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('session.duration')}>{duration(minutes)}</Descriptions.Item>
          <Descriptions.Item label={t('field.goalGmv')}>{formatYuan(s.goals.gmvFen, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('field.goalViewers')}>{formatNumber(s.goals.viewers, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('field.goalOrders')}>{formatNumber(s.goals.orders, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('session.crew')}>
            {s.crew.length ? (
              <Flex gap={4} wrap>
                {s.crew.map((c) => (
                  <Tag key={`${c.personId}-${c.role}`} style={{ marginInlineEnd: 0 }}>
                    {t(`sessionRole.${c.role}`)} · {c.displayName}
                  </Tag>
                ))}
              </Flex>
            ) : (
              t('session.noCrew')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.notes')}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.notes || '—'}</Typography.Text>
          </Descriptions.Item>
          {s.status === 'cancelled' ? (
            <Descriptions.Item label={t('session.cancelReason')}>
              <span data-testid="session-cancel-reason-text">{s.cancelReason ?? '—'}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('session.statusTitle')}>
          <Flex vertical gap={12}>
            <Flex gap={8} align="center">
              <Typography.Text type="secondary">{t('field.status')}</Typography.Text>
              <StatusTag status={s.status} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('session.statusFlow')}
            </Typography.Text>
            {canWrite ? <StatusActions session={s} /> : <Typography.Text type="secondary">{t('session.readOnly')}</Typography.Text>}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
