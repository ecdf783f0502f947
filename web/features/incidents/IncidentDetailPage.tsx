import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, InputNumber, Row, Select, Space, Timeline, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import type { IncidentDetail, IncidentRole, IncidentStatus, Severity } from '../../../contracts/incidents';
import { useCan } from '../../app/session';
import { FullPageSpin, LoadError, PageHeader, useFormat, useShowError } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { usePositions } from '../catalog/queries';
import { usePeople } from '../people/queries';
import { SeverityTag, StatusTag, useSeverityOptions } from './labels';
import { useAddNote, useChangeSeverity, useChangeStatus, useIncident, useSavePostmortem, useSetRoles, useTickStep } from './queries';

const ROLES: IncidentRole[] = ['commander', 'communications', 'scribe'];
const TIMELINE_COLOR: Record<string, string> = { opened: 'red', alert: 'orange', status: 'blue', severity: 'purple', role: 'gray', step: 'green', note: 'cyan', postmortem: 'purple' };

export default function IncidentDetailPage() {
  const { id } = useParams();
  const q = useIncident(id);
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  return <IncidentView incident={q.data} />;
}

function IncidentView({ incident }: { incident: IncidentDetail }) {
  const t = useT();
  const can = useCan();
  const fmt = useFormat();
  const showError = useShowError();
  const canWrite = can('incident:write');
  const status = useChangeStatus(incident.id);
  const severity = useChangeSeverity(incident.id);
  const severityOptions = useSeverityOptions();

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <SeverityTag severity={incident.severity} />
            <span data-testid="incident-title-text">{incident.title}</span>
            <StatusTag status={incident.status} />
          </Space>
        }
        subtitle={t('incident.openedAt', { at: fmt.dateTime(incident.openedAt) }) + (incident.alertIds.length ? ` · ${t('incident.linkedAlerts', { count: incident.alertIds.length })}` : '')}
        testId="incident-page"
        extra={
          canWrite ? (
            <Space wrap>
              {incident.status !== 'closed' ? (
                <Select<Severity>
                  value={incident.severity}
                  style={{ width: 110 }}
                  data-testid="incident-severity-select"
                  options={severityOptions}
                  optionLabelProp="value"
                  popupMatchSelectWidth={420}
                  onChange={(s) => severity.mutate(s, { onError: (e) => showError(e) })}
                />
              ) : null}
              {incident.allowedStatuses.map((s: IncidentStatus) => (
                <Button key={s} type={s === 'investigating' ? 'default' : 'primary'} loading={status.isPending && status.variables?.status === s} onClick={() => status.mutate({ status: s }, { onError: (e) => showError(e) })} data-testid={`incident-action-${s}`}>
                  {t(`action.${s}`)}
                </Button>
              ))}
            </Space>
          ) : null
        }
      />
      {incident.summary ? <Typography.Paragraph>{incident.summary}</Typography.Paragraph> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Checklist incident={incident} />
            <Postmortem incident={incident} canWrite={canWrite} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Roles incident={incident} canWrite={canWrite} />
            <TimelineCard incident={incident} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

function Roles({ incident, canWrite }: { incident: IncidentDetail; canWrite: boolean }) {
  const t = useT();
  const showError = useShowError();
  const people = usePeople({ teamId: incident.teamId, status: 'active' });
  const setRoles = useSetRoles(incident.id);
  const options = (people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <Card title={t('incident.roles')} size="small">
      <Descriptions column={1} size="small">
        {ROLES.map((role) => {
          const value = incident[`${role}PersonId` as const];
          return (
            <Descriptions.Item key={role} label={t(`incident.role.${role}`)}>
              <Select
                style={{ width: '100%' }}
                allowClear
                showSearch
                optionFilterProp="label"
                disabled={!canWrite}
                placeholder={t('incident.rolePlaceholder')}
                value={value ?? undefined}
                options={options}
                data-testid={`incident-role-${role}`}
                onChange={(v: string | undefined) => setRoles.mutate({ [`${role}PersonId`]: v ?? null }, { onError: (e) => showError(e) })}
              />
            </Descriptions.Item>
          );
        })}
      </Descriptions>
    </Card>
  );
}

function Checklist({ incident }: { incident: IncidentDetail }) {
  const t = useT();
  const pick = useLocalized();
  const fmt = useFormat();
  const showError = useShowError();
  const positions = usePositions();
  const tick = useTickStep(incident.id);
  const positionName = (pid: string | null) => {
    const p = positions.data?.find((x) => x.id === pid);
    return p ? pick(p.nameZh, p.nameEn) : '—';
  };
  return (
    <Card title={t('incident.checklist')} size="small" data-testid="incident-checklist">
      {incident.steps.length === 0 ? (
        <Typography.Text type="secondary">{t('incident.noChecklist')}</Typography.Text>
      ) : (
        <Flex vertical gap={10}>
          {incident.steps.map((s) => (
            <Flex key={s.id} gap={10} align="flex-start" data-testid={`step-${s.ord}`}>
              <Checkbox
                checked={s.doneAt !== null}
                disabled={incident.status === 'closed' || tick.isPending}
                onChange={(e) => tick.mutate({ stepId: s.id, done: e.target.checked }, { onError: (err) => showError(err) })}
                data-testid={`step-check-${s.ord}`}
              />
              <Flex vertical>
                <Typography.Text delete={s.doneAt !== null}>
                  {s.ord}. {pick(s.textZh, s.textEn)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('incident.stepOwner', { position: positionName(s.positionId) })}
                  {s.doneAt ? ` · ${t('incident.stepDoneBy', { name: s.doneByName ?? '—', at: fmt.dateTime(s.doneAt) })}` : ''}
                </Typography.Text>
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function TimelineCard({ incident }: { incident: IncidentDetail }) {
  const t = useT();
  const pick = useLocalized();
  const fmt = useFormat();
  const showError = useShowError();
  const addNote = useAddNote(incident.id);
  const [note, setNote] = useState('');
  const items = [...incident.timeline].reverse();
  return (
    <Card title={t('incident.timeline')} size="small" data-testid="incident-timeline">
      <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
        <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('incident.note')} maxLength={2000} data-testid="incident-note" onPressEnter={() => note.trim() && addNote.mutate(note.trim(), { onSuccess: () => setNote(''), onError: (e) => showError(e) })} />
        <Button disabled={!note.trim()} loading={addNote.isPending} onClick={() => addNote.mutate(note.trim(), { onSuccess: () => setNote(''), onError: (e) => showError(e) })} data-testid="incident-note-add">
          {t('incident.addNote')}
        </Button>
      </Space.Compact>
      <Timeline
        items={items.map((e) => ({
          key: e.id,
          color: TIMELINE_COLOR[e.kind] ?? 'gray',
          children: (
            <Flex vertical>
              <Typography.Text>{pick(e.textZh, e.textEn)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmt.dateTime(e.at)} · {e.actor ?? t('incident.system')}
              </Typography.Text>
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}

interface PmValues {
  rootCause: string;
  impact: string;
  minutesAffected: number | null;
  gmvYuan: number | null;
  actionItems: { id?: string; title: string; ownerPersonId: string; dueDate: string }[];
}

function Postmortem({ incident, canWrite }: { incident: IncidentDetail; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<PmValues>();
  const save = useSavePostmortem(incident.id);
  const people = usePeople({ teamId: incident.teamId, status: 'active' });
  const pm = incident.postmortem;
  const initial = useMemo<PmValues>(
    () => ({
      rootCause: pm.rootCause,
      impact: pm.impact,
      minutesAffected: pm.minutesAffected,
      gmvYuan: pm.gmvAtRiskFen === null ? null : pm.gmvAtRiskFen / 100,
      actionItems: pm.actionItems.map((a) => ({ id: a.id, title: a.title, ownerPersonId: a.ownerPersonId ?? '', dueDate: a.dueDate ?? '' })),
    }),
    [pm],
  );
  useEffect(() => form.setFieldsValue(initial), [form, initial]);
  const suggested = pm.suggestedGmvAtRiskFen;
  const disabled = !canWrite || incident.status === 'closed';

  const submit = (v: PmValues) =>
    save.mutate(
      {
        rootCause: v.rootCause ?? '',
        impact: v.impact ?? '',
        minutesAffected: v.minutesAffected ?? null,
        gmvAtRiskFen: v.gmvYuan === null || v.gmvYuan === undefined ? null : Math.round(v.gmvYuan * 100),
        actionItems: (v.actionItems ?? []).map((a) => ({ ...(a.id ? { id: a.id } : {}), title: a.title, ownerPersonId: a.ownerPersonId, dueDate: a.dueDate })),
      },
      { onSuccess: () => void message.success(t('postmortem.saved')), onError: (e) => showError(e, form) },
    );

  return (
    <Card title={t('postmortem.title')} size="small" data-testid="incident-postmortem">
      <Form form={form} layout="vertical" onFinish={submit} disabled={disabled} initialValues={initial}>
        <Form.Item name="rootCause" label={t('postmortem.rootCause')}>
          <Input.TextArea rows={2} maxLength={5000} data-testid="pm-root-cause" />
        </Form.Item>
        <Form.Item name="impact" label={t('postmortem.impact')}>
          <Input.TextArea rows={2} maxLength={5000} data-testid="pm-impact" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="minutesAffected" label={t('postmortem.minutesAffected')}>
            <InputNumber min={0} max={100000} precision={0} data-testid="pm-minutes" />
          </Form.Item>
          <Form.Item name="gmvYuan" label={t('postmortem.gmvAtRisk')} extra={suggested !== null ? (
            <span>
              {t('postmortem.suggested', { amount: (suggested / 100).toFixed(2) })}{' '}
              <Button type="link" size="small" onClick={() => form.setFieldValue('gmvYuan', suggested / 100)}>{t('postmortem.useSuggested')}</Button>
            </span>
          ) : null}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} data-testid="pm-gmv" />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('postmortem.actionItems')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('postmortem.hint')}</Typography.Paragraph>
        <Form.List name="actionItems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="flex-start" wrap data-testid={`pm-item-${f.name}`}>
                  <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true }]} style={{ flex: 2, minWidth: 180 }}>
                    <Input placeholder={t('postmortem.item')} maxLength={200} data-testid={`pm-item-title-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ownerPersonId']} rules={[{ required: true }]} style={{ flex: 1, minWidth: 140 }}>
                    <Select showSearch optionFilterProp="label" placeholder={t('postmortem.owner')} options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))} data-testid={`pm-item-owner-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true }]}>
                    <Input type="date" data-testid={`pm-item-due-${f.name}`} aria-label={t('postmortem.due')} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ title: '', dueDate: '' })} data-testid="pm-add-item" style={{ marginBottom: 16 }}>
                {t('postmortem.addItem')}
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="pm-save">
            {t('postmortem.save')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
