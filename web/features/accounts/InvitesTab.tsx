import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, SendOutlined } from '@ant-design/icons';
import { InviteInput, type InviteLinkView, type InviteView, type Role } from '../../../contracts/accounts';
import { CopyField } from '../../app/CopyField';
import { parseForm, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { EmptyState, LoadError, tid, useFormat, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useTeams } from '../team/queries';
import { useCreateInvite, useDeleteInvite, useInvites } from './queries';
import { ROLE_COLORS, useRoleOptions } from './UsersTab';

interface InviteFormValues {
  email: string;
  role: Role;
  teamIds: string[];
  expiresInHours: number;
}

export function InvitesTab() {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = useContractForm<InviteFormValues>();
  const invites = useInvites();
  const teams = useTeams();
  const createInvite = useCreateInvite();
  const deleteInvite = useDeleteInvite();
  const roleOptions = useRoleOptions();
  const [created, setCreated] = useState<InviteLinkView | null>(null);
  const teamName = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const now = Date.now();
  const pending = (invites.data ?? []).filter((invite) => invite.acceptedAt === null);

  const submit = (values: InviteFormValues) => {
    const input = parseForm(form, InviteInput, values, t);
    if (!input) return;
    createInvite.mutate(input, {
      onSuccess: (link) => {
        setCreated(link);
        form.resetFields();
        void message.success(t('access.inviteCreated'));
      },
      onError: (e) => showError(e, form),
    });
  };

  const columns: TableColumnsType<InviteView> = [
    { title: t('field.email'), dataIndex: 'email' },
    { title: t('access.kind'), dataIndex: 'kind', width: 120, render: (kind: InviteView['kind']) => <Tag>{t(`inviteKind.${kind}`)}</Tag> },
    { title: t('field.role'), dataIndex: 'role', width: 110, render: (role: Role) => <Tag color={ROLE_COLORS[role]}>{t(`role.${role}`)}</Tag> },
    {
      title: t('field.teams'),
      dataIndex: 'teamIds',
      responsive: ['lg'],
      render: (ids: string[]) => (
        <Flex gap={4} wrap>
          {ids.map((id) => (
            <Tag key={id} style={{ marginInlineEnd: 0 }}>
              {teamName.get(id) ?? '…'}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('field.expiresAt'),
      dataIndex: 'expiresAt',
      width: 220,
      render: (at: string) => (
        <Flex gap={4} align="center" wrap>
          <span>{format.dateTime(at)}</span>
          {new Date(at).getTime() < now ? <Tag color="red">{t('access.expired')}</Tag> : null}
        </Flex>
      ),
      sorter: (a, b) => a.expiresAt.localeCompare(b.expiresAt),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, invite) => (
        <Popconfirm
          destroyOnHidden
          title={t('access.deleteInviteConfirm', { email: invite.email })}
          okText={t('action.delete')}
          cancelText={t('action.cancel')}
          okButtonProps={{ danger: true, ...tid('confirm-ok') }}
          onConfirm={() =>
            deleteInvite.mutateAsync(invite.id).then(
              () => void message.success(t('common.deleted')),
              (e) => showError(e),
            )
          }
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`invite-delete-${invite.id}`} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('access.inviteTitle')}>
        <Typography.Paragraph type="secondary">{t('access.inviteHint')}</Typography.Paragraph>
        <Form<InviteFormValues>
          form={form} onValuesChange={clearErrorsOnChange(form)}
          layout="vertical"
          onFinish={submit}
          initialValues={{ role: 'member', teamIds: [], expiresInHours: 72 }}
          data-testid="invite-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="email" label={t('field.email')} required>
                <Input inputMode="email" data-testid="invite-email" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="role" label={t('field.role')} required>
                <Select options={roleOptions} data-testid="invite-role" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="expiresInHours" label={t('field.expiresInHours')} required>
                <InputNumber min={1} max={720} precision={0} style={{ width: '100%' }} suffix={t('common.hoursShort')} data-testid="invite-expiry" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="teamIds" label={t('field.teams')}>
                <Select mode="multiple" allowClear options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} data-testid="invite-teams" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={createInvite.isPending} data-testid="invite-submit">
            {t('access.createInvite')}
          </Button>
        </Form>
        {created ? (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            closable={{ onClose: () => setCreated(null) }}
            title={t('access.inviteLinkTitle', { email: created.invite.email })}
            description={
              <Flex vertical gap={8} style={{ marginTop: 8 }}>
                <CopyField value={window.location.origin + created.path} testId="invite-link" />
                <Typography.Text type="secondary">{t('access.linkExpires', { at: format.dateTime(created.invite.expiresAt) })}</Typography.Text>
              </Flex>
            }
            data-testid="invite-created"
          />
        ) : null}
      </Card>
      <Card size="small" title={t('access.pendingInvites')} styles={{ body: { padding: 0 } }}>
        {invites.isError ? (
          <LoadError error={invites.error} onRetry={() => void invites.refetch()} />
        ) : (
          <Table<InviteView>
            rowKey="id"
            size="small"
            data-testid="invites-table"
            loading={invites.isPending}
            dataSource={pending}
            columns={columns}
            scroll={{ x: 720 }}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            onRow={(invite) => tid(`invite-row-${invite.id}`)}
            locale={{ emptyText: <EmptyState text={t('access.noInvites')} /> }}
          />
        )}
      </Card>
    </Flex>
  );
}
