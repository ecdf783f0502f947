import { Card, Flex, Progress, Select, Space, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { Cell, ParseResult } from '../../../contracts/imports';
import { useT } from '../../i18n';
import { cellText } from './import-file';

/** Parse options: which sheet of a workbook, which row holds the headers (1-based); absent → the server's guess. */
export type ParseOptions = { sheet?: string | null; headerRow?: number | null };

/**
 * The upload step: drop a file; once parsed, its format, encoding and row count, the choice of sheet and header row,
 * and the first rows as they are in the file (the header row marked).
 */
export function UploadCard({ parsed, parsing, onFile, onReparse }: { parsed: ParseResult | null; parsing: boolean; onFile: (file: File) => void; onReparse: (options: ParseOptions) => void }) {
  const t = useT();
  return (
    <Card size="small" title={t('imports.step.upload')}>
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        beforeUpload={(f) => {
          onFile(f);
          return false;
        }}
        data-testid="imports-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.drop')}</p>
        <p className="ant-upload-hint">{t('imports.dropHint')}</p>
      </Upload.Dragger>
      {parsing ? <Progress percent={100} status="active" showInfo={false} style={{ marginTop: 12 }} /> : null}
      {parsed ? (
        <Flex vertical gap={12} style={{ marginTop: 12 }} data-testid="imports-parsed">
          <Flex gap={24} wrap align="center">
            <Typography.Text strong data-testid="imports-file-name">{parsed.fileName}</Typography.Text>
            <Typography.Text type="secondary">
              {parsed.format.toUpperCase()}
              {parsed.encoding ? ` · ${parsed.encoding.toUpperCase()}` : ''} · {t('imports.rowCount', { n: parsed.rowCount })}
            </Typography.Text>
            {parsed.sheets.length > 1 ? (
              <Space>
                {t('imports.sheet')}
                <Select style={{ minWidth: 160 }} value={parsed.sheet ?? undefined} onChange={(sheet) => onReparse({ sheet })} options={parsed.sheets.map((s) => ({ value: s, label: s }))} data-testid="imports-sheet" />
              </Space>
            ) : null}
            <Space>
              {t('imports.headerRow')}
              <Select
                style={{ width: 90 }}
                value={parsed.headerRow}
                onChange={(headerRow) => onReparse({ sheet: parsed.sheet, headerRow })}
                options={parsed.topRows.map((_, i) => ({ value: i + 1, label: String(i + 1) }))}
                data-testid="imports-header-row"
              />
            </Space>
          </Flex>
          <Table<{ i: number; cells: Cell[] }>
            size="small"
            rowKey="i"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={parsed.topRows.slice(0, 5).map((cells, i) => ({ i, cells }))}
            rowClassName={(r) => (r.i + 1 === parsed.headerRow ? 'ant-table-row-selected' : '')}
            columns={[
              { title: '#', key: 'n', width: 40, render: (_, r) => r.i + 1 },
              ...Array.from({ length: Math.max(0, ...parsed.topRows.map((r) => r.length)) }, (_, col) => ({
                title: String.fromCharCode(65 + (col % 26)),
                key: String(col),
                render: (_: unknown, r: { cells: Cell[] }) => cellText(r.cells[col]),
              })),
            ]}
          />
        </Flex>
      ) : null}
    </Card>
  );
}
