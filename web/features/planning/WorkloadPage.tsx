import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Divider, Drawer, Flex, Progress, Row, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CalendarOutlined, EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DateTime } from 'luxon';
import { Link, useSearchParams } from 'react-router';
import type { PositionView } from '../../../contracts/catalog';
import type { WorkloadRow } from '../../../contracts/planning';
import { api } from '../../app/api';
import { useCan } from '../../app/session';
import { LoadError, PageHeader } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { usePositions } from '../catalog/queries';
import { useTeams } from '../team/queries';
import { CalendarFeedPanel } from './CalendarFeed';
import { useDuration } from './labels';
import { planningKeys, useWorkload, type WorkRulesResult } from './queries';
import { mondayOf, todayIn } from './time';
import { WorkRulesForm } from './WorkRulesForm';

const TABS = ['workload', 'rules'] as const;
type Tab = (typeof TABS)[number];

export default function WorkloadPage() {
  const t = useT();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'workload';
  const items = [
    { key: 'workload', label: <span data-testid="workload-tab-workload">{t('workload.tabWorkload')}</span>, children: <WorkloadTab /> },
    ...(can('catalog:read') ? [{ key: 'rules', label: <span data-testid="workload-tab-rules">{t('workload.tabRules')}</span>, children: <PositionRulesTab /> }] : []),
  ];
  return (
    <>
      <PageHeader title={t('workload.title')} subtitle={t('workload.subtitle')} />
      <Card>
        <Tabs activeKey={active} items={items} onChange={(key) => setParams({ tab: key }, { replace: true })} destroyOnHidden />
      </Card>
    </>
  );
}

function WorkloadTab() {
  const t = useT();
  const pick = useLocalized();
  const can = useCan();
  const [weekStart, setWeekStart] = useState(() => mondayOf(todayIn('Asia/Shanghai')));
  const [teamId, setTeamId] = useState<string | undefined>();
  const [personId, setPersonId] = useState<string | null>(null);
  const workload = useWorkload(weekStart, teamId);
  const teams = useTeams(can('team:read'));
  const positions = usePositions(can('catalog:read'));
  const positionName = new Map((positions.data ?? []).map((p) => [p.id, pick(p.nameZh, p.nameEn)]));
  const rows = workload.data?.rows ?? [];
  const overloaded = rows.filter((r) => r.isOverloaded).length;
  const shift = (weeks: number) => setWeekStart(DateTime.fromISO(weekStart).plus({ weeks }).toISODate()!);
  const person = rows.find((r) => r.personId === personId);

  const columns: TableColumnsType<WorkloadRow> = [
    {
      title: t('field.name'),
      dataIndex: 'displayName',
      width: 180,
      render: (name: string, row) => (
        <Flex vertical>
          <Typography.Link onClick={() => setPersonId(row.personId)} data-testid={`workload-person-${row.personId}`}>
            {name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.positionId ? (positionName.get(row.positionId) ?? '') : t('common.none')}
          </Typography.Text>
        </Flex>
      ),
      sorter: (a, b) => a.displayName.localeCompare(b.displayName),
    },
    {
      title: t('workload.plannedVsCapacity'),
      key: 'load',
      render: (_, row) => {
        const percent = row.capacityHours > 0 ? (row.plannedHours / row.capacityHours) * 100 : row.plannedHours > 0 ? 100 : 0;
        return (
          <Flex vertical style={{ minWidth: 220 }}>
            <Flex justify="space-between">
              <Typography.Text type={row.isOverloaded ? 'danger' : undefined} strong={row.isOverloaded}>
                {t('workload.hoursOf', { planned: row.plannedHours, capacity: row.capacityHours })}
              </Typography.Text>
              {row.isOverloaded ? (
                <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid={`workload-overloaded-${row.personId}`}>
                  {t('workload.overloaded')}
                </Tag>
              ) : null}
            </Flex>
            <Progress
              percent={Math.min(100, Math.round(percent))}
              status={row.isOverloaded ? 'exception' : 'normal'}
              strokeColor={row.isOverloaded ? '#ff4d4f' : percent >= 85 ? '#fa8c16' : undefined}
              showInfo={false}
              size="small"
            />
          </Flex>
        );
      },
      sorter: (a, b) => a.plannedHours / (a.capacityHours || 1) - b.plannedHours / (b.capacityHours || 1),
    },
    { title: t('workload.onAir'), dataIndex: 'onAirHours', width: 120, align: 'right', render: (h: number) => `${h} ${t('common.hoursShort')}`, sorter: (a, b) => a.onAirHours - b.onAirHours },
    { title: t('workload.sessions'), dataIndex: 'sessions', width: 100, align: 'right', sorter: (a, b) => a.sessions - b.sessions },
  ];

  const weekEnd = DateTime.fromISO(weekStart).plus({ days: 6 }).toISODate()!;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center" data-testid="workload-filters">
        <Button icon={<LeftOutlined />} onClick={() => shift(-1)} aria-label={t('workload.prevWeek')} data-testid="workload-prev" />
        <DatePicker
          allowClear={false}
          value={dayjs(weekStart)}
          format={() => `${weekStart} – ${weekEnd}`}
          onChange={(d) => d && setWeekStart(mondayOf(d.format('YYYY-MM-DD')))}
          style={{ width: 230 }}
          data-testid="workload-week"
        />
        <Button icon={<RightOutlined />} onClick={() => shift(1)} aria-label={t('workload.nextWeek')} data-testid="workload-next" />
        <Button onClick={() => setWeekStart(mondayOf(todayIn('Asia/Shanghai')))} data-testid="workload-this-week">
          {t('workload.thisWeek')}
        </Button>
        {can('team:read') ? (
          <Select
            allowClear
            placeholder={t('field.team')}
            value={teamId}
            onChange={setTeamId}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            style={{ width: 180 }}
            data-testid="workload-team"
          />
        ) : null}
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }} data-testid="workload-summary">
          {workload.data ? t('workload.summary', { count: rows.length, overloaded, zone: workload.data.timeZone }) : null}
        </Typography.Text>
      </Flex>
      {workload.isError ? (
        <LoadError error={workload.error} onRetry={() => void workload.refetch()} />
      ) : (
        <Table<WorkloadRow>
          rowKey="personId"
          data-testid="workload-table"
          loading={workload.isFetching && !workload.data}
          dataSource={rows}
          columns={columns}
          scroll={{ x: 720 }}
          pagination={{ pageSize: 30, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(row) => ({ 'data-testid': `workload-row-${row.personId}`, 'data-overloaded': row.isOverloaded ? 'true' : 'false' }) as Record<never, never>}
          locale={{ emptyText: <Typography.Text type="secondary">{t('workload.empty')}</Typography.Text> }}
        />
      )}
      <Drawer open={personId !== null} onClose={() => setPersonId(null)} size={560} title={person?.displayName ?? ''} destroyOnHidden>
        {personId ? (
          <Flex vertical gap={8} data-testid="workload-person-drawer">
            <Link to={`/calendar?person=${personId}`} data-testid="workload-person-calendar">
              <Button icon={<CalendarOutlined />}>{t('workload.openCalendar')}</Button>
            </Link>
            <Divider titlePlacement="start">{t('workRules.personTitle')}</Divider>
            <Typography.Paragraph type="secondary">{t('workRules.personHint')}</Typography.Paragraph>
            <WorkRulesForm subject="person" id={personId} canWrite={can('person:write')} />
            <Divider titlePlacement="start">{t('feed.sectionTitle')}</Divider>
            <CalendarFeedPanel personId={personId} personName={person?.displayName ?? ''} />
          </Flex>
        ) : null}
      </Drawer>
    </Flex>
  );
}

