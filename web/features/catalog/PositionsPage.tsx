import { useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { PositionView } from '../../../contracts/catalog';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, tid, useShowError } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { PositionDrawer } from './PositionDrawer';
import { useDeletePosition, usePositions } from './queries';

export default function PositionsPage() {
  const t = useT();
  const pick = useLocalized();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const positions = usePositions();
  const deletePosition = useDeletePosition();
  const [editing, setEditing] = useState<{ position: PositionView | null } | null>(null);
  const [search, setSearch] = useState('');
  const canWrite = can('catalog:write');

  const needle = search.trim().toLowerCase();
  const rows = (positions.data ?? []).filter(
    (p) => !needle || [p.code, p.nameZh, p.nameEn, ...p.skills].some((v) => v.toLowerCase().includes(needle)),
  );

  const columns: TableColumnsType<PositionView> = [
    {
      title: t('field.name'),
      key: 'name',
      render: (_, p) => (
        <Flex vertical>
          <Typography.Text strong>{pick(p.nameZh, p.nameEn)}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320, fontSize: 12 }}>
            {pick(p.descriptionZh, p.descriptionEn)}
          </Typography.Text>
        </Flex>
      ),
      sorter: (a, b) => a.sortOrder - b.sortOrder || pick(a.nameZh, a.nameEn).localeCompare(pick(b.nameZh, b.nameEn)),
    },
    { title: t('field.code'), dataIndex: 'code', width: 180, render: (code: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{code}</Typography.Text> },
    {
      title: t('position.levels'),
      key: 'levels',
      render: (_, p) => (
        <Flex gap={4} wrap>
          {p.levels.map((l) => (
            <Tag key={l.code} color="geekblue" style={{ marginInlineEnd: 0 }}>
              {pick(l.nameZh, l.nameEn)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('position.headcount'), dataIndex: 'headcount', width: 100, align: 'right', sorter: (a, b) => a.headcount - b.headcount },
    {
      title: t('field.skills'),
      key: 'skills',
      responsive: ['lg'],
      render: (_, p) => (
        <Flex gap={4} wrap>
          {p.skills.slice(0, 6).map((s) => (
            <Tag key={s} style={{ marginInlineEnd: 0 }}>
              {s}
            </Tag>
          ))}
          {p.skills.length > 6 ? <Tag style={{ marginInlineEnd: 0 }}>+{p.skills.length - 6}</Tag> : null}
        </Flex>
      ),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, p: PositionView) => (
              <Space size={4}>
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing({ position: p })} aria-label={t('action.edit')} data-testid={`position-edit-${p.code}`} />
                <Popconfirm
                  destroyOnHidden
                  title={t('position.deleteConfirm', { name: pick(p.nameZh, p.nameEn) })}
                  okText={t('action.delete')}
                  cancelText={t('action.cancel')}
                  okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                  onConfirm={() =>
                    deletePosition.mutateAsync(p.id).then(
                      () => void message.success(t('common.deleted')),
                      (e) => showError(e),
                    )
                  }
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`position-delete-${p.code}`} />
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
        title={t('position.title')}
        subtitle={t('position.subtitle')}
        extra={
          <>
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('common.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} data-testid="position-search" />
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ position: null })} data-testid="position-create">
                {t('position.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        {positions.isError ? (
          <LoadError error={positions.error} onRetry={() => void positions.refetch()} />
        ) : (
          <Table<PositionView>
            rowKey="id"
            data-testid="positions-table"
            loading={positions.isPending}
            dataSource={rows}
            columns={columns}
            scroll={{ x: 760 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(p) => tid(`position-row-${p.code}`)}
            locale={{
              emptyText: (
                <EmptyState
                  text={needle ? t('common.noMatches') : t('position.empty')}
                  action={
                    canWrite && !needle ? (
                      <Button type="primary" onClick={() => setEditing({ position: null })}>
                        {t('position.create')}
                      </Button>
                    ) : null
                  }
                />
              ),
            }}
          />
        )}
      </Card>
      <PositionDrawer open={editing !== null} position={editing?.position ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
