import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { ContentItemInput, type ContentKind } from '../../../contracts/content';
import { clearErrorsOnChange, parseForm, useContractForm } from '../../app/forms';
import { tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useProducts } from '../products/queries';
import { useRooms } from '../team/queries';
import { useKindOptions } from './labels';
import { useCreateContent } from './queries';

interface Values {
  kind: ContentKind;
  name: string;
  roomId?: string;
  productId?: string;
  body: string;
}

/** What the caller already knows: from a session page the session (and its room) and the kind are given. */
export interface ContentPreset {
  kind?: ContentKind;
  name?: string;
  sessionId?: string;
  roomId?: string;
}

/** A new script, title, cover text or product copy; opens its editor once saved (and scanned). */
export function CreateContentModal({ open, preset, onClose }: { open: boolean; preset: ContentPreset; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = useContractForm<Values>();
  const create = useCreateContent();
  const rooms = useRooms(undefined, open && !preset.sessionId);
  const kind = Form.useWatch('kind', form);
  const products = useProducts({}, open && kind === 'product_copy');
  const kindOptions = useKindOptions();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: preset.kind ?? 'script', name: preset.name ?? '', roomId: preset.roomId, body: '' });
  }, [open, preset, form]);

  const submit = (values: Values) => {
    const input = parseForm(form, ContentItemInput, { ...values, sessionId: preset.sessionId, roomId: preset.sessionId ? undefined : values.roomId }, t);
    if (!input) return;
    create.mutate(input, {
      onSuccess: (item) => {
        onClose();
        void navigate(`/content/${item.id}`);
      },
      onError: (e) => showError(e, form),
    });
  };

  return (
    <Modal
      open={open}
      title={t('content.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('content.createOk')}
      cancelText={t('action.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={tid('content-create-submit')}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)} onFinish={submit} data-testid="content-create-form">
        <Form.Item name="kind" label={t('content.kind')} required>
          <Select options={kindOptions} disabled={Boolean(preset.kind)} data-testid="content-create-kind" />
        </Form.Item>
        <Form.Item name="name" label={t('content.name')} required>
          <Input maxLength={120} data-testid="content-create-name" />
        </Form.Item>
        {preset.sessionId ? null : (
          <Form.Item name="roomId" label={t('field.room')} required extra={t('content.roomHint')}>
            <Select allowClear options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.displayName }))} data-testid="content-create-room" />
          </Form.Item>
        )}
        {kind === 'product_copy' ? (
          <Form.Item name="productId" label={t('content.product')}>
            <Select allowClear showSearch optionFilterProp="label" options={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.sku} · ${p.name}` }))} data-testid="content-create-product" />
          </Form.Item>
        ) : null}
        <Form.Item name="body" label={t('content.body')} required extra={t('content.bodyHint')}>
          <Input.TextArea rows={8} maxLength={50_000} data-testid="content-create-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
