import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Row, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { RiskCategory, type RiskView } from '../../../contracts/incidents';
import { useCan } from '../../app/session';
import { LoadError, PageHeader, tid, useShowError } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { usePeople } from '../people/queries';
import { usePlaybooks, useRisks, useSaveRisk } from './queries';
import { RiskHeatMap } from './RiskHeatMap';

const SCORE_COLOR = (s: number) => (s <= 4 ? 'green' : s <= 9 ? 'gold' : s <= 16 ? 'orange' : 'red');

export default function RisksPage() {
  const t = useT();
  const pick = useLocalized();
  const can = useCan();
  const risks = useRisks();
  const playbooks = usePlaybooks();
  const [cell, setCell] = useState<[number, number] | null>(null);
  const [editing, setEditing] = useState<RiskView | 'new' | null>(null);
  const all = risks.data ?? [];
  const shown = cell ? all.filter((r) => r.likelihood === cell[0] && r.impact === cell[1]) : all;
  const playbookName = (id: string) => {
    const p = playbooks.data?.find((x) => x.id === id);
    return p ? pick(p.nameZh, p.nameEn) : id;
  };
  if (risks.error) return <LoadError error={risks.error} onRetry={() => void risks.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('risks.title')}
        subtitle={t('risks.subtitle')}
        testId="risks-page"
        extra={can('risk:write') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="risk-new">{t('risks.new')}</Button> : null}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={t('risks.heatmap')} size="small" extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('risks.heatmapHint')}</Typography.Text>}>
            <RiskHeatMap risks={all} selected={cell} onSelect={setCell} />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={cell ? <Tag closable onClose={() => setCell(null)} data-testid="risk-filter">{t('risks.filter', { l: cell[0], i: cell[1] })}</Tag> : t('risks.title')}
          >
            <Table<RiskView>
              rowKey="id"
              size="small"
              loading={risks.isLoading}
              dataSource={shown}
              pagination={false}
              scroll={{ x: 780 }}
              data-testid="risk-table"
              onRow={(r) => ({ onClick: () => can('risk:write') && setEditing(r), style: { cursor: can('risk:write') ? 'pointer' : undefined } })}
              columns={[
                { title: t('risks.col.title'), dataIndex: 'title', width: 220, render: (title, r) => <Flex vertical><span>{title}</span>{r.mitigations ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.mitigations}</Typography.Text> : null}</Flex> },
                { title: t('risks.col.category'), dataIndex: 'category', width: 100, render: (c) => t(`risk.${c as RiskCategory}`) },
                { title: t('risks.col.score'), dataIndex: 'score', width: 90, sorter: (a, b) => a.score - b.score, defaultSortOrder: 'descend', render: (s, r) => <Tag color={SCORE_COLOR(s)}>{r.likelihood}×{r.impact}={s}</Tag> },
                { title: t('risks.col.owner'), dataIndex: 'ownerName', width: 90, render: (n) => n ?? '—' },
                {
                  title: t('risks.col.review'),
                  dataIndex: 'nextReviewDate',
                  width: 120,
                  render: (d, r) => (
                    <Flex vertical>
                      <span>{d}</span>
                      {r.isReviewOverdue ? <Tag color="red" data-testid={`risk-overdue-${r.id}`}>{t('risks.overdue')}</Tag> : null}
                    </Flex>
                  ),
                },
                { title: t('risks.col.links'), dataIndex: 'playbookIds', width: 150, render: (ids: string[]) => ids.map((id) => <Tag key={id}>{playbookName(id)}</Tag>) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <RiskEditor risk={editing} onClose={() => setEditing(null)} />
    </>
  );
}

interface RiskFormValues {
  title: string;
  category: RiskCategory;
  description: string;
  likelihood: number;
  impact: number;
  ownerPersonId: string | null;
  mitigations: string;
  nextReviewDate: Dayjs;
  playbookIds: string[];
}

function RiskEditor({ risk, onClose }: { risk: RiskView | 'new' | null; onClose: () => void }) {
  const t = useT();
  const pick = useLocalized();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<RiskFormValues>();
  const people = usePeople({ status: 'active' }, risk !== null);
  const playbooks = usePlaybooks();
  const save = useSaveRisk();
  const existing = risk && risk !== 'new' ? risk : null;
  const initial: Partial<RiskFormValues> = existing
    ? { ...existing, nextReviewDate: dayjs(existing.nextReviewDate) }
    : { category: 'content', likelihood: 3, impact: 3, description: '', mitigations: '', ownerPersonId: null, nextReviewDate: dayjs().add(30, 'day'), playbookIds: [] };
  return (
    <Modal open={risk !== null} title={existing ? existing.title : t('risks.new')} onCancel={onClose} onOk={() => form.submit()} okText={t('incidents.save')} cancelText={t('incidents.cancel')} confirmLoading={save.isPending} okButtonProps={tid('risk-save')} destroyOnHidden width={640}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initial}
        onFinish={(v) =>
          save.mutate(
            { id: existing?.id, input: { ...v, ownerPersonId: v.ownerPersonId ?? null, nextReviewDate: v.nextReviewDate.format('YYYY-MM-DD'), teamId: existing?.teamId ?? null, incidentIds: existing?.incidentIds ?? [] } },
            { onSuccess: () => { void message.success(t('risks.saved')); onClose(); }, onError: (e) => showError(e, form) },
          )
        }
      >
        <Form.Item name="title" label={t('risks.col.title')} rules={[{ required: true }]}><Input maxLength={200} data-testid="risk-title" /></Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="category" label={t('risks.col.category')} style={{ minWidth: 160 }}><Select options={RiskCategory.options.map((c) => ({ value: c, label: t(`risk.${c}`) }))} /></Form.Item>
          <Form.Item name="likelihood" label={t('risks.likelihood')} rules={[{ required: true }]}><InputNumber min={1} max={5} precision={0} /></Form.Item>
          <Form.Item name="impact" label={t('risks.impact')} rules={[{ required: true }]}><InputNumber min={1} max={5} precision={0} /></Form.Item>
          <Form.Item name="nextReviewDate" label={t('risks.col.review')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        </Flex>
        <Form.Item name="ownerPersonId" label={t('risks.col.owner')}><Select allowClear showSearch optionFilterProp="label" options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))} /></Form.Item>
        <Form.Item name="mitigations" label={t('risks.mitigations')}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item name="description" label={t('risks.description')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="playbookIds" label={t('risks.col.links')}><Select mode="multiple" options={(playbooks.data ?? []).map((p) => ({ value: p.id, label: pick(p.nameZh, p.nameEn) }))} /></Form.Item>
      </Form>
    </Modal>
  );
}
