import { App, Button, Flex, Form, Input, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowRightOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LookalikeInput, type LookalikeView } from '../../../contracts/compliance';
import { clearErrorsOnChange, parseForm, useContractForm } from '../../app/forms';
import { LoadError, tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useAddLookalike, useLookalikes, useRemoveLookalike } from './queries';

export function LookalikesPanel({ canManage }: { canManage: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const lookalikes = useLookalikes();
  const add = useAddLookalike();
  const remove = useRemoveLookalike();
  const [form] = useContractForm<LookalikeInput>();

  const submit = (values: LookalikeInput) => {
    const input = parseForm(form, LookalikeInput, values, t);
    if (!input) return;
    add.mutate(input, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        form.resetFields();
      },
      onError: (e) => showError(e, form),
    });
  };

  const columns: TableColumnsType<LookalikeView> = [
    { title: t('compliance.lookalike.variant'), dataIndex: 'variant', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: '', key: 'arrow', width: 40, render: () => <ArrowRightOutlined style={{ color: '#999' }} /> },
    { title: t('compliance.lookalike.canonical'), dataIndex: 'canonical', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, l: LookalikeView) => (
              <Popconfirm
                title={t('compliance.lookalike.deleteConfirm', { variant: l.variant, canonical: l.canonical })}
                okText={t('action.remove')}
                cancelText={t('action.cancel')}
                okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                onConfirm={() => remove.mutateAsync(l.id).then(() => void message.success(t('common.deleted')), (e) => showError(e))}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.remove')} data-testid={`lookalike-delete-${l.id}`} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  if (lookalikes.isError) return <LoadError error={lookalikes.error} onRetry={() => void lookalikes.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('compliance.lookalike.hint')}</Typography.Text>
      {canManage ? (
        <Form form={form} layout="inline" onFinish={submit} onValuesChange={clearErrorsOnChange(form)} data-testid="lookalike-form" style={{ rowGap: 8 }}>
          <Form.Item name="variant">
            <Input placeholder={t('compliance.lookalike.variant')} maxLength={20} style={{ width: 140 }} data-testid="lookalike-variant" />
          </Form.Item>
          <Form.Item name="canonical">
            <Input placeholder={t('compliance.lookalike.canonical')} maxLength={20} style={{ width: 140 }} data-testid="lookalike-canonical" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="lookalike-add">
            {t('compliance.lookalike.add')}
          </Button>
        </Form>
      ) : null}
      <Table<LookalikeView> size="small" rowKey="id" loading={lookalikes.isPending} dataSource={lookalikes.data ?? []} columns={columns} pagination={{ pageSize: 50, hideOnSinglePage: true }} style={{ maxWidth: 560 }} data-testid="lookalikes-table" />
    </Flex>
  );
}
