import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { PeopleQuery, PersonStatus, PersonView } from '../../../contracts/people';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, tid, useShowError } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { usePositions } from '../catalog/queries';
import { useTeams } from '../team/queries';
import { PersonDetailDrawer } from './PersonDetailDrawer';
import { PersonFormDrawer, STATUS_COLORS, useStatusOptions } from './PersonFormDrawer';
import { useDeletePerson, usePeople } from './queries';

export default function PeoplePage() {
  const t = useT();
  const pick = useLocalized();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [teamId, setTeamId] = useState<string | undefined>();
  const [positionId, setPositionId] = useState<string | undefined>();
  const [status, setStatus] = useState<PersonStatus | undefined>();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ person: PersonView | null } | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);

  // Search as the user types, but not on every key stroke.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const query: PeopleQuery = { teamId, positionId, status, q: q || undefined };
  const people = usePeople(query);
  const positions = usePositions();
  const teams = useTeams(can('team:read'));
  const statusOptions = useStatusOptions();
  const deletePerson = useDeletePerson();
  const canWrite = can('person:write');
  const filtered = Boolean(teamId || positionId || status || q);

  const positionById = new Map((positions.data ?? []).map((p) => [p.id, p]));
  const teamById = new Map((teams.data ?? []).map((team) => [team.id, team]));

  const columns: TableColumnsType<PersonView> = [
    {
      title: t('field.name'),
      dataIndex: 'displayName',
      fixed: 'left',
      width: 160,
      render: (name: string, person) => (
        <Typography.Link onClick={() => setDetailId(person.id)} data-testid={`person-open-${person.id}`}>
          {name}
        </Typography.Link>
      ),
      sorter: (a, b) => a.displayName.localeCompare(b.displayName),
    },
    {
      title: t('field.position'),
      key: 'position',
      render: (_, person) => {
        const position = person.positionId ? positionById.get(person.positionId) : undefined;
        return position ? pick(position.nameZh, position.nameEn) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
      },
    },
    {
      title: t('field.level'),
      key: 'level',
      render: (_, person) => {
        if (!person.level) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
        const level = person.positionId ? positionById.get(person.positionId)?.levels.find((l) => l.code === person.level) : undefined;
        return level ? pick(level.nameZh, level.nameEn) : person.level;
      },
    },
    {
      title: t('field.teams'),
      key: 'teams',
      width: 200,
      responsive: ['md'],
      render: (_, person) => (
        <Flex gap={4} wrap>
          {person.teamIds.map((id) => (
            <Tag key={id} style={{ marginInlineEnd: 0 }}>
              {teamById.get(id)?.name ?? '…'}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('field.hireDate'), dataIndex: 'hireDate', width: 120, responsive: ['lg'], render: (d: string | null) => d ?? '—', sorter: (a, b) => (a.hireDate ?? '').localeCompare(b.hireDate ?? '') },
    {
      title: t('field.capacity'),
      dataIndex: 'weeklyCapacityHours',
      width: 110,
      align: 'right',
      responsive: ['lg'],
      render: (h: number) => t('common.hoursPerWeek', { hours: h }),
      sorter: (a, b) => a.weeklyCapacityHours - b.weeklyCapacityHours,
    },
    { title: t('field.status'), dataIndex: 'status', width: 100, render: (s: PersonStatus) => <Tag color={STATUS_COLORS[s]}>{t(`personStatus.${s}`)}</Tag> },
    {
      title: t('field.phone'),
      key: 'phone',
      width: 140,
      responsive: ['md'],
      render: (_, person) => <Typography.Text type={person.contacts.phone ? undefined : 'secondary'}>{person.contacts.phone ?? '—'}</Typography.Text>,
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, person: PersonView) => (
              <Space size={4}>
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing({ person })} aria-label={t('action.edit')} data-testid={`person-edit-${person.id}`} />
                <Popconfirm
                  destroyOnHidden
                  title={t('person.deleteConfirm', { name: person.displayName })}
                  description={t('person.deleteHint')}
                  okText={t('action.delete')}
                  cancelText={t('action.cancel')}
                  okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                  onConfirm={() =>
                    deletePerson.mutateAsync(person.id).then(
                      () => void message.success(t('common.deleted')),
                      (e) => showError(e),
                    )
                  }
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`person-delete-${person.id}`} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('person.title')}
        subtitle={t('person.subtitle')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ person: null })} data-testid="person-create">
              {t('person.create')}
            </Button>
          ) : null
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={8} wrap style={{ padding: 12 }} data-testid="people-filters">
          <Input allowClear prefix={<SearchOutlined />} placeholder={t('person.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} data-testid="people-search" />
          <Select
            allowClear
            placeholder={t('field.team')}
            value={teamId}
            onChange={setTeamId}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            style={{ width: 180 }}
            data-testid="people-filter-team"
          />
          <Select
            allowClear
            placeholder={t('field.position')}
            value={positionId}
            onChange={setPositionId}
            options={(positions.data ?? []).map((p) => ({ value: p.id, label: pick(p.nameZh, p.nameEn) }))}
            style={{ width: 180 }}
            data-testid="people-filter-position"
          />
          <Select allowClear placeholder={t('field.status')} value={status} onChange={setStatus} options={statusOptions} style={{ width: 140 }} data-testid="people-filter-status" />
          <Typography.Text type="secondary" style={{ alignSelf: 'center', marginInlineStart: 'auto' }} data-testid="people-count">
            {people.data ? t('person.count', { count: people.data.length }) : null}
          </Typography.Text>
        </Flex>
        {people.isError ? (
          <LoadError error={people.error} onRetry={() => void people.refetch()} />
        ) : (
          <Table<PersonView>
            rowKey="id"
            data-testid="people-table"
            loading={people.isFetching && !people.data}
            dataSource={people.data ?? []}
            columns={columns}
            scroll={{ x: 960 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(person) => tid(`person-row-${person.id}`)}
            locale={{
              emptyText: (
                <EmptyState
                  text={filtered ? t('common.noMatches') : t('person.empty')}
                  action={
                    canWrite && !filtered ? (
                      <Button type="primary" onClick={() => setEditing({ person: null })}>
                        {t('person.create')}
                      </Button>
                    ) : null
                  }
                />
              ),
            }}
          />
        )}
      </Card>
      <PersonFormDrawer open={editing !== null} person={editing?.person ?? null} onClose={() => setEditing(null)} />
      <PersonDetailDrawer
        personId={detailId}
        positions={positions.data ?? []}
        teams={teams.data ?? []}
        onClose={() => setDetailId(null)}
        onEdit={(person) => {
          setDetailId(null);
          setEditing({ person });
        }}
      />
    </>
  );
}
