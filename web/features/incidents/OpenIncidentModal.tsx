import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { severityDefinitions, type Severity } from '../../../contracts/incidents';
import { tid, useShowError } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { useTeams } from '../team/queries';
import { useSeverityOptions } from './labels';
import { useOpenAlerts, useOpenIncident, usePlaybooks } from './queries';

interface Values {
  title: string;
  severity: Severity;
  teamId?: string;
  alertId?: string;
  playbookId?: string;
  summary?: string;
}

/** The "open incident" form: from an alert (picked, or given), with a playbook, or by hand for a team. */
export function OpenIncidentModal({ open, onClose, alertId, playbookId, alertTitle }: { open: boolean; onClose: () => void; alertId?: string; playbookId?: string; alertTitle?: string }) {
  const t = useT();
  const pick = useLocalized();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const teams = useTeams(open);
  const playbooks = usePlaybooks();
  const alerts = useOpenAlerts(open && !alertId);
  const create = useOpenIncident();
  const severityOptions = useSeverityOptions();
  const chosenAlert = Form.useWatch('alertId', form);
  const chosenSeverity = Form.useWatch('severity', form);

  useEffect(() => {
    if (!open) return;
    const pb = playbooks.data?.find((p) => p.id === playbookId);
    form.resetFields();
    form.setFieldsValue({ alertId, playbookId, severity: pb?.defaultSeverity ?? 'SEV2', title: alertTitle ?? (pb ? pick(pb.nameZh, pb.nameEn) : '') });
  }, [open, alertId, playbookId, alertTitle, playbooks.data, form, pick]);

  const submit = (v: Values) =>
    create.mutate(
      { ...v, alertId: v.alertId ?? null, playbookId: v.playbookId ?? null, summary: v.summary ?? '' },
      {
        onSuccess: (d) => {
          void message.success(t('incidents.created'));
          onClose();
          void navigate(`/incidents/${d.id}`);
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal open={open} title={t('incidents.open')} onCancel={onClose} onOk={() => form.submit()} okText={t('incidents.open')} cancelText={t('incidents.cancel')} confirmLoading={create.isPending} okButtonProps={tid('incident-open-submit')} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="incident-open-form">
        {!alertId ? (
          <Form.Item name="alertId" label={t('incidents.form.alert')}>
            <Select
              allowClear
              data-testid="incident-alert"
              placeholder={t('incidents.form.alertNone')}
              loading={alerts.isLoading}
              options={(alerts.data ?? []).map((a) => ({ value: a.id, label: `${pick(a.title.zh, a.title.en)}${a.roomName ? ` · ${a.roomName}` : ''}` }))}
              onChange={(id: string | undefined) => {
                const a = alerts.data?.find((x) => x.id === id);
                if (a && !form.getFieldValue('title')) form.setFieldValue('title', pick(a.title.zh, a.title.en));
              }}
            />
          </Form.Item>
        ) : (
          <Form.Item name="alertId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('incidents.form.title')} rules={[{ required: true, min: 3 }]}>
          <Input data-testid="incident-title" maxLength={120} />
        </Form.Item>
        <Form.Item name="severity" label={t('incidents.form.severity')} extra={<span data-testid="incident-severity-definition">{chosenSeverity ? `${pick(severityDefinitions[chosenSeverity].zh, severityDefinitions[chosenSeverity].en)}${pick("。", ". ")}` : ''}{t('incidents.form.severityHelp')}</span>} rules={[{ required: true }]}>
          <Select data-testid="incident-severity" options={severityOptions} optionLabelProp="value" />
        </Form.Item>
        {!alertId && !chosenAlert ? (
          <Form.Item name="teamId" label={t('incidents.form.team')} rules={[{ required: true }]}>
            <Select data-testid="incident-team" options={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="playbookId" label={t('incidents.form.playbook')}>
          <Select allowClear data-testid="incident-playbook" placeholder={t('incidents.form.playbookNone')} options={(playbooks.data ?? []).map((p) => ({ value: p.id, label: pick(p.nameZh, p.nameEn) }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('incidents.form.summary')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
