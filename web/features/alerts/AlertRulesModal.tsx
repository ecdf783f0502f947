import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Form, InputNumber, Modal, Select, Switch, Tag, Typography } from 'antd';
import { AlertThresholds, type AlertThresholds as Thresholds } from '../../../contracts/alerts';
import { useCan } from '../../app/session';
import { useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/en-US';
import { useRooms } from '../team/queries';
import { usePutRoomAlertRules, useRoomAlertRules } from './queries';

type Group = keyof Thresholds;
const FIELDS: { group: Group; kind: MessageKey; fields: { name: string; label: MessageKey; min: number; max: number; step?: number; switch?: boolean }[] }[] = [
  {
    group: 'compliance',
    kind: 'alerts.kind.compliance',
    fields: [
      { name: 'blockSpeech', label: 'alerts.rulesForm.compliance.blockSpeech', min: 0, max: 1, switch: true },
      { name: 'warnCount', label: 'alerts.rulesForm.compliance.warnCount', min: 1, max: 1000 },
      { name: 'windowMinutes', label: 'alerts.rulesForm.compliance.windowMinutes', min: 1, max: 240 },
    ],
  },
  {
    group: 'sentiment',
    kind: 'alerts.kind.sentiment_surge',
    fields: [
      { name: 'multiple', label: 'alerts.rulesForm.sentiment.multiple', min: 1, max: 50, step: 0.5 },
      { name: 'minRatio', label: 'alerts.rulesForm.sentiment.minRatio', min: 0, max: 1, step: 0.05 },
      { name: 'minVolume', label: 'alerts.rulesForm.sentiment.minVolume', min: 1, max: 100000 },
    ],
  },
  {
    group: 'viewerDrop',
    kind: 'alerts.kind.viewer_drop',
    fields: [
      { name: 'percent', label: 'alerts.rulesForm.viewerDrop.percent', min: 1, max: 100 },
      { name: 'windowMinutes', label: 'alerts.rulesForm.viewerDrop.windowMinutes', min: 1, max: 120 },
      { name: 'minViewers', label: 'alerts.rulesForm.viewerDrop.minViewers', min: 0, max: 10_000_000 },
    ],
  },
  { group: 'streamSilent', kind: 'alerts.kind.stream_silent', fields: [{ name: 'minutes', label: 'alerts.rulesForm.streamSilent.minutes', min: 1, max: 240 }] },
  {
    group: 'gmvPace',
    kind: 'alerts.kind.gmv_pace',
    fields: [
      { name: 'behindPercent', label: 'alerts.rulesForm.gmvPace.behindPercent', min: 1, max: 100 },
      { name: 'warmupMinutes', label: 'alerts.rulesForm.gmvPace.warmupMinutes', min: 0, max: 600 },
    ],
  },
];

/** Per-room thresholds: pick a room, edit, save (room:write), or put it back on the defaults. */
export function AlertRulesModal({ open, onClose, initialRoomId }: { open: boolean; onClose: () => void; initialRoomId?: string }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const rooms = useRooms(undefined, open);
  const [roomId, setRoomId] = useState<string | undefined>(initialRoomId);
  const rules = useRoomAlertRules(open ? roomId : undefined);
  const save = usePutRoomAlertRules(roomId);
  const [form] = Form.useForm<{ thresholds: Thresholds }>();
  const canWrite = can('room:write');

  useEffect(() => {
    if (!roomId && rooms.data?.length) setRoomId(initialRoomId ?? rooms.data[0]!.id);
  }, [rooms.data, roomId, initialRoomId]);
  useEffect(() => {
    if (rules.data) form.setFieldsValue({ thresholds: rules.data.thresholds });
  }, [rules.data, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const parsed = AlertThresholds.safeParse(values.thresholds);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: ['thresholds', ...i.path.map(String)] as never, errors: [i.message] })));
      return;
    }
    save.mutate({ thresholds: parsed.data }, { onSuccess: () => void message.success(t('alerts.rulesForm.saved')), onError: (err) => showError(err, form) });
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('alerts.rulesForm.title')}
      width={720}
      destroyOnHidden
      footer={
        canWrite ? (
          <Flex justify="space-between">
            <Button disabled={!rules.data?.custom} onClick={() => save.mutate({ thresholds: null }, { onSuccess: () => void message.success(t('alerts.rulesForm.saved')), onError: (err) => showError(err) })} data-testid="alert-rules-reset">
              {t('alerts.rulesForm.reset')}
            </Button>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="alert-rules-save">
              {t('action.save')}
            </Button>
          </Flex>
        ) : null
      }
      data-testid="alert-rules-modal"
    >
      <Flex gap={12} align="center" style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t('alerts.rulesForm.room')}</Typography.Text>
        <Select
          style={{ minWidth: 240 }}
          placeholder={t('alerts.rulesForm.pickRoom')}
          value={roomId}
          onChange={setRoomId}
          options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.displayName }))}
          data-testid="alert-rules-room"
        />
        {rules.data ? <Tag color={rules.data.custom ? 'blue' : 'default'}>{t(rules.data.custom ? 'alerts.rulesForm.custom' : 'alerts.rulesForm.defaults')}</Tag> : null}
      </Flex>
      <Form form={form} layout="vertical" disabled={!canWrite || !rules.data} requiredMark={false}>
        <Flex vertical gap={10}>
          {FIELDS.map((g) => (
            <Card key={g.group} size="small" title={t(g.kind)} extra={<Form.Item name={['thresholds', g.group, 'enabled']} valuePropName="checked" noStyle><Switch size="small" /></Form.Item>}>
              <Flex gap={12} wrap>
                {g.fields.map((f) =>
                  f.switch ? (
                    <Form.Item key={f.name} name={['thresholds', g.group, f.name]} label={t(f.label)} valuePropName="checked" style={{ marginBottom: 0, width: '100%' }}>
                      <Switch />
                    </Form.Item>
                  ) : (
                    <Form.Item key={f.name} name={['thresholds', g.group, f.name]} label={t(f.label)} style={{ marginBottom: 0, width: 200 }} rules={[{ required: true }]}>
                      <InputNumber min={f.min} max={f.max} step={f.step ?? 1} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                )}
              </Flex>
            </Card>
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}
