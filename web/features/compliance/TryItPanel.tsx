import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Flex, Input, Row, Segmented, Select, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { RuleProductCategory, ScanFinding, ScanRequest } from '../../../contracts/compliance';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { Highlighted } from './Highlighted';
import { SEVERITY_TAG, useComplianceLabels, type Context } from './labels';
import { useScan } from './queries';

const lines = (text: string) => [...new Set(text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean))];

/** Debounced: a request per pause in typing, not per keystroke. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The "try it" box: a text scanned as the user types, against the stored packs (with a context and a product
 * category) or against ad-hoc terms and allow words (POST /compliance/scan with `terms`/`allow`, the CLI's path).
 */
export function TryItPanel({ initialText = '' }: { initialText?: string }) {
  const t = useT();
  const labels = useComplianceLabels();
  const [mode, setMode] = useState<'packs' | 'adhoc'>('packs');
  const [text, setText] = useState(initialText);
  const [context, setContext] = useState<Context | undefined>();
  const [category, setCategory] = useState<RuleProductCategory | undefined>();
  const [terms, setTerms] = useState('');
  const [allow, setAllow] = useState('');

  const request = useMemo<ScanRequest | null>(() => {
    if (!text.trim()) return null;
    const base: ScanRequest = { text, ...(context ? { context } : {}) };
    if (mode === 'adhoc') return { ...base, terms: lines(terms).slice(0, 50_000).filter((l) => l.length <= 100), allow: lines(allow).filter((l) => l.length <= 100) };
    return { ...base, ...(category ? { category } : {}) };
  }, [mode, text, context, category, terms, allow]);
  const settled = useDebounced(request, 250);
  const scan = useScan(settled);
  // Findings belong to the text they were computed for: while a newer text (or the previous request's placeholder)
  // waits for its scan, none are shown rather than spans of another text.
  const current = settled && settled.text === text && scan.data && !scan.isPlaceholderData ? scan.data : [];

  const columns: TableColumnsType<ScanFinding> = [
    { title: t('compliance.tryit.matched'), key: 'matched', width: 140, render: (_: unknown, f) => <Typography.Text mark>{text.slice(f.start, f.end)}</Typography.Text> },
    { title: t('compliance.tryit.term'), dataIndex: 'term', width: 140 },
    { title: t('compliance.tryit.rule'), dataIndex: 'rule', render: (rule: string) => <Typography.Text code>{rule}</Typography.Text> },
    { title: t('compliance.rule.severity'), dataIndex: 'severity', width: 90, render: (s: ScanFinding['severity']) => <Tag color={SEVERITY_TAG[s]}>{labels.severity(s)}</Tag> },
    {
      title: t('compliance.tryit.evasion'),
      dataIndex: 'evasion',
      render: (ev: string[]) => (ev.length ? ev.map((e) => <Tag key={e}>{labels.evasion(e)}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];

  return (
    <Card
      title={t('compliance.tryit.title')}
      extra={
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'packs' | 'adhoc')}
          options={[
            { value: 'packs', label: <span data-testid="tryit-mode-packs">{t('compliance.tryit.mode.packs')}</span> },
            { value: 'adhoc', label: <span data-testid="tryit-mode-adhoc">{t('compliance.tryit.mode.adhoc')}</span> },
          ]}
        />
      }
      data-testid="tryit"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {mode === 'adhoc' ? t('compliance.tryit.adhocHint') : t('compliance.tryit.hint')}
      </Typography.Paragraph>
      <Row gutter={[16, 12]}>
        <Col xs={24} lg={mode === 'adhoc' ? 14 : 24}>
          <Flex vertical gap={8}>
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('compliance.tryit.placeholder')}
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={100_000}
              data-testid="tryit-text"
            />
            <Flex gap={8} wrap>
              <Select
                allowClear
                placeholder={t('compliance.tryit.context')}
                value={context}
                onChange={setContext}
                options={labels.contextOptions}
                style={{ width: 180 }}
                data-testid="tryit-context"
              />
              {mode === 'packs' ? (
                <Select
                  allowClear
                  placeholder={t('compliance.tryit.category')}
                  value={category}
                  onChange={setCategory}
                  options={labels.productCategoryOptions}
                  style={{ width: 180 }}
                  data-testid="tryit-category"
                />
              ) : null}
            </Flex>
          </Flex>
        </Col>
        {mode === 'adhoc' ? (
          <Col xs={24} lg={10}>
            <Row gutter={8}>
              <Col span={12}>
                <Typography.Text type="secondary">{t('compliance.tryit.terms')}</Typography.Text>
                <Input.TextArea value={terms} onChange={(e) => setTerms(e.target.value)} autoSize={{ minRows: 4, maxRows: 10 }} data-testid="tryit-terms" />
              </Col>
              <Col span={12}>
                <Typography.Text type="secondary">{t('compliance.tryit.allow')}</Typography.Text>
                <Input.TextArea value={allow} onChange={(e) => setAllow(e.target.value)} autoSize={{ minRows: 4, maxRows: 10 }} data-testid="tryit-allow" />
              </Col>
            </Row>
          </Col>
        ) : null}
      </Row>
      <div style={{ marginTop: 16 }}>
        {scan.isError ? <Alert type="error" showIcon title={errorText(scan.error)} /> : null}
        {!text.trim() ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.tryit.empty')} />
        ) : (
          <Spin spinning={scan.isFetching} delay={200}>
            <Card size="small" style={{ background: '#fafafa' }}>
              <Highlighted text={text} findings={current} testId="tryit-highlighted" />
            </Card>
            <Typography.Text type={current.length ? 'danger' : 'success'} style={{ display: 'block', margin: '12px 0 8px' }} data-testid="tryit-count">
              {current.length ? t('compliance.tryit.findings', { count: current.length }) : t('compliance.tryit.none')}
            </Typography.Text>
            {current.length ? (
              <Table<ScanFinding>
                size="small"
                rowKey={(f) => `${f.rule}:${f.start}:${f.end}`}
                columns={columns}
                dataSource={current}
                pagination={false}
                scroll={{ x: 640 }}
                data-testid="tryit-findings"
              />
            ) : null}
          </Spin>
        )}
      </div>
    </Card>
  );
}
