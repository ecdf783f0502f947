import { useEffect } from 'react';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { DutyArea, DutyInput, type DutyView } from '../../../contracts/catalog';
import { parseForm, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useCreateDuty, useUpdateDuty } from './queries';

export function useAreaOptions() {
  const t = useT();
  return DutyArea.options.map((a) => ({ value: a, label: t(`area.${a}`) }));
}

export function DutyModal({ open, duty, onClose }: { open: boolean; duty: DutyView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = useContractForm<DutyInput>();
  const create = useCreateDuty();
  const update = useUpdateDuty();
  const areaOptions = useAreaOptions();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      duty
        ? { code: duty.code, nameZh: duty.nameZh, nameEn: duty.nameEn, descriptionZh: duty.descriptionZh, descriptionEn: duty.descriptionEn, area: duty.area, weeklyHours: duty.weeklyHours }
        : { code: '', nameZh: '', nameEn: '', descriptionZh: '', descriptionEn: '', area: 'execution', weeklyHours: 1 },
    );
  }, [open, duty, form]);

  const submit = (values: DutyInput) => {
    const input = parseForm(form, DutyInput, values, t);
    if (!input) return;
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (duty) update.mutate({ id: duty.id, input }, { onSuccess: done, onError: (e) => showError(e, form) });
    else create.mutate(input, { onSuccess: done, onError: (e) => showError(e, form) });
  };

  return (
    <Modal
      open={open}
      width={680}
      title={duty ? t('duty.editTitle') : t('duty.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={tid('duty-submit')}
      forceRender
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} data-testid="duty-form">
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="code" label={t('field.code')} required extra={t('form.codeHint')}>
              <Input maxLength={40} data-testid="duty-code" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="area" label={t('field.area')} required>
              <Select options={areaOptions} data-testid="duty-area" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="weeklyHours" label={t('field.weeklyHours')} required>
              <InputNumber min={0} max={168} step={0.25} precision={2} style={{ width: '100%' }} data-testid="duty-weekly-hours" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="nameZh" label={t('field.nameZh')} required>
              <Input maxLength={60} data-testid="duty-name-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="nameEn" label={t('field.nameEn')} required>
              <Input maxLength={80} data-testid="duty-name-en" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="descriptionZh" label={t('field.descriptionZh')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="duty-description-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="descriptionEn" label={t('field.descriptionEn')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="duty-description-en" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
