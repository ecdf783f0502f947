import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Divider, Drawer, Flex, Form, Input, Popconfirm, Radio, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, ImportOutlined, SearchOutlined } from '@ant-design/icons';
import { BulkTermsResult, RuleInput, RuleUpdateInput, type PatternKind, type RuleProductCategory, type RuleView, type Severity } from '../../../contracts/compliance';
import { ApiError } from '../../app/api';
import { clearErrorsOnChange, localizeMessage, parseForm, useContractForm } from '../../app/forms';
import { tid, useShowError } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { useComplianceLabels, type Context } from './labels';
import { useCategories, useCreateRule, useImportTerms, useRemoveTerms, useTerms, useUpdateRule } from './queries';

interface Values {
  key: string;
  category?: string;
  severity: Severity;
  basisZh: string;
  basisEn: string;
  pattern: PatternKind | 'terms';
  highRisk: boolean;
  productCategories: RuleProductCategory[];
  contexts: Context[];
  suggestion: string;
  enabled: boolean;
}

const PAGE = 50;

/** A bulk import box: one term per line; shows what was added, skipped as duplicate, or refused (nothing is added then). */
export function BulkImport({ onImport, pending, placeholder, buttonLabel, testId }: {
  onImport: (text: string) => Promise<BulkTermsResult>;
  pending: boolean;
  placeholder: string;
  buttonLabel: string;
  testId: string;
}) {
  const t = useT();
  const showError = useShowError();
  const [text, setText] = useState('');
  const [result, setResult] = useState<BulkTermsResult | null>(null);
  const [refused, setRefused] = useState<BulkTermsResult | null>(null);

  const run = () => {
    setResult(null);
    setRefused(null);
    onImport(text).then(
      (r) => {
        setResult(r);
        setText('');
      },
      (e) => {
        const details = e instanceof ApiError ? BulkTermsResult.safeParse(e.details) : null;
        if (details?.success) setRefused(details.data);
        else showError(e);
      },
    );
  };

  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} autoSize={{ minRows: 3, maxRows: 12 }} data-testid={`${testId}-text`} />
      <Flex gap={8} align="center" wrap>
        <Button icon={<ImportOutlined />} onClick={run} loading={pending} disabled={!text.trim()} data-testid={`${testId}-submit`}>
          {buttonLabel}
        </Button>
        {result ? (
          <Typography.Text type="success" data-testid={`${testId}-result`}>
            {t('compliance.terms.result', { added: result.added, duplicates: result.duplicates, invalid: result.invalid })}
          </Typography.Text>
        ) : null}
      </Flex>
      {refused ? (
        <Alert
          type="error"
          showIcon
          title={t('compliance.terms.invalidTitle', { invalid: refused.invalid })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`${testId}-errors`}>
              {refused.errors.map((e) => (
                <li key={e.line}>
                  {t('compliance.terms.line', { line: e.line })}: <Typography.Text code>{e.text}</Typography.Text> — {localizeMessage(e.message)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Flex>
  );
}

function TermsSection({ rule }: { rule: RuleView }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const terms = useTerms(rule.id, q.trim(), offset, PAGE);
  const importTerms = useImportTerms();
  const removeTerms = useRemoveTerms();

  const removeItems = (items: string[]) =>
    removeTerms.mutateAsync({ ruleId: rule.id, items }).then(
      (r) => {
        void message.success(t('compliance.terms.removed', { count: r.removed }));
        setSelected([]);
      },
      (e) => showError(e),
    );

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('compliance.terms.import')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('compliance.terms.importHint')}</Typography.Text>
      <BulkImport
        testId="terms-import"
        placeholder={t('compliance.terms.importPlaceholder')}
        buttonLabel={t('compliance.terms.importButton')}
        pending={importTerms.isPending}
        onImport={(text) => importTerms.mutateAsync({ ruleId: rule.id, input: { text } })}
      />
      <Divider style={{ margin: '4px 0' }} />
      <Flex gap={8} align="center" wrap>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('compliance.terms.search')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOffset(0);
          }}
          style={{ width: 220 }}
          data-testid="terms-search"
        />
        <Typography.Text type="secondary" data-testid="terms-count">
          {terms.data ? t('compliance.terms.count', { count: terms.data.total }) : null}
        </Typography.Text>
        {selected.length ? (
          <Popconfirm
            title={t('compliance.terms.removeSelected', { count: selected.length })}
            okText={t('action.remove')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true, ...tid('confirm-ok') }}
            onConfirm={() => removeItems(selected)}
          >
            <Button danger size="small" icon={<DeleteOutlined />} style={{ marginInlineStart: 'auto' }} data-testid="terms-remove-selected">
              {t('compliance.terms.removeSelected', { count: selected.length })}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
      <Table<{ id: number; term: string }>
        size="small"
        rowKey="term"
        loading={terms.isFetching && !terms.data}
        dataSource={terms.data?.items ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        columns={[
          { title: t('compliance.terms.title'), dataIndex: 'term' },
          {
            title: '',
            key: 'remove',
            width: 60,
            render: (_: unknown, row) => (
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('compliance.terms.remove')} onClick={() => void removeItems([row.term])} data-testid={`term-remove-${row.id}`} />
            ),
          },
        ]}
        pagination={{
          current: Math.floor(offset / PAGE) + 1,
          pageSize: PAGE,
          total: terms.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (page) => setOffset((page - 1) * PAGE),
        }}
        locale={{ emptyText: t('compliance.terms.empty') }}
        data-testid="terms-table"
      />
    </Flex>
  );
}

/** Creates or edits a rule; a word-list rule's terms are imported and removed here too. */
export function RuleDrawer({ open, packId, packName, rule, onClose }: { open: boolean; packId: string; packName: string; rule: RuleView | null; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const showError = useShowError();
  const labels = useComplianceLabels();
  const categories = useCategories();
  const [form] = useContractForm<Values>();
  const create = useCreateRule();
  const update = useUpdateRule();
  // After creating, the drawer stays open on the new rule so its terms can be imported.
  const [current, setCurrent] = useState<RuleView | null>(rule);
  const pattern = Form.useWatch('pattern', form);

  useEffect(() => {
    if (!open) return;
    setCurrent(rule);
    form.resetFields();
    form.setFieldsValue(
      rule
        ? {
            key: rule.key,
            category: rule.category,
            severity: rule.severity,
            basisZh: rule.basisZh,
            basisEn: rule.basisEn,
            pattern: rule.pattern ?? 'terms',
            highRisk: rule.highRisk,
            productCategories: rule.productCategories ?? [],
            contexts: rule.contexts ?? [],
            suggestion: rule.suggestion ?? '',
            enabled: rule.enabled,
          }
        : { key: '', category: undefined, severity: 'warn', basisZh: '', basisEn: '', pattern: 'terms', highRisk: false, productCategories: [], contexts: [], suggestion: '', enabled: true },
    );
  }, [open, rule, form]);

  const submit = (values: Values) => {
    const common = {
      category: values.category,
      severity: values.severity,
      basisZh: values.basisZh,
      basisEn: values.basisEn,
      highRisk: values.highRisk,
      productCategories: values.productCategories?.length ? values.productCategories : null,
      contexts: values.contexts?.length ? values.contexts : null,
      suggestion: values.suggestion?.trim() ? values.suggestion : null,
      enabled: values.enabled,
    };
    if (current) {
      const input = parseForm(form, RuleUpdateInput, common, t);
      if (!input) return;
      update.mutate(
        { id: current.id, input },
        {
          onSuccess: (saved) => {
            setCurrent(saved);
            void message.success(t('common.saved'));
          },
          onError: (e) => showError(e, form),
        },
      );
      return;
    }
    const input = parseForm(form, RuleInput, { ...common, key: values.key, pattern: values.pattern === 'terms' ? null : values.pattern }, t);
    if (!input) return;
    create.mutate(
      { packId, input },
      {
        onSuccess: (saved) => {
          setCurrent(saved);
          void message.success(saved.pattern ? t('common.saved') : t('compliance.rule.createdImport'));
        },
        onError: (e) => showError(e, form),
      },
    );
  };

  const isPattern = (current ? current.pattern !== null : pattern !== undefined && pattern !== 'terms');
  const categoryOptions = (categories.data ?? []).map((c) => ({ value: c.key, label: `${locale === 'zh-CN' ? c.nameZh : c.nameEn} · ${c.key}` }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      forceRender
      title={current ? t('compliance.rule.editTitle', { key: current.key }) : t('compliance.rule.createTitle', { pack: packName })}
      extra={
        <Space>
          <Button onClick={onClose} data-testid="rule-close">
            {t('action.close')}
          </Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="rule-submit">
            {t('action.save')}
          </Button>
        </Space>
      }
      data-testid="rule-drawer"
    >
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={clearErrorsOnChange(form)} data-testid="rule-form">
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="key" label={t('compliance.rule.key')} required={!current} extra={current ? undefined : t('compliance.rule.keyHint')}>
              <Input disabled={Boolean(current)} maxLength={64} placeholder="team.rule" data-testid="rule-key" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="pattern" label={t('compliance.rule.kind')}>
              <Select
                disabled={Boolean(current)}
                options={[{ value: 'terms', label: t('compliance.rule.kindTerms') }, ...labels.patternOptions.map((o) => ({ ...o, label: `${t('compliance.rule.pattern')} · ${o.label}` }))]}
                data-testid="rule-pattern"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label={t('compliance.rule.category')} required>
              <Select showSearch={{ optionFilterProp: 'label' }} options={categoryOptions} loading={categories.isPending} data-testid="rule-category" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="severity" label={t('compliance.rule.severity')} required>
              <Radio.Group optionType="button" buttonStyle="solid" options={labels.severityOptions} data-testid="rule-severity" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="basisZh" label={t('compliance.rule.basisZh')} required>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="rule-basis-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="basisEn" label={t('compliance.rule.basisEn')} required>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="rule-basis-en" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contexts" label={t('compliance.rule.contexts')} extra={t('compliance.rule.contextsHint')}>
              <Select mode="multiple" allowClear options={labels.contextOptions} placeholder={t('compliance.rule.any')} data-testid="rule-contexts" />
            </Form.Item>
          </Col>
          {isPattern ? null : (
            <Col xs={24} sm={12}>
              <Form.Item name="productCategories" label={t('compliance.rule.productCategories')} extra={t('compliance.rule.productCategoriesHint')}>
                <Select mode="multiple" allowClear options={labels.productCategoryOptions} placeholder={t('compliance.rule.any')} data-testid="rule-product-categories" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24}>
            <Form.Item name="suggestion" label={t('compliance.rule.suggestion')}>
              <Input maxLength={500} data-testid="rule-suggestion" />
            </Form.Item>
          </Col>
          {isPattern ? null : (
            <Col xs={24} sm={12}>
              <Form.Item name="highRisk" label={t('compliance.rule.highRisk')} valuePropName="checked" extra={t('compliance.rule.highRiskHint')}>
                <Switch data-testid="rule-high-risk" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="enabled" label={t('compliance.rule.enabled')} valuePropName="checked">
              <Switch data-testid="rule-enabled" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {current ? (
        <>
          <Divider />
          {current.pattern ? (
            <Alert type="info" showIcon title={t('compliance.terms.patternRule', { pattern: labels.pattern(current.pattern) })} />
          ) : (
            <TermsSection rule={current} />
          )}
        </>
      ) : null}
    </Drawer>
  );
}
