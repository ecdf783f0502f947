import { useState } from 'react';
import { Button, Card, Col, Descriptions, Flex, Form, Input, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import type { SuggestionSeverity, SuggestionView } from '../../../contracts/suggestions';
import { tid, useFormat, useShowError } from '../../app/ui';
import { useCan } from '../../app/session';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { usePeople } from '../people/queries';
import { EvidenceChart } from './EvidenceChart';
import { formatValue } from './format';
import { useAcceptSuggestion, useDismissSuggestion } from './queries';

export const SEVERITY_COLOR: Record<SuggestionSeverity, string> = { critical: 'red', warn: 'orange', info: 'blue' };
/** The definition a value was computed under, in words: GPM per views or viewers, the window interaction rate. */
function basisText(t: ReturnType<typeof useT>, basis: string): string {
  if (basis === 'pv') return t('suggestions.basis.pv');
  if (basis === 'uv') return t('suggestions.basis.uv');
  const window = /^comments\/avg_concurrent_viewers per (\d+) min$/.exec(basis);
  if (window) return t('suggestions.basis.interactionWindow', { n: window[1]! });
  return basis;
}

/** Facts that restate the value (the measure) or the baseline row. */
const REPEATED_FACTS = new Set(['threshold', 'room_p20', 'usual_drop', 'viewer_drop', 'click_to_pay_rate', 'interaction_rate', 'follow_rate', 'gpm', 'attainment']);

export const STATUS_COLOR: Record<SuggestionView['status'], string> = { open: 'default', accepted: 'green', dismissed: 'default' };

/** One suggestion: title, advice, the evidence as numbers and a small chart, and the decision (or the buttons to make it). */
export function SuggestionCard({ s }: { s: SuggestionView }) {
  const t = useT();
  const { locale } = useLocale();
  const fmt = useFormat();
  const can = useCan();
  const zh = locale === 'zh-CN';
  const e = s.evidence;
  const [accepting, setAccepting] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  // The goal and the planned minutes are among the facts already; facts equal to the value or the baseline are not repeated.
  const showBaseline = e.baselineKind !== 'goal' && e.baselineKind !== 'planned';
  const items = [
    { key: 'value', label: t(`suggestions.value.${e.measure}` as MessageKey), children: <span data-testid={`suggestion-value-${s.id}`}>{formatValue(t, e.value, e.unit)}</span> },
    ...(showBaseline ? [{ key: 'baseline', label: t(`suggestions.baseline.${e.baselineKind}` as MessageKey, { n: e.sampleSize ?? 0 }), children: formatValue(t, e.baseline, e.unit) }] : []),
    ...(e.window ? [{ key: 'window', label: t('suggestions.evidence.window'), children: <span data-testid={`suggestion-window-${s.id}`}>{e.window.label}</span> }] : []),
    ...(e.slot
      ? [{ key: 'slot', label: t('suggestions.evidence.slot'), children: t('suggestions.evidence.slotText', { position: e.slot.position, name: e.slot.productName ?? e.slot.productId, actual: e.slot.actualMinutes, planned: e.slot.plannedMinutes }) }]
      : []),
    ...e.facts
      .filter((f) => !REPEATED_FACTS.has(f.key))
      .map((f) => ({ key: f.key, label: t(`suggestions.fact.${f.key}` as MessageKey), children: formatValue(t, f.value, f.unit) })),
    ...(e.basis ? [{ key: 'basis', label: t('suggestions.evidence.basis'), children: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{basisText(t, e.basis)}</Typography.Text> }] : []),
  ];
  return (
    <Card size="small" data-testid={`suggestion-${s.id}`} data-rule={s.rule} data-status={s.status} style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Space direction="vertical" size={4} style={{ flex: 1, minWidth: 260 }}>
          <Space size={6} wrap>
            <Tag color={SEVERITY_COLOR[s.severity]}>{t(`suggestions.severity.${s.severity}`)}</Tag>
            <Tag>{t(`suggestions.rule.${s.rule}`)}</Tag>
            <Tag color={STATUS_COLOR[s.status]} data-testid={`suggestion-status-${s.id}`}>{t(`suggestions.status.${s.status}`)}</Tag>
          </Space>
          <Typography.Text strong data-testid={`suggestion-title-${s.id}`}>{zh ? s.titleZh : s.titleEn}</Typography.Text>
          <Typography.Paragraph style={{ marginBottom: 0 }} type="secondary">{zh ? s.adviceZh : s.adviceEn}</Typography.Paragraph>
        </Space>
        {s.status === 'open' && can('suggestion:decide') ? (
          <Space>
            <Button type="primary" size="small" onClick={() => setAccepting(true)} data-testid={`suggestion-accept-${s.id}`}>{t('suggestions.accept')}</Button>
            <Button size="small" onClick={() => setDismissing(true)} data-testid={`suggestion-dismiss-${s.id}`}>{t('suggestions.dismiss')}</Button>
          </Space>
        ) : null}
      </Flex>
      <Row gutter={16} style={{ marginTop: 8 }}>
        <Col xs={24} md={e.series ? 14 : 24}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} data-testid={`suggestion-evidence-${s.id}`} />
        </Col>
        {e.series ? (
          <Col xs={24} md={10}>
            <EvidenceChart evidence={e} testId={`suggestion-chart-${s.id}`} />
          </Col>
        ) : null}
      </Row>
      {s.status === 'accepted' ? (
        <Typography.Text type="success" data-testid={`suggestion-decision-${s.id}`}>
          {t('suggestions.decided.accepted', { who: s.decidedBy ?? '—', at: fmt.dateTime(s.decidedAt), owner: s.taskOwnerName ?? '—', due: s.taskDueDate ?? '—', taskStatus: s.taskStatus ? t(`suggestions.taskStatus.${s.taskStatus as 'open'}`) : '—' })}
        </Typography.Text>
      ) : null}
      {s.status === 'dismissed' ? (
        <Typography.Text type="secondary" data-testid={`suggestion-decision-${s.id}`}>
          {t('suggestions.decided.dismissed', { who: s.decidedBy ?? '—', at: fmt.dateTime(s.decidedAt), reason: s.dismissReason ?? '' })}
        </Typography.Text>
      ) : null}
      {accepting ? <AcceptModal s={s} onClose={() => setAccepting(false)} /> : null}
      {dismissing ? <DismissModal s={s} onClose={() => setDismissing(false)} /> : null}
    </Card>
  );
}

