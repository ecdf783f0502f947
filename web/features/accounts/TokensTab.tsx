import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, Modal, Popconfirm, Row, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { ApiTokenInput, TokenScope, type ApiTokenView } from '../../../contracts/accounts';
import { CopyField } from '../../app/CopyField';
import { parseForm, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { EmptyState, LoadError, tid, useFormat, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useRooms } from '../team/queries';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './queries';

export function TokensTab() {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = useContractForm<ApiTokenInput>();
  const tokens = useApiTokens();
  const rooms = useRooms();
  const createToken = useCreateApiToken();
  const revokeToken = useRevokeApiToken();
  const [secret, setSecret] = useState<{ token: string; name: string } | null>(null);
  const roomName = new Map((rooms.data ?? []).map((room) => [room.id, `${room.displayName} · ${t(`platform.${room.platform}`)}`]));

  const submit = (values: ApiTokenInput) => {
    const input = parseForm(form, ApiTokenInput, values, t);
    if (!input) return;
    createToken.mutate(input, {
      onSuccess: (created) => {
        setSecret({ token: created.token, name: created.apiToken.name });
        form.resetFields();
      },
      onError: (e) => showError(e, form),
    });
  };

  const columns: TableColumnsType<ApiTokenView> = [
    { title: t('field.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('field.room'), dataIndex: 'roomId', render: (id: string) => roomName.get(id) ?? id },
    {
      title: t('field.scopes'),
      dataIndex: 'scopes',
      width: 160,
      render: (scopes: TokenScope[]) => (
        <Flex gap={4} wrap>
          {scopes.map((s) => (
            <Tag key={s} color={s === 'ingest' ? 'purple' : 'cyan'} style={{ marginInlineEnd: 0 }}>
              {t(`scope.${s}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('field.createdAt'), dataIndex: 'createdAt', width: 170, responsive: ['lg'], render: (at: string) => format.dateTime(at) },
    { title: t('field.lastUsed'), dataIndex: 'lastUsedAt', width: 170, render: (at: string | null) => format.dateTime(at) },
    {
      title: t('field.status'),
      dataIndex: 'revokedAt',
      width: 110,
      render: (at: string | null) => (at ? <Tag>{t('access.revoked')}</Tag> : <Tag color="green">{t('access.tokenActive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            destroyOnHidden
            title={t('access.revokeConfirm', { name: token.name })}
            description={t('access.revokeHint')}
            okText={t('access.revoke')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true, ...tid('confirm-ok') }}
            onConfirm={() =>
              revokeToken.mutateAsync(token.id).then(
                () => void message.success(t('access.revokedDone')),
                (e) => showError(e),
              )
            }
          >
            <Button size="small" danger icon={<StopOutlined />} data-testid={`token-revoke-${token.id}`}>
              {t('access.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('access.tokenTitle')}>
        <Typography.Paragraph type="secondary">{t('access.tokenHint')}</Typography.Paragraph>
        <Form<ApiTokenInput> form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} initialValues={{ scopes: ['ingest'] }} data-testid="token-form">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="name" label={t('field.name')} required>
                <Input maxLength={80} data-testid="token-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="roomId" label={t('field.room')} required>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={rooms.isPending}
                  options={(rooms.data ?? []).map((room) => ({ value: room.id, label: roomName.get(room.id) ?? room.displayName }))}
                  notFoundContent={t('access.noRooms')}
                  data-testid="token-room"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="scopes" label={t('field.scopes')} required>
                <Checkbox.Group options={TokenScope.options.map((s) => ({ value: s, label: <span data-testid={`token-scope-${s}`}>{t(`scope.${s}`)}</span> }))} data-testid="token-scopes" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={createToken.isPending} data-testid="token-submit">
            {t('access.createToken')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('access.tokens')} styles={{ body: { padding: 0 } }}>
        {tokens.isError ? (
          <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : (
          <Table<ApiTokenView>
            rowKey="id"
            size="small"
            data-testid="tokens-table"
            loading={tokens.isPending}
            dataSource={tokens.data ?? []}
            columns={columns}
            scroll={{ x: 860 }}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            onRow={(token) => tid(`token-row-${token.id}`)}
            locale={{ emptyText: <EmptyState text={t('access.noTokens')} /> }}
          />
        )}
      </Card>
      <Modal
        open={secret !== null}
        title={t('access.tokenCreatedTitle', { name: secret?.name ?? '' })}
        onCancel={() => setSecret(null)}
        footer={
          <Button type="primary" onClick={() => setSecret(null)} data-testid="token-secret-done">
            {t('access.tokenSaved')}
          </Button>
        }
        mask={{ closable: false }}
        destroyOnHidden
      >
        {secret ? (
          <Flex vertical gap={12}>
            <Alert type="warning" showIcon title={t('access.tokenOnce')} />
            <CopyField value={secret.token} testId="token-secret" />
          </Flex>
        ) : null}
      </Modal>
    </Flex>
  );
}
