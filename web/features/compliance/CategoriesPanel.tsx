import { App, Button, Flex, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CategoryInput, type CategoryView } from '../../../contracts/compliance';
import { clearErrorsOnChange, parseForm, useContractForm } from '../../app/forms';
import { LoadError, tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useCategories, useCreateCategory, useDeleteCategory } from './queries';

export function CategoriesPanel({ canManage }: { canManage: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const categories = useCategories();
  const create = useCreateCategory();
  const remove = useDeleteCategory();
  const [form] = useContractForm<CategoryInput>();

  const submit = (values: CategoryInput) => {
    const input = parseForm(form, CategoryInput, values, t);
    if (!input) return;
    create.mutate(input, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        form.resetFields();
      },
      onError: (e) => showError(e, form),
    });
  };

  const columns: TableColumnsType<CategoryView> = [
    { title: t('compliance.category.key'), dataIndex: 'key', width: 200, render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
    { title: t('compliance.nameZh'), dataIndex: 'nameZh' },
    { title: t('compliance.nameEn'), dataIndex: 'nameEn' },
    { title: '', dataIndex: 'builtin', width: 100, render: (b: boolean) => (b ? <Tag>{t('compliance.builtin')}</Tag> : <Tag color="purple">{t('compliance.custom')}</Tag>) },
    { title: t('compliance.category.ruleCount'), dataIndex: 'ruleCount', width: 90, align: 'right' },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, c: CategoryView) =>
              c.builtin || c.ruleCount > 0 ? null : (
                <Popconfirm
                  title={t('compliance.category.deleteConfirm', { key: c.key })}
                  okText={t('action.delete')}
                  cancelText={t('action.cancel')}
                  okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                  onConfirm={() => remove.mutateAsync(c.key).then(() => void message.success(t('common.deleted')), (e) => showError(e))}
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`category-delete-${c.key}`} />
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  if (categories.isError) return <LoadError error={categories.error} onRetry={() => void categories.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {canManage ? (
        <Form form={form} layout="inline" onFinish={submit} onValuesChange={clearErrorsOnChange(form)} data-testid="category-form" style={{ rowGap: 8 }}>
          <Form.Item name="key">
            <Input placeholder={t('compliance.category.key')} maxLength={40} style={{ width: 160 }} data-testid="category-key" />
          </Form.Item>
          <Form.Item name="nameZh">
            <Input placeholder={t('compliance.nameZh')} maxLength={80} style={{ width: 180 }} data-testid="category-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn">
            <Input placeholder={t('compliance.nameEn')} maxLength={80} style={{ width: 180 }} data-testid="category-name-en" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={create.isPending} data-testid="category-add">
            {t('compliance.category.create')}
          </Button>
        </Form>
      ) : null}
      <Table<CategoryView> size="small" rowKey="key" loading={categories.isPending} dataSource={categories.data ?? []} columns={columns} pagination={false} scroll={{ x: 700 }} data-testid="categories-table" />
    </Flex>
  );
}
