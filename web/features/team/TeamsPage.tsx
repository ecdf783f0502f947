import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { RoomView, TeamView } from '../../../contracts/team';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useDeleteRoom, useDeleteTeam, useRooms, useTeams } from './queries';
import { RoomFormModal } from './RoomFormModal';
import { TeamFormModal } from './TeamFormModal';

type RoomDialog = { room: RoomView | null; teamId: string | null } | null;

export default function TeamsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const teams = useTeams();
  const deleteTeam = useDeleteTeam();
  const [teamDialog, setTeamDialog] = useState<{ team: TeamView | null } | null>(null);
  const [roomDialog, setRoomDialog] = useState<RoomDialog>(null);
  const canWriteTeams = can('team:write');
  const canWriteRooms = can('room:write');

  const columns: TableColumnsType<TeamView> = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { title: t('field.description'), dataIndex: 'description', ellipsis: true, responsive: ['md'] },
    { title: t('team.rooms'), dataIndex: 'roomCount', width: 110, align: 'right', sorter: (a, b) => a.roomCount - b.roomCount },
    { title: t('team.members'), dataIndex: 'memberCount', width: 110, align: 'right', sorter: (a, b) => a.memberCount - b.memberCount },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, team) => (
        <Space size={4} wrap>
          {canWriteRooms ? (
            <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setRoomDialog({ room: null, teamId: team.id })} data-testid={`room-create-${team.id}`}>
              {t('room.add')}
            </Button>
          ) : null}
          {canWriteTeams ? (
            <>
              <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setTeamDialog({ team })} aria-label={t('action.edit')} data-testid={`team-edit-${team.id}`} />
              <Popconfirm
                destroyOnHidden
                title={t('team.deleteConfirm', { name: team.name })}
                description={t('team.deleteHint')}
                okText={t('action.delete')}
                cancelText={t('action.cancel')}
                okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                onConfirm={() =>
                  deleteTeam.mutateAsync(team.id).then(
                    () => void message.success(t('common.deleted')),
                    (e) => showError(e),
                  )
                }
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`team-delete-${team.id}`} />
              </Popconfirm>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('team.title')}
        subtitle={t('team.subtitle')}
        extra={
          canWriteTeams ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTeamDialog({ team: null })} data-testid="team-create">
              {t('team.create')}
            </Button>
          ) : null
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        {teams.isError ? (
          <LoadError error={teams.error} onRetry={() => void teams.refetch()} />
        ) : (
          <Table<TeamView>
            rowKey="id"
            data-testid="teams-table"
            loading={teams.isPending}
            dataSource={teams.data ?? []}
            columns={columns}
            scroll={{ x: 640 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(team) => tid(`team-row-${team.id}`)}
            expandable={{
              expandedRowRender: (team) => (
                <RoomsTable team={team} canWrite={canWriteRooms} onEdit={(room) => setRoomDialog({ room, teamId: team.id })} onAdd={() => setRoomDialog({ room: null, teamId: team.id })} />
              ),
              expandRowByClick: false,
            }}
            locale={{
              emptyText: (
                <EmptyState
                  text={t('team.empty')}
                  action={
                    canWriteTeams ? (
                      <Button type="primary" onClick={() => setTeamDialog({ team: null })}>
                        {t('team.create')}
                      </Button>
                    ) : null
                  }
                />
              ),
            }}
          />
        )}
      </Card>
      <TeamFormModal open={teamDialog !== null} team={teamDialog?.team ?? null} onClose={() => setTeamDialog(null)} />
      <RoomFormModal
        open={roomDialog !== null}
        room={roomDialog?.room ?? null}
        teamId={roomDialog?.teamId ?? null}
        teams={teams.data ?? []}
        onClose={() => setRoomDialog(null)}
      />
    </>
  );
}

function RoomsTable({ team, canWrite, onEdit, onAdd }: { team: TeamView; canWrite: boolean; onEdit: (room: RoomView) => void; onAdd: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const rooms = useRooms(team.id);
  const deleteRoom = useDeleteRoom();

  const columns: TableColumnsType<RoomView> = [
    { title: t('field.platform'), dataIndex: 'platform', width: 130, render: (p: RoomView['platform']) => <Tag color="blue">{t(`platform.${p}`)}</Tag> },
    { title: t('field.roomName'), dataIndex: 'displayName' },
    { title: t('field.accountId'), dataIndex: 'accountId', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('field.timeZone'), dataIndex: 'timeZone', responsive: ['md'] },
    {
      title: t('field.requiredRoles'),
      dataIndex: 'requiredRoles',
      responsive: ['lg'],
      render: (roles: RoomView['requiredRoles'] | undefined) => (
        <Flex gap={4} wrap>
          {(roles ?? []).map((r) => (
            <Tag key={r} style={{ marginInlineEnd: 0 }}>
              {t(`sessionRole.${r}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('field.pushSecret'),
      dataIndex: 'hasSecret',
      width: 130,
      render: (hasSecret: boolean, room) =>
        hasSecret ? (
          <Tag icon={<LockOutlined />} color="green" data-testid={`room-secret-set-${room.id}`}>
            {t('room.secretSet')}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('room.noSecret')}</Typography.Text>
        ),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, room: RoomView) => (
              <Space size={4}>
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onEdit(room)} aria-label={t('action.edit')} data-testid={`room-edit-${room.id}`} />
                <Popconfirm
                  destroyOnHidden
                  title={t('room.deleteConfirm', { name: room.displayName })}
                  okText={t('action.delete')}
                  cancelText={t('action.cancel')}
                  okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                  onConfirm={() =>
                    deleteRoom.mutateAsync(room.id).then(
                      () => void message.success(t('common.deleted')),
                      (e) => showError(e),
                    )
                  }
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`room-delete-${room.id}`} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  if (rooms.isError) return <LoadError error={rooms.error} onRetry={() => void rooms.refetch()} />;

  return (
    <Flex vertical gap={8} style={{ padding: '4px 0' }}>
      <Typography.Text type="secondary">{t('team.roomsOf', { name: team.name })}</Typography.Text>
      <Table<RoomView>
        rowKey="id"
        size="small"
        data-testid={`rooms-table-${team.id}`}
        loading={rooms.isPending}
        dataSource={rooms.data ?? []}
        columns={columns}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 600 }}
        onRow={(room) => tid(`room-row-${room.id}`)}
        locale={{
          emptyText: (
            <EmptyState
              text={t('room.empty')}
              action={
                canWrite ? (
                  <Button size="small" type="primary" onClick={onAdd}>
                    {t('room.add')}
                  </Button>
                ) : null
              }
            />
          ),
        }}
      />
    </Flex>
  );
}
