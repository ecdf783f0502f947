import { useEffect, useState } from 'react';
import { Alert, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Result, Row, Select, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { RecurringInput, type SessionView, type Violation } from '../../../contracts/planning';
import type { RoomView } from '../../../contracts/team';
import { clearErrorsOnChange, parseForm, useContractForm } from '../../app/forms';
import { tid, useShowError } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { useRecurring } from './queries';
import { DEFAULT_TIME_ZONE, formatRange, offsetLabel, yuanToFen } from './time';
import { ViolationList, violationsOf } from './violations';

interface RecurringValues {
  roomId?: string;
  title: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
  weekdays: number[];
  startTime?: Dayjs | null;
  endTime?: Dayjs | null;
  goals: { gmvFen?: number | null; viewers?: number | null; orders?: number | null };
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A weekly pattern of draft sessions, created all at once or not at all. */
export function RecurringModal({ open, rooms, defaultRoomId, onClose }: { open: boolean; rooms: RoomView[]; defaultRoomId?: string; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const showError = useShowError();
  const [form] = useContractForm<RecurringValues>();
  const recurring = useRecurring();
  const [created, setCreated] = useState<SessionView[] | null>(null);
  const [violations, setViolations] = useState<Violation[] | null>(null);
  const roomId = Form.useWatch('roomId', form);
  const zone = rooms.find((r) => r.id === roomId)?.timeZone ?? DEFAULT_TIME_ZONE;

  useEffect(() => {
    if (!open) return;
    setCreated(null);
    setViolations(null);
    form.resetFields();
    form.setFieldsValue({ roomId: defaultRoomId ?? rooms[0]?.id, title: '', dates: null, weekdays: [1, 2, 3, 4, 5], startTime: null, endTime: null, goals: {} });
  }, [open, form]);

  const submit = (values: RecurringValues) => {
    setViolations(null);
    const input = parseForm(
      form,
      RecurringInput,
      {
        roomId: values.roomId,
        title: values.title,
        fromDate: values.dates?.[0]?.format('YYYY-MM-DD'),
        toDate: values.dates?.[1]?.format('YYYY-MM-DD'),
        weekdays: values.weekdays ?? [],
        startTime: values.startTime?.format('HH:mm'),
        endTime: values.endTime?.format('HH:mm'),
        goals: { gmvFen: yuanToFen(values.goals?.gmvFen), viewers: values.goals?.viewers ?? null, orders: values.goals?.orders ?? null },
      },
      t,
    );
    // fromDate and toDate come from the one range picker: an empty range is its error.
    const noRange = !values.dates?.[0] || !values.dates?.[1];
    if (noRange) form.setFields([{ name: 'dates', errors: [t('form.required')] }]);
    if (!input || noRange) return;
    recurring.mutate(input, {
      onSuccess: (items) => setCreated(items),
      onError: (error) => {
        const found = violationsOf(error);
        if (found) setViolations(found);
        else showError(error, form);
      },
    });
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={700}
      forceRender
      title={t('recurring.title')}
      okText={created ? t('action.close') : t('recurring.submit')}
      cancelText={t('action.cancel')}
      cancelButtonProps={created ? { style: { display: 'none' } } : undefined}
      onOk={() => (created ? onClose() : form.submit())}
      confirmLoading={recurring.isPending}
      okButtonProps={tid(created ? 'recurring-close' : 'recurring-submit')}
    >
      {created ? (
        <Result
          status="success"
          title={<span data-testid="recurring-created">{t('recurring.created', { count: created.length })}</span>}
          subTitle={
            created.length ? (
              <Typography.Text type="secondary">
                {formatRange(created[0]!.plannedStart, created[0]!.plannedEnd, created[0]!.timeZone, locale)}
                {created.length > 1 ? ` … ${formatRange(created[created.length - 1]!.plannedStart, created[created.length - 1]!.plannedEnd, created[0]!.timeZone, locale)}` : ''}
              </Typography.Text>
            ) : null
          }
        />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} onValuesChange={clearErrorsOnChange(form)} data-testid="recurring-form">
          <Typography.Paragraph type="secondary">{t('recurring.hint')}</Typography.Paragraph>
          {violations ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('recurring.clashes')}
              description={<ViolationList violations={violations} />}
              data-testid="recurring-violations"
            />
          ) : null}
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="roomId" label={t('field.room')} required>
                <Select showSearch={{ optionFilterProp: 'label' }} options={rooms.map((r) => ({ value: r.id, label: r.displayName }))} data-testid="recurring-room" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="title" label={t('field.title')} required>
                <Input maxLength={120} data-testid="recurring-title-input" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="dates" label={t('recurring.dates')} required>
                <DatePicker.RangePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="recurring-dates" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="weekdays" label={t('recurring.weekdays')} required>
                <Checkbox.Group
                  options={WEEKDAYS.map((d) => ({ value: d, label: <span data-testid={`recurring-weekday-${d}`}>{t(`weekday.${d}`)}</span> }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="startTime" label={t('recurring.startTime')} required>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} data-testid="recurring-start" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="endTime" label={t('recurring.endTime')} required>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} data-testid="recurring-end" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Typography.Paragraph type="secondary" style={{ marginTop: 30 }}>
                {t('recurring.zoneHint', { zone, offset: offsetLabel(zone) })}
              </Typography.Paragraph>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={['goals', 'gmvFen']} label={t('field.goalGmv')}>
                <InputNumber min={0} precision={2} step={1000} prefix="¥" style={{ width: '100%' }} data-testid="recurring-goal-gmv" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={['goals', 'viewers']} label={t('field.goalViewers')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={['goals', 'orders']} label={t('field.goalOrders')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </Modal>
  );
}
