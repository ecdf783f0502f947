import { useEffect } from 'react';
import { App, Button, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEFAULT_LEVELS, PositionInput, type Level, type PositionView } from '../../../contracts/catalog';
import { parseForm, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useCreatePosition, useUpdatePosition } from './queries';

type PositionFormValues = PositionInput;

function initialValues(position: PositionView | null): Partial<PositionFormValues> {
  if (!position) {
    return { code: '', nameZh: '', nameEn: '', descriptionZh: '', descriptionEn: '', skills: [], selectionCriteria: [], levels: DEFAULT_LEVELS.map((l) => ({ ...l })), sortOrder: 0 };
  }
  return {
    code: position.code,
    nameZh: position.nameZh,
    nameEn: position.nameEn,
    descriptionZh: position.descriptionZh,
    descriptionEn: position.descriptionEn,
    skills: position.skills,
    selectionCriteria: position.selectionCriteria,
    levels: position.levels.map((l) => ({ ...l })),
    sortOrder: position.sortOrder,
  };
}

export function PositionDrawer({ open, position, onClose }: { open: boolean; position: PositionView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = useContractForm<PositionFormValues>();
  const create = useCreatePosition();
  const update = useUpdatePosition();
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues(position));
  }, [open, position, form]);

  const submit = (values: PositionFormValues) => {
    const input = parseForm(form, PositionInput, { ...values, levels: (values.levels ?? []).filter(Boolean) as Level[] }, t);
    if (!input) return;
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (position) update.mutate({ id: position.id, input }, { onSuccess: done, onError: (e) => showError(e, form) });
    else create.mutate(input, { onSuccess: done, onError: (e) => showError(e, form) });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={position ? t('position.editTitle') : t('position.createTitle')}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="position-submit">
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} data-testid="position-form">
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="code" label={t('field.code')} required extra={t('form.codeHint')}>
              <Input maxLength={40} data-testid="position-code" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sortOrder" label={t('field.sortOrder')}>
              <InputNumber min={0} max={10000} style={{ width: '100%' }} data-testid="position-sort-order" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="nameZh" label={t('field.nameZh')} required>
              <Input maxLength={60} data-testid="position-name-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="nameEn" label={t('field.nameEn')} required>
              <Input maxLength={80} data-testid="position-name-en" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="descriptionZh" label={t('field.descriptionZh')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="position-description-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="descriptionEn" label={t('field.descriptionEn')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="position-description-en" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="skills" label={t('field.skills')} extra={t('form.tagsHint')}>
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} data-testid="position-skills" />
        </Form.Item>
        <Form.Item name="selectionCriteria" label={t('field.selectionCriteria')} extra={t('form.tagsHint')}>
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} data-testid="position-criteria" />
        </Form.Item>
        <Divider titlePlacement="start" style={{ marginTop: 8 }}>
          {t('position.levels')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('position.levelsHint')}</Typography.Paragraph>
        <Form.List name="levels">
          {(fields, { add, remove, move }, { errors }) => (
            <Flex vertical gap={8} data-testid="position-levels">
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap={false}>
                  <Typography.Text type="secondary" style={{ width: 20, lineHeight: '32px', flex: 'none' }}>
                    {index + 1}
                  </Typography.Text>
                  <Form.Item name={[field.name, 'code']} style={{ flex: 1, marginBottom: 0 }}>
                    <Input placeholder={t('field.levelCode')} data-testid={`position-level-code-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'nameZh']} style={{ flex: 1, marginBottom: 0 }}>
                    <Input placeholder={t('field.levelNameZh')} data-testid={`position-level-name-zh-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'nameEn']} style={{ flex: 1, marginBottom: 0 }}>
                    <Input placeholder={t('field.levelNameEn')} data-testid={`position-level-name-en-${index}`} />
                  </Form.Item>
                  <Space.Compact>
                    <Tooltip title={t('action.moveUp')}>
                      <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('action.moveUp')} data-testid={`position-level-up-${index}`} />
                    </Tooltip>
                    <Tooltip title={t('action.moveDown')}>
                      <Button icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('action.moveDown')} data-testid={`position-level-down-${index}`} />
                    </Tooltip>
                    <Tooltip title={t('action.remove')}>
                      <Button danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(field.name)} aria-label={t('action.remove')} data-testid={`position-level-remove-${index}`} />
                    </Tooltip>
                  </Space.Compact>
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', nameZh: '', nameEn: '' })} disabled={fields.length >= 12} data-testid="position-level-add">
                {t('position.addLevel')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
