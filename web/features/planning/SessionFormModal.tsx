import { useEffect, useMemo } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { SessionInput, SessionUpdateInput, type Override, type SessionView } from '../../../contracts/planning';
import type { RoomView } from '../../../contracts/team';
import { clearErrorsOnChange, parseForm, useContractForm } from '../../app/forms';
import { tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useCreateSession, useUpdateSession } from './queries';
import { DEFAULT_TIME_ZONE, fenToYuan, isoToPicked, offsetLabel, pickedToIso, yuanToFen } from './time';
import { useRuleGuard } from './violations';

interface SessionFormValues {
  roomId?: string;
  title: string;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  goals: { gmvFen?: number | null; viewers?: number | null; orders?: number | null };
  notes?: string;
}

const same = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/** Create a session, or edit one (times and room moves are rule-checked; a 409 explains what breaks). */
export function SessionFormModal({
  open,
  session,
  rooms,
  defaultRoomId,
  onClose,
}: {
  open: boolean;
  session: SessionView | null;
  rooms: RoomView[];
  defaultRoomId?: string;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = useContractForm<SessionFormValues>();
  const create = useCreateSession();
  const update = useUpdateSession();
  const guard = useRuleGuard();
  const roomId = Form.useWatch('roomId', form);
  const zone = useMemo(() => rooms.find((r) => r.id === roomId)?.timeZone ?? session?.timeZone ?? DEFAULT_TIME_ZONE, [rooms, roomId, session]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (session) {
      form.setFieldsValue({
        roomId: session.roomId,
        title: session.title,
        plannedStart: isoToPicked(session.plannedStart, session.timeZone),
        plannedEnd: isoToPicked(session.plannedEnd, session.timeZone),
        goals: { gmvFen: fenToYuan(session.goals.gmvFen), viewers: session.goals.viewers, orders: session.goals.orders },
        notes: session.notes,
      });
    } else {
      form.setFieldsValue({ roomId: defaultRoomId ?? rooms[0]?.id, title: '', plannedStart: null, plannedEnd: null, goals: {}, notes: '' });
    }
  }, [open, session, form]);

  const submit = (values: SessionFormValues) => {
    const roomZone = rooms.find((r) => r.id === values.roomId)?.timeZone ?? DEFAULT_TIME_ZONE;
    const common = {
      roomId: values.roomId,
      title: values.title,
      plannedStart: values.plannedStart ? pickedToIso(values.plannedStart, roomZone) : undefined,
      plannedEnd: values.plannedEnd ? pickedToIso(values.plannedEnd, roomZone) : undefined,
      goals: {
        gmvFen: yuanToFen(values.goals?.gmvFen),
        viewers: values.goals?.viewers ?? null,
        orders: values.goals?.orders ?? null,
      },
      notes: values.notes ?? '',
    };
    if (session) {
      const input = parseForm(form, SessionInput.omit({ override: true }), common, t);
      if (!input) return;
      // Only a real move of the times or the room is sent: those are rule-checked and locked once live.
      const changes = SessionUpdateInput.parse({
        title: input.title,
        goals: input.goals,
        notes: input.notes,
        ...(same(input.plannedStart, session.plannedStart) ? {} : { plannedStart: input.plannedStart }),
        ...(same(input.plannedEnd, session.plannedEnd) ? {} : { plannedEnd: input.plannedEnd }),
        ...(input.roomId === session.roomId ? {} : { roomId: input.roomId }),
      });
      void guard.run((override?: Override) => update.mutateAsync({ id: session.id, input: { ...changes, override } }), {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => showError(e, form),
      });
    } else {
      const input = parseForm(form, SessionInput, common, t);
      if (!input) return;
      void guard.run((override?: Override) => create.mutateAsync({ ...input, override }), {
        onSuccess: (created) => {
          void message.success(t('session.created'));
          onClose();
          void navigate(`/sessions/${created.id}`);
        },
        onError: (e) => showError(e, form),
      });
    }
  };

  return (
    <>
      <Modal
        open={open}
        onCancel={onClose}
        width={680}
        forceRender
        title={session ? t('session.editTitle') : t('session.createTitle')}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        onOk={() => form.submit()}
        confirmLoading={create.isPending || update.isPending}
        okButtonProps={tid('session-submit')}
      >
        <Form form={form} layout="vertical" onFinish={submit} onValuesChange={clearErrorsOnChange(form)} data-testid="session-form">
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="roomId" label={t('field.room')} required>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={rooms.map((r) => ({ value: r.id, label: r.displayName }))}
                  data-testid="session-room"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="title" label={t('field.title')} required>
                <Input maxLength={120} data-testid="session-title" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="plannedStart" label={t('field.plannedStart')} required>
                <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="session-start" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="plannedEnd" label={t('field.plannedEnd')} required>
                <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="session-end" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-testid="session-zone-hint">
                {t('session.zoneHint', { zone, offset: offsetLabel(zone) })}
              </Typography.Paragraph>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={['goals', 'gmvFen']} label={t('field.goalGmv')}>
                <InputNumber min={0} precision={2} step={1000} style={{ width: '100%' }} prefix="¥" data-testid="session-goal-gmv" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={['goals', 'viewers']} label={t('field.goalViewers')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="session-goal-viewers" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={['goals', 'orders']} label={t('field.goalOrders')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="session-goal-orders" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="notes" label={t('field.notes')}>
                <Input.TextArea rows={3} maxLength={4000} data-testid="session-notes" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
      {guard.modal}
    </>
  );
}
