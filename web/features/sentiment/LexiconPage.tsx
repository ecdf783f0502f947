import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Modal, Popconfirm, Row, Segmented, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, RollbackOutlined, DeleteOutlined } from '@ant-design/icons';
import { LexiconEntryInput, LexiconKind, SentimentAspect, type LexiconEntryView } from '../../../contracts/sentiment';
import { clearErrorsOnChange, parseForm, useContractForm } from '../../app/forms';
import { useCan } from '../../app/session';
import { LoadError, PageHeader, tid, useShowError } from '../../app/ui';
import { useT, type MessageKey } from '../../i18n';
import { useLexicon, usePutLexiconEntry, useRemoveLexiconEntry, useTrySentiment } from './queries';

const KIND_COLOR: Record<LexiconKind, string> = {
  positive: 'green',
  purchase: 'cyan',
  negative: 'red',
  negator: 'orange',
  degree: 'gold',
  question: 'blue',
  irony: 'magenta',
  contrast: 'purple',
  aspect: 'geekblue',
  neutral: 'default',
};
const LABEL_COLOR = { positive: 'green', neutral: 'default', negative: 'red' } as const;
type OriginFilter = 'all' | 'edited' | 'shipped';

/** The sentiment analyser's vocabulary: search it, add the team's own words, change or switch off shipped ones, try a comment. */
export default function LexiconPage() {
  const t = useT();
  const can = useCan();
  const canManage = can('sentiment:manage');
  const { message } = App.useApp();
  const showError = useShowError();
  const lexicon = useLexicon();
  const put = usePutLexiconEntry();
  const remove = useRemoveLexiconEntry();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<LexiconKind | undefined>();
  const [origin, setOrigin] = useState<OriginFilter>('all');
  const [editing, setEditing] = useState<LexiconEntryView | 'new' | null>(null);
  const [tryText, setTryText] = useState('');
  const tried = useTrySentiment(tryText, lexicon.data?.revision);

  const kindLabel = (k: LexiconKind) => t(`sentiment.kind.${k}` as MessageKey);
  const aspectLabel = (a: string) => t(`alerts.theme.${a}` as MessageKey);
  const items = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (lexicon.data?.items ?? []).filter(
      (e) => (!q || e.term.toLowerCase().includes(q)) && (!kind || e.kind === kind) && (origin === 'all' || (origin === 'shipped' ? e.origin === 'shipped' : e.origin !== 'shipped')),
    );
  }, [lexicon.data, query, kind, origin]);

  const save = (input: LexiconEntryInput, after?: () => void) =>
    put.mutate(input, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        after?.();
      },
      onError: (e) => showError(e),
    });

  const columns: TableColumnsType<LexiconEntryView> = [
    { title: t('sentiment.lexicon.term'), dataIndex: 'term', render: (v: string, e) => <Typography.Text delete={!e.enabled} strong={e.origin !== 'shipped'}>{v}</Typography.Text> },
    { title: t('sentiment.lexicon.kind'), dataIndex: 'kind', width: 120, render: (k: LexiconKind) => <Tag color={KIND_COLOR[k]}>{kindLabel(k)}</Tag> },
    { title: t('sentiment.lexicon.weight'), dataIndex: 'weight', width: 90, render: (w: number | null) => (w === null ? <Typography.Text type="secondary">{t('sentiment.lexicon.defaultWeight')}</Typography.Text> : w) },
    { title: t('sentiment.lexicon.aspect'), dataIndex: 'aspect', width: 110, render: (a: string | null) => (a ? aspectLabel(a) : '') },
    {
      title: t('sentiment.lexicon.origin'),
      dataIndex: 'origin',
      width: 130,
      render: (o: LexiconEntryView['origin'], e) => (
        <Tooltip title={e.shipped ? t('sentiment.lexicon.shippedAs', { kind: kindLabel(e.shipped.kind), weight: String(e.shipped.weight ?? '—') }) : e.note || undefined}>
          <Tag color={o === 'custom' ? 'blue' : o === 'changed' ? 'orange' : 'default'} data-testid={`lexicon-origin-${e.term}`}>
            {t(`sentiment.origin.${o}` as MessageKey)}
          </Tag>
        </Tooltip>
      ),
    },
    {
      title: t('sentiment.lexicon.enabled'),
      dataIndex: 'enabled',
      width: 90,
      render: (on: boolean, e) => (
        <Switch
          size="small"
          checked={on}
          disabled={!canManage}
          loading={put.isPending && put.variables?.term === e.term}
          onChange={(checked) => save({ term: e.term, kind: e.kind, weight: e.weight, aspect: e.aspect, note: e.note, enabled: checked })}
          data-testid={`lexicon-enabled-${e.term}`}
        />
      ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, e: LexiconEntryView) => (
              <Flex gap={4}>
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('action.edit')} onClick={() => setEditing(e)} data-testid={`lexicon-edit-${e.term}`} />
                {e.id ? (
                  <Popconfirm
                    title={e.origin === 'changed' ? t('sentiment.lexicon.revertConfirm', { term: e.term }) : t('sentiment.lexicon.deleteConfirm', { term: e.term })}
                    okText={e.origin === 'changed' ? t('sentiment.lexicon.revert') : t('action.remove')}
                    cancelText={t('action.cancel')}
                    okButtonProps={{ danger: e.origin === 'custom', ...tid('confirm-ok') }}
                    onConfirm={() => remove.mutateAsync(e.id!).then(() => void message.success(t('common.saved')), (err) => showError(err))}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger={e.origin === 'custom'}
                      icon={e.origin === 'changed' ? <RollbackOutlined /> : <DeleteOutlined />}
                      aria-label={e.origin === 'changed' ? t('sentiment.lexicon.revert') : t('action.remove')}
                      data-testid={`lexicon-remove-${e.term}`}
                    />
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  if (lexicon.isError) return <LoadError error={lexicon.error} onRetry={() => void lexicon.refetch()} />;
  const result = tryText.trim() ? tried.data : undefined;
  return (
    <>
      <PageHeader
        title={t('sentiment.lexicon.title')}
        subtitle={t('sentiment.lexicon.subtitle')}
        testId="lexicon-page"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="lexicon-add">
              {t('sentiment.lexicon.add')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              <Input.Search allowClear placeholder={t('sentiment.lexicon.search')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 220 }} data-testid="lexicon-search" />
              <Select<LexiconKind>
                allowClear
                placeholder={t('sentiment.lexicon.kind')}
                value={kind}
                onChange={setKind}
                options={LexiconKind.options.map((k) => ({ value: k, label: kindLabel(k) }))}
                style={{ width: 150 }}
                data-testid="lexicon-kind-filter"
              />
              <Segmented<OriginFilter>
                value={origin}
                onChange={setOrigin}
                options={[
                  { value: 'all', label: t('sentiment.lexicon.filterAll') },
                  { value: 'edited', label: t('sentiment.lexicon.filterEdited') },
                  { value: 'shipped', label: t('sentiment.origin.shipped') },
                ]}
                data-testid="lexicon-origin-filter"
              />
              <Typography.Text type="secondary" style={{ alignSelf: 'center' }} data-testid="lexicon-count">
                {t('sentiment.lexicon.count', { n: items.length, total: lexicon.data?.items.length ?? 0 })}
              </Typography.Text>
            </Flex>
            <Table<LexiconEntryView>
              size="small"
              rowKey="term"
              loading={lexicon.isPending}
              dataSource={items}
              columns={columns}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              data-testid="lexicon-table"
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('sentiment.try.title')} data-testid="sentiment-try">
            <Input.TextArea rows={3} value={tryText} onChange={(e) => setTryText(e.target.value)} placeholder={t('sentiment.try.placeholder')} maxLength={2000} data-testid="sentiment-try-text" />
            {result ? (
              <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="sentiment-try-result">
                <Flex gap={8} align="center">
                  <Tag color={LABEL_COLOR[result.label]} data-testid="sentiment-try-label" data-label={result.label}>
                    {t(`sentiment.label.${result.label}` as MessageKey)}
                  </Tag>
                  <Typography.Text type="secondary">
                    {t('sentiment.try.score')} {result.score.toFixed(2)}
                  </Typography.Text>
                </Flex>
                {result.aspects.length ? (
                  <Flex gap={4} wrap>
                    {result.aspects.map((a) => (
                      <Tag key={a}>{aspectLabel(a)}</Tag>
                    ))}
                  </Flex>
                ) : null}
              </Flex>
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('sentiment.try.hint')}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
      {editing ? <EntryModal entry={editing === 'new' ? null : editing} saving={put.isPending} onCancel={() => setEditing(null)} onSave={(input, form) => put.mutate(input, { onSuccess: () => { void message.success(t('common.saved')); setEditing(null); }, onError: (e) => showError(e, form) })} /> : null}
    </>
  );
}

function EntryModal({ entry, saving, onCancel, onSave }: { entry: LexiconEntryView | null; saving: boolean; onCancel: () => void; onSave: (input: LexiconEntryInput, form: ReturnType<typeof useContractForm<LexiconEntryInput>>[0]) => void }) {
  const t = useT();
  const [form] = useContractForm<LexiconEntryInput>();
  const initial: LexiconEntryInput = entry
    ? { term: entry.term, kind: entry.kind, weight: entry.weight, aspect: entry.aspect, enabled: entry.enabled, note: entry.note }
    : { term: '', kind: 'negative', weight: null, aspect: null, enabled: true, note: '' };
  const submit = (values: LexiconEntryInput) => {
    const input = parseForm(form, LexiconEntryInput, { ...values, weight: values.weight ?? null, aspect: values.aspect ?? null }, t);
    if (input) onSave(input, form);
  };
  return (
    <Modal
      open
      title={entry ? t('sentiment.lexicon.editTitle', { term: entry.term }) : t('sentiment.lexicon.add')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      okButtonProps={tid('lexicon-save')}
      destroyOnHidden
      data-testid="lexicon-modal"
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="term" label={t('sentiment.lexicon.term')} extra={entry ? undefined : t('sentiment.lexicon.termHint')}>
          <Input maxLength={40} disabled={!!entry} data-testid="lexicon-term" />
        </Form.Item>
        <Form.Item name="kind" label={t('sentiment.lexicon.kind')} extra={t('sentiment.lexicon.kindHint')}>
          <Select options={LexiconKind.options.map((k) => ({ value: k, label: t(`sentiment.kind.${k}` as MessageKey) }))} data-testid="lexicon-kind" />
        </Form.Item>
        <Form.Item name="weight" label={t('sentiment.lexicon.weight')} extra={t('sentiment.lexicon.weightHint')}>
          <InputNumber min={0.1} max={3} step={0.1} style={{ width: 140 }} placeholder={t('sentiment.lexicon.defaultWeight')} data-testid="lexicon-weight" />
        </Form.Item>
        <Form.Item name="aspect" label={t('sentiment.lexicon.aspect')}>
          <Select allowClear options={SentimentAspect.options.map((a) => ({ value: a, label: t(`alerts.theme.${a}` as MessageKey) }))} data-testid="lexicon-aspect" />
        </Form.Item>
        <Form.Item name="enabled" label={t('sentiment.lexicon.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="note" label={t('sentiment.lexicon.note')}>
          <Input maxLength={200} data-testid="lexicon-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
