import { useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { DutyArea, DutyView } from '../../../contracts/catalog';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, tid, useShowError } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { DutyModal, useAreaOptions } from './DutyModal';
import { useDeleteDuty, useDuties } from './queries';

export const AREA_COLORS: Record<DutyArea, string> = {
  management: 'purple',
  planning: 'blue',
  execution: 'cyan',
  content: 'magenta',
  promotion: 'orange',
  service: 'green',
  data: 'geekblue',
  technical: 'gold',
  sourcing: 'lime',
};

export default function DutiesPage() {
  const t = useT();
  const pick = useLocalized();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const duties = useDuties();
  const deleteDuty = useDeleteDuty();
  const areaOptions = useAreaOptions();
  const [editing, setEditing] = useState<{ duty: DutyView | null } | null>(null);
  const [area, setArea] = useState<DutyArea | undefined>();
  const [search, setSearch] = useState('');
  const canWrite = can('catalog:write');

  const needle = search.trim().toLowerCase();
  const rows = (duties.data ?? []).filter(
    (d) => (!area || d.area === area) && (!needle || [d.code, d.nameZh, d.nameEn].some((v) => v.toLowerCase().includes(needle))),
  );
  const totalHours = rows.reduce((sum, d) => sum + d.weeklyHours, 0);

  const columns: TableColumnsType<DutyView> = [
    {
      title: t('field.name'),
      key: 'name',
      render: (_, d) => (
        <Flex vertical>
          <Typography.Text strong>{pick(d.nameZh, d.nameEn)}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420, fontSize: 12 }}>
            {pick(d.descriptionZh, d.descriptionEn)}
          </Typography.Text>
        </Flex>
      ),
      sorter: (a, b) => pick(a.nameZh, a.nameEn).localeCompare(pick(b.nameZh, b.nameEn)),
    },
    { title: t('field.code'), dataIndex: 'code', width: 180, responsive: ['md'], render: (code: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{code}</Typography.Text> },
    {
      title: t('field.area'),
      dataIndex: 'area',
      width: 140,
      render: (a: DutyArea) => <Tag color={AREA_COLORS[a]}>{t(`area.${a}`)}</Tag>,
      sorter: (a, b) => a.area.localeCompare(b.area),
    },
    {
      title: t('field.weeklyHours'),
      dataIndex: 'weeklyHours',
      width: 130,
      align: 'right',
      render: (h: number) => t('common.hoursPerWeek', { hours: h }),
      sorter: (a, b) => a.weeklyHours - b.weeklyHours,
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, d: DutyView) => (
              <Space size={4}>
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing({ duty: d })} aria-label={t('action.edit')} data-testid={`duty-edit-${d.code}`} />
                <Popconfirm
                  destroyOnHidden
                  title={t('duty.deleteConfirm', { name: pick(d.nameZh, d.nameEn) })}
                  description={t('duty.deleteHint')}
                  okText={t('action.delete')}
                  cancelText={t('action.cancel')}
                  okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                  onConfirm={() =>
                    deleteDuty.mutateAsync(d.id).then(
                      () => void message.success(t('common.deleted')),
                      (e) => showError(e),
                    )
                  }
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`duty-delete-${d.code}`} />
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
        title={t('duty.title')}
        subtitle={t('duty.subtitle')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ duty: null })} data-testid="duty-create">
              {t('duty.create')}
            </Button>
          ) : null
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={8} wrap justify="space-between" align="center" style={{ padding: 12 }}>
          <Flex gap={8} wrap>
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('common.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} data-testid="duty-search" />
            <Select allowClear placeholder={t('field.area')} options={areaOptions} value={area} onChange={setArea} style={{ width: 160 }} data-testid="duty-area-filter" />
          </Flex>
          <Typography.Text type="secondary" data-testid="duty-total-hours">
            {t('duty.total', { count: rows.length, hours: totalHours })}
          </Typography.Text>
        </Flex>
        {duties.isError ? (
          <LoadError error={duties.error} onRetry={() => void duties.refetch()} />
        ) : (
          <Table<DutyView>
            rowKey="id"
            data-testid="duties-table"
            loading={duties.isPending}
            dataSource={rows}
            columns={columns}
            scroll={{ x: 640 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(d) => tid(`duty-row-${d.code}`)}
            locale={{
              emptyText: (
                <EmptyState
                  text={needle || area ? t('common.noMatches') : t('duty.empty')}
                  action={
                    canWrite && !needle && !area ? (
                      <Button type="primary" onClick={() => setEditing({ duty: null })}>
                        {t('duty.create')}
                      </Button>
                    ) : null
                  }
                />
              ),
            }}
          />
        )}
      </Card>
      <DutyModal open={editing !== null} duty={editing?.duty ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