/** Every position's on-air limits at a glance; edit one in a drawer. */
function PositionRulesTab() {
  const t = useT();
  const pick = useLocalized();
  const can = useCan();
  const duration = useDuration();
  const positions = usePositions();
  const [editing, setEditing] = useState<PositionView | null>(null);
  const list = positions.data ?? [];
  const rules = useQueries({
    queries: list.map((p) => ({
      queryKey: planningKeys.workRules('position', p.id),
      queryFn: () => api.get<WorkRulesResult>(`/positions/${p.id}/work-rules`),
    })),
  });
  const show = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? <Typography.Text type="secondary">{t('workRules.noLimit')}</Typography.Text> : duration(minutes));

  const columns: TableColumnsType<PositionView> = [
    { title: t('field.position'), key: 'name', render: (_, p) => pick(p.nameZh, p.nameEn) },
    ...(['maxContinuousMinutes', 'minRestMinutes', 'maxDailyMinutes', 'maxWeeklyMinutes'] as const).map((field) => ({
      title: t(
        field === 'maxContinuousMinutes' ? 'workRules.maxContinuous' : field === 'minRestMinutes' ? 'workRules.minRest' : field === 'maxDailyMinutes' ? 'workRules.maxDaily' : 'workRules.maxWeekly',
      ),
      key: field,
      width: 150,
      render: (_: unknown, __: PositionView, index: number) => show(rules[index]?.data?.position?.[field]),
    })),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, p) => (
        <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('action.edit')} data-testid={`position-rules-edit-${p.id}`} />
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('workRules.positionsHint')}
      </Typography.Paragraph>
      <Table<PositionView>
        rowKey="id"
        size="middle"
        loading={positions.isPending}
        dataSource={list}
        columns={columns}
        pagination={false}
        scroll={{ x: 820 }}
        data-testid="position-rules-table"
      />
      <Drawer open={editing !== null} onClose={() => setEditing(null)} size={520} destroyOnHidden title={editing ? t('workRules.positionTitle', { name: pick(editing.nameZh, editing.nameEn) }) : ''}>
        {editing ? (
          <Row>
            <Col span={24}>
              <WorkRulesForm subject="position" id={editing.id} canWrite={can('catalog:write')} />
            </Col>
          </Row>
        ) : null}
      </Drawer>
    </Flex>
  );
}
