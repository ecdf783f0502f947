import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PictureOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import type { ProductCategory, ProductView } from '../../../contracts/planning';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, tid, useShowError } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { formatYuan } from '../planning/time';
import { CATEGORY_COLORS, useCategoryOptions } from './labels';
import { ImportModal } from './ImportModal';
import { ProductFormDrawer } from './ProductFormDrawer';
import { useDeleteProduct, useProducts } from './queries';

export default function ProductsPage() {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [category, setCategory] = useState<ProductCategory | undefined>();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ product: ProductView | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const categoryOptions = useCategoryOptions();
  const products = useProducts({ category, q: q || undefined });
  const remove = useDeleteProduct();
  const canWrite = can('product:write');
  const filtered = Boolean(category || q);

  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const columns: TableColumnsType<ProductView> = [
    { title: t('product.sku'), dataIndex: 'sku', width: 130, fixed: 'left', sorter: (a, b) => a.sku.localeCompare(b.sku), render: (sku: string) => <Typography.Text code>{sku}</Typography.Text> },
    {
      title: t('product.name'),
      dataIndex: 'name',
      render: (name: string, p) => (
        <Flex vertical>
          <Flex gap={6} align="center">
            <span>{name}</span>
            {p.imageUrls.length ? (
              <Tooltip title={t('product.imageCount', { count: p.imageUrls.length })}>
                <a href={p.imageUrls[0]} target="_blank" rel="noreferrer noopener" aria-label={t('product.imageUrls')}>
                  <PictureOutlined />
                </a>
              </Tooltip>
            ) : null}
          </Flex>
          {p.sellingPoints.length ? (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 420 }}>
              {p.sellingPoints.join(' · ')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
      sorter: (a, b) => a.name.localeCompare(b.name),
    },
    {
      title: t('product.category'),
      dataIndex: 'category',
      width: 130,
      render: (c: ProductCategory) => (
        <Tag color={CATEGORY_COLORS[c]} style={{ marginInlineEnd: 0 }}>
          {t(`category.${c}`)}
        </Tag>
      ),
    },
    {
      title: t('product.listPrice'),
      dataIndex: 'listPriceFen',
      width: 120,
      align: 'right',
      render: (fen: number) => <Typography.Text type="secondary" delete>{formatYuan(fen, locale)}</Typography.Text>,
      sorter: (a, b) => a.listPriceFen - b.listPriceFen,
    },
    {
      title: t('product.livePrice'),
      dataIndex: 'livePriceFen',
      width: 120,
      align: 'right',
      render: (fen: number) => <Typography.Text strong style={{ color: '#cf1322' }}>{formatYuan(fen, locale)}</Typography.Text>,
      sorter: (a, b) => a.livePriceFen - b.livePriceFen,
    },
    {
      title: t('product.stock'),
      dataIndex: 'stock',
      width: 100,
      align: 'right',
      render: (n: number) => <Typography.Text type={n === 0 ? 'danger' : undefined}>{new Intl.NumberFormat(locale).format(n)}</Typography.Text>,
      sorter: (a, b) => a.stock - b.stock,
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, p: ProductView) => (
              <Space size={4}>
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing({ product: p })} aria-label={t('action.edit')} data-testid={`product-edit-${p.id}`} />
                <Popconfirm
                  destroyOnHidden
                  title={t('product.deleteConfirm', { name: p.name })}
                  description={t('product.deleteHint')}
                  okText={t('action.delete')}
                  cancelText={t('action.cancel')}
                  okButtonProps={{ danger: true, ...tid('confirm-ok') }}
                  onConfirm={() =>
                    remove.mutateAsync(p.id).then(
                      () => void message.success(t('common.deleted')),
                      (e) => showError(e),
                    )
                  }
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`product-delete-${p.id}`} />
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
        title={t('product.title')}
        subtitle={t('product.subtitle')}
        extra={
          canWrite ? (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="product-import">
                {t('import.open')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ product: null })} data-testid="product-create">
                {t('product.create')}
              </Button>
            </>
          ) : null
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={8} wrap style={{ padding: 12 }} data-testid="products-filters">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('product.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 240 }}
            data-testid="products-search"
          />
          <Select allowClear placeholder={t('product.category')} value={category} onChange={setCategory} options={categoryOptions} style={{ width: 160 }} data-testid="products-filter-category" />
          <Typography.Text type="secondary" style={{ alignSelf: 'center', marginInlineStart: 'auto' }} data-testid="products-count">
            {products.data ? t('product.count', { count: products.data.length }) : null}
          </Typography.Text>
        </Flex>
        {products.isError ? (
          <LoadError error={products.error} onRetry={() => void products.refetch()} />
        ) : (
          <Table<ProductView>
            rowKey="id"
            data-testid="products-table"
            loading={products.isFetching && !products.data}
            dataSource={products.data ?? []}
            columns={columns}
            scroll={{ x: 960 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(p) => tid(`product-row-${p.id}`)}
            locale={{
              emptyText: (
                <EmptyState
                  text={filtered ? t('common.noMatches') : t('product.empty')}
                  action={
                    canWrite && !filtered ? (
                      <Flex gap={8} justify="center">
                        <Button onClick={() => setImporting(true)}>{t('import.open')}</Button>
                        <Button type="primary" onClick={() => setEditing({ product: null })}>
                          {t('product.create')}
                        </Button>
                      </Flex>
                    ) : null
                  }
                />
              ),
            }}
          />
        )}
      </Card>
      {canWrite ? (
        <>
          <ProductFormDrawer open={editing !== null} product={editing?.product ?? null} onClose={() => setEditing(null)} />
          <ImportModal open={importing} onClose={() => setImporting(false)} />
        </>
      ) : null}
    </>
  );
}
