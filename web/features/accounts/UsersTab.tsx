import { useState } from 'react';
import { App, Button, Flex, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Role, type InviteLinkView, type UserView } from '../../../contracts/accounts';
import { CopyField } from '../../app/CopyField';
import { useMe } from '../../app/session';
import { EmptyState, LoadError, tid, useFormat, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useTeams } from '../team/queries';
import { useResetPassword, useSetUserActive, useUpdateUser, useUsers } from './queries';

export function useRoleOptions() {
  const t = useT();
  return Role.options.map((r) => ({ value: r, label: t(`role.${r}`) }));
}

export const ROLE_COLORS: Record<Role, string> = { owner: 'gold', manager: 'blue', member: 'green', viewer: 'default' };

export function UsersTab() {
  const t = useT();
  const me = useMe();
  const format = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const users = useUsers();
  const teams = useTeams();
  const updateUser = useUpdateUser();
  const setActive = useSetUserActive();
  const resetPassword = useResetPassword();
  const roleOptions = useRoleOptions();
  const [resetLink, setResetLink] = useState<{ user: UserView; link: InviteLinkView } | null>(null);
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));

  const save = (user: UserView, input: Parameters<typeof updateUser.mutate>[0]['input']) =>
    updateUser.mutate({ id: user.id, input }, { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e) });

  const columns: TableColumnsType<UserView> = [
    {
      title: t('field.name'),
      dataIndex: 'displayName',
      render: (name: string, user) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Space size={4}>
            <Typography.Text strong>{name}</Typography.Text>
            {user.id === me.user.id ? <Tag color="processing">{t('access.you')}</Tag> : null}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis data-testid={`user-email-${user.id}`}>
            {user.email}
          </Typography.Text>
        </Flex>
      ),
      sorter: (a, b) => a.displayName.localeCompare(b.displayName),
    },
    {
      title: t('field.role'),
      dataIndex: 'role',
      width: 130,
      render: (role: Role, user) => (
        <Select
          size="small"
          value={role}
          options={roleOptions}
          style={{ width: 112 }}
          onChange={(next: Role) => save(user, { role: next })}
          data-testid={`user-role-${user.id}`}
        />
      ),
    },
    {
      title: t('field.teams'),
      key: 'teams',
      width: 210,
      render: (_, user) =>
        user.role === 'owner' ? (
          <Typography.Text type="secondary">{t('access.allTeams')}</Typography.Text>
        ) : (
          <Select
            size="small"
            mode="multiple"
            value={user.teamIds}
            options={teamOptions}
            placeholder={t('access.noTeams')}
            maxTagCount="responsive"
            style={{ width: 190 }}
            onChange={(teamIds: string[]) => save(user, { teamIds })}
            data-testid={`user-teams-${user.id}`}
          />
        ),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: UserView['status']) => <Tag color={status === 'active' ? 'green' : 'default'}>{t(`userStatus.${status}`)}</Tag>,
    },
    { title: t('field.lastLogin'), dataIndex: 'lastLoginAt', width: 150, render: (at: string | null) => format.dateTime(at) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, user) => (
        <Space size={0}>
          <Button
            size="small"
            type="link"
            loading={resetPassword.isPending && resetPassword.variables === user.id}
            onClick={() =>
              resetPassword.mutate(user.id, { onSuccess: (link) => setResetLink({ user, link }), onError: (e) => showError(e) })
            }
            data-testid={`user-reset-${user.id}`}
          >
            {t('access.resetPassword')}
          </Button>
          {user.id === me.user.id ? null : user.status === 'active' ? (
            <Popconfirm
              destroyOnHidden
              title={t('access.deactivateConfirm', { name: user.displayName })}
              description={t('access.deactivateHint')}
              okText={t('access.deactivate')}
              cancelText={t('action.cancel')}
              okButtonProps={{ danger: true, ...tid('confirm-ok') }}
              onConfirm={() => setActive.mutateAsync({ id: user.id, active: false }).catch((e: unknown) => showError(e))}
            >
              <Button size="small" type="link" danger data-testid={`user-deactivate-${user.id}`}>
                {t('access.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              size="small"
              type="link"
              onClick={() => setActive.mutate({ id: user.id, active: true }, { onError: (e) => showError(e) })}
              data-testid={`user-activate-${user.id}`}
            >
              {t('access.activate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (users.isError) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;

  return (
    <>
      <Table<UserView>
        rowKey="id"
        data-testid="users-table"
        loading={users.isPending}
        dataSource={users.data ?? []}
        columns={columns}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(user) => tid(`user-row-${user.id}`)}
        locale={{ emptyText: <EmptyState text={t('access.noUsers')} /> }}
      />
      <Modal
        open={resetLink !== null}
        title={t('access.resetLinkTitle', { name: resetLink?.user.displayName ?? '' })}
        onCancel={() => setResetLink(null)}
        footer={<Button onClick={() => setResetLink(null)}>{t('action.close')}</Button>}
        destroyOnHidden
      >
        {resetLink ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>{t('access.resetLinkHint')}</Typography.Paragraph>
            <CopyField value={window.location.origin + resetLink.link.path} testId="reset-link" />
            <Typography.Text type="secondary" data-testid="reset-link-expiry">
              {t('access.linkExpires', { at: format.dateTime(resetLink.link.invite.expiresAt) })}
            </Typography.Text>
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