function AcceptModal({ s, onClose }: { s: SuggestionView; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ ownerPersonId: string; dueDate: string; note?: string }>();
  const people = usePeople({ status: 'active', teamId: s.teamId });
  const accept = useAcceptSuggestion();
  const showError = useShowError();
  return (
    <Modal
      open
      title={t('suggestions.accept.title')}
      onCancel={onClose}
      okText={t('suggestions.accept.submit')}
      okButtonProps={{ loading: accept.isPending, ...tid('suggestion-accept-submit') }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="suggestion-accept-form"
        onFinish={(v) => accept.mutate({ id: s.id, ownerPersonId: v.ownerPersonId, dueDate: v.dueDate, note: v.note || undefined }, { onSuccess: onClose, onError: (err) => showError(err, form) })}
      >
        <Form.Item name="ownerPersonId" label={t('suggestions.accept.owner')} rules={[{ required: true, message: t('suggestions.required') }]}>
          <Select showSearch optionFilterProp="label" loading={people.isLoading} options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))} data-testid="suggestion-accept-owner" />
        </Form.Item>
        <Form.Item name="dueDate" label={t('suggestions.accept.due')} rules={[{ required: true, message: t('suggestions.required') }]}>
          <Input type="date" data-testid="suggestion-accept-due" />
        </Form.Item>
        <Form.Item name="note" label={t('suggestions.accept.note')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="suggestion-accept-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DismissModal({ s, onClose }: { s: SuggestionView; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const dismiss = useDismissSuggestion();
  const showError = useShowError();
  return (
    <Modal
      open
      title={t('suggestions.dismiss.title')}
      onCancel={onClose}
      okText={t('suggestions.dismiss.submit')}
      okButtonProps={{ danger: true, loading: dismiss.isPending, ...tid('suggestion-dismiss-submit') }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="suggestion-dismiss-form" onFinish={(v) => dismiss.mutate({ id: s.id, reason: v.reason }, { onSuccess: onClose, onError: (err) => showError(err, form) })}>
        <Form.Item name="reason" label={t('suggestions.dismiss.reason')} rules={[{ required: true, whitespace: true, message: t('suggestions.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('suggestions.dismiss.reasonHint')} data-testid="suggestion-dismiss-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
