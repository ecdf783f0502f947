import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Switch, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { EvasionFamily, type PackView } from '../../../contracts/compliance';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, tid, useShowError } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { CategoriesPanel } from './CategoriesPanel';
import { useComplianceLabels } from './labels';
import { LookalikesPanel } from './LookalikesPanel';
import { PackFormModal } from './PackFormModal';
import { useDeletePack, usePacks, useUpdatePack } from './queries';
import { TryItPanel } from './TryItPanel';

/** The families a pack sees through, as tags; "exact spelling only" when none. */
export function EvasionTags({ pack }: { pack: Pick<PackView, 'evasion'> }) {
  const t = useT();
  const labels = useComplianceLabels();
  const on = EvasionFamily.options.filter((f) => pack.evasion[f]);
  if (!on.length) return <Typography.Text type="secondary">{t('compliance.pack.evasionNone')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {on.map((f) => (
        <Tag key={f} style={{ marginInlineEnd: 0 }}>
          {labels.evasion(f)}
        </Tag>
      ))}
    </Flex>
  );
}

export default function PacksPage() {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const labels = useComplianceLabels();
  const packs = usePacks();
  const update = useUpdatePack();
  const remove = useDeletePack();
  const [creating, setCreating] = useState(false);
  const canManage = can('compliance:manage');
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);

  const columns: TableColumnsType<PackView> = [
    {
      title: t('compliance.pack.name'),
      key: 'name',
      render: (_: unknown, p) => (
        <Flex vertical>
          <Flex gap={8} align="center" wrap>
            <Link to={`/compliance/packs/${p.id}`} data-testid={`pack-link-${p.key}`}>
              <Typography.Text strong>{labels.pick(p.nameZh, p.nameEn)}</Typography.Text>
            </Link>
            {p.builtin ? <Tag>{t('compliance.builtin')}</Tag> : <Tag color="purple">{t('compliance.custom')}</Tag>}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.key}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('compliance.enabled'),
      dataIndex: 'enabled',
      width: 90,
      render: (enabled: boolean, p) => (
        <Switch
          size="small"
          checked={enabled}
          disabled={!canManage}
          loading={update.isPending && update.variables?.id === p.id}
          aria-label={t('compliance.pack.enable')}
          onChange={(next) => update.mutate({ id: p.id, input: { enabled: next } }, { onError: (e) => showError(e) })}
          data-testid={`pack-enabled-${p.key}`}
        />
      ),
    },
    { title: t('compliance.pack.rules'), dataIndex: 'ruleCount', width: 80, align: 'right', render: number },
    { title: t('compliance.pack.terms'), dataIndex: 'termCount', width: 90, align: 'right', render: number },
    { title: t('compliance.pack.allowCount'), dataIndex: 'allowCount', width: 90, align: 'right', render: number },
    { title: t('compliance.pack.evasion'), key: 'evasion', width: 340, render: (_: unknown, p) => <EvasionTags pack={p} /> },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, p: PackView) =>
              p.builtin ? (
                <Tooltip title={t('compliance.pack.builtinHint')}>
                  <Button size="small" type="text" icon={<DeleteOutlined />} disabled aria-label={t('action.delete')} />
                </Tooltip>
              ) : (
                <Popconfirm
                  title={t('compliance.pack.deleteConfirm', { name: labels.pick(p.nameZh, p.nameEn) })}
                  description={t('compliance.pack.deleteHint')}
                  okText={t('action.delete')}
                  cancelText={t('action.cancel')}
                  okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                  onConfirm={() => remove.mutateAsync(p.id).then(() => void message.success(t('common.deleted')), (e) => showError(e))}
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`pack-delete-${p.key}`} />
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  const packsTable = packs.isError ? (
    <LoadError error={packs.error} onRetry={() => void packs.refetch()} />
  ) : (
    <Table<PackView>
      rowKey="id"
      loading={packs.isPending}
      dataSource={packs.data ?? []}
      columns={columns}
      pagination={false}
      scroll={{ x: 900 }}
      onRow={(p) => tid(`pack-row-${p.key}`)}
      data-testid="packs-table"
      locale={{ emptyText: <EmptyState text={t('compliance.pack.empty')} /> }}
    />
  );

  return (
    <>
      <PageHeader
        title={t('compliance.title')}
        subtitle={t('compliance.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="pack-create">
              {t('compliance.pack.create')}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            items={[
              { key: 'packs', label: <span data-testid="tab-packs">{t('compliance.tab.packs')}</span>, children: packsTable },
              { key: 'categories', label: <span data-testid="tab-categories">{t('compliance.tab.categories')}</span>, children: <CategoriesPanel canManage={canManage} /> },
              { key: 'lookalikes', label: <span data-testid="tab-lookalikes">{t('compliance.tab.lookalikes')}</span>, children: <LookalikesPanel canManage={canManage} /> },
            ]}
          />
        </Card>
        <TryItPanel />
      </Flex>
      {canManage ? <PackFormModal open={creating} pack={null} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
