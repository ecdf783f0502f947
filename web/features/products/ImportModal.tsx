import { useState } from 'react';
import { Alert, Button, Flex, Modal, Result, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { ImportRowError, ProductImportInput, type ProductImportPreview } from '../../../contracts/planning';
import { ApiError } from '../../app/api';
import { localizeMessage } from '../../app/forms';
import { useShowError } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { formatYuan } from '../planning/time';
import { useApplyImport, usePreviewImport } from './queries';

type PreviewRow = ProductImportPreview['rows'][number];

const TEMPLATE_HEADERS = ['sku', 'name', 'category', 'list_price', 'live_price', 'stock', 'selling_points', 'image_urls'];
const TEMPLATE_EXAMPLE = ['DEMO-001', '示例商品 Example product', 'beauty', '199.00', '129.00', '500', '卖点一;卖点二', 'https://example.com/a.jpg'];

/** A CSV template made in the browser: the headers the importer reads, and one example row to overwrite. */
function downloadTemplate() {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const csv = `\uFEFF${TEMPLATE_HEADERS.join(',')}\r\n${TEMPLATE_EXAMPLE.map(quote).join(',')}\r\n`;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'products-template.csv';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const ImportDetails = z.object({ errors: z.array(ImportRowError) });

export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const showError = useShowError();
  const preview = usePreviewImport();
  const apply = useApplyImport();
  const [file, setFile] = useState<ProductImportInput | null>(null);
  const [result, setResult] = useState<ProductImportPreview | null>(null);
  const [applyErrors, setApplyErrors] = useState<ImportRowError[] | null>(null);
  const [done, setDone] = useState<ProductImportPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setResult(null);
    setApplyErrors(null);
    setDone(null);
    setFileError(null);
    preview.reset();
    apply.reset();
  };

  const close = () => {
    reset();
    onClose();
  };

  const load = async (raw: File) => {
    reset();
    const input = { filename: raw.name, contentBase64: await readBase64(raw) };
    const parsed = ProductImportInput.safeParse(input);
    if (!parsed.success) {
      setFileError(localizeMessage(parsed.error.issues[0]?.message ?? ''));
      return;
    }
    setFile(parsed.data);
    preview.mutate(parsed.data, { onSuccess: setResult, onError: (e) => showError(e) });
  };

  const applyFile = () => {
    if (!file) return;
    setApplyErrors(null);
    apply.mutate(file, {
      onSuccess: setDone,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'product/import-invalid') {
          const details = ImportDetails.safeParse(error.details);
          setApplyErrors(details.success ? details.data.errors : []);
        } else showError(error);
      },
    });
  };

  const errors = applyErrors ?? result?.errors ?? [];
  const errorRows = new Set(errors.map((e) => e.row));

  const rowColumns: TableColumnsType<PreviewRow> = [
    { title: t('import.row'), dataIndex: 'row', width: 64 },
    {
      title: t('import.action'),
      dataIndex: 'action',
      width: 100,
      render: (action: PreviewRow['action']) => (
        <Tag color={action === 'create' ? 'green' : action === 'update' ? 'blue' : 'red'} style={{ marginInlineEnd: 0 }}>
          {t(`import.action.${action}`)}
        </Tag>
      ),
    },
    { title: t('product.sku'), key: 'sku', width: 120, render: (_, r) => r.product?.sku ?? '—' },
    { title: t('product.name'), key: 'name', render: (_, r) => r.product?.name ?? <Typography.Text type="danger">{t('import.seeErrors')}</Typography.Text> },
    { title: t('product.category'), key: 'category', width: 110, render: (_, r) => (r.product ? t(`category.${r.product.category}`) : '—') },
    { title: t('product.livePrice'), key: 'live', width: 110, align: 'right', render: (_, r) => (r.product ? formatYuan(r.product.livePriceFen, locale) : '—') },
    { title: t('product.stock'), key: 'stock', width: 90, align: 'right', render: (_, r) => r.product?.stock ?? '—' },
  ];

  const errorColumns: TableColumnsType<ImportRowError> = [
    { title: t('import.row'), dataIndex: 'row', width: 64, render: (row: number) => (row > 0 ? row : '—') },
    { title: t('import.column'), dataIndex: 'column', width: 140, render: (c: string | null) => c ?? '—' },
    { title: t('import.message'), dataIndex: 'message', render: (m: string) => localizeMessage(m) },
  ];

  return (
    <Modal
      open={open}
      onCancel={close}
      width={960}
      destroyOnHidden
      title={t('import.title')}
      footer={
        done ? (
          <Button type="primary" onClick={close} data-testid="import-close">
            {t('action.close')}
          </Button>
        ) : (
          <Flex justify="space-between" gap={8} wrap>
            <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid="import-template">
              {t('import.template')}
            </Button>
            <Flex gap={8}>
              <Button onClick={close}>{t('action.cancel')}</Button>
              <Button type="primary" disabled={!result || result.rows.length === 0} loading={apply.isPending} onClick={applyFile} data-testid="import-apply">
                {result && errors.length === 0 ? t('import.apply', { count: result.creates + result.updates }) : t('import.applyPlain')}
              </Button>
            </Flex>
          </Flex>
        )
      }
    >
      <div data-testid="import-modal">
      {done ? (
        <Result status="success" title={<span data-testid="import-done">{t('import.done', { creates: done.creates, updates: done.updates })}</span>} />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{t('import.hint')}</Typography.Text>
          <div data-testid="import-upload">
            <Upload.Dragger
              accept=".csv,.xlsx"
              multiple={false}
              showUploadList={false}
              beforeUpload={(raw) => {
                void load(raw);
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.filename : t('import.drop')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
          </div>
          {fileError ? <Alert type="error" showIcon title={fileError} /> : null}
          {preview.isPending ? <Typography.Text type="secondary">{t('import.reading')}</Typography.Text> : null}
          {result ? (
            <Flex vertical gap={12} data-testid="import-preview">
              <Flex gap={8} wrap align="center" data-testid="import-summary">
                <Typography.Text strong>{t('import.summary', { rows: result.rows.length })}</Typography.Text>
                <Tag color="green">{t('import.creates', { count: result.creates })}</Tag>
                <Tag color="blue">{t('import.updates', { count: result.updates })}</Tag>
                {errors.length ? <Tag color="red">{t('import.errorCount', { count: errors.length })}</Tag> : null}
              </Flex>
              {errors.length ? (
                <Alert
                  type="error"
                  showIcon
                  title={applyErrors ? t('import.rejected') : t('import.hasErrors')}
                  description={
                    <Table<ImportRowError>
                      rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
                      size="small"
                      pagination={errors.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
                      dataSource={errors}
                      columns={errorColumns}
                      data-testid="import-errors"
                      style={{ marginTop: 8 }}
                    />
                  }
                />
              ) : (
                <Alert type="success" showIcon title={t('import.ready')} />
              )}
              <Table<PreviewRow>
                rowKey="row"
                size="small"
                dataSource={result.rows}
                columns={rowColumns}
                scroll={{ x: 760 }}
                pagination={result.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                onRow={(r) => ({ 'data-testid': `import-row-${r.row}`, style: errorRows.has(r.row) ? { background: '#fff2f0' } : undefined }) as Record<never, never>}
                data-testid="import-rows"
              />
            </Flex>
          ) : null}
        </Flex>
      )}
      </div>
    </Modal>
  );
}
