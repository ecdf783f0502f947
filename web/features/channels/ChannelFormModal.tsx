import { useEffect } from 'react';
import { App, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { ChannelInput, ChannelKind, ChannelUpdateInput, type ChannelView } from '../../../contracts/channels';
import type { Locale } from '../../../contracts/common';
import { clearErrorsOnChange, parseForm, useContractForm } from '../../app/forms';
import { tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useCreateChannel, useUpdateChannel } from './queries';

interface Values {
  name: string;
  kind: ChannelKind;
  url: string;
  secret: string;
  clearSecret: boolean;
  locale: Locale;
  enabled: boolean;
}

export function ChannelFormModal({ open, channel, onClose }: { open: boolean; channel: ChannelView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = useContractForm<Values>();
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const clearSecret = Form.useWatch('clearSecret', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      channel
        ? { name: channel.name, kind: channel.kind, url: '', secret: '', clearSecret: false, locale: channel.locale, enabled: channel.enabled }
        : { name: '', kind: 'wecom', url: '', secret: '', clearSecret: false, locale: 'zh-CN', enabled: true },
    );
  }, [open, channel, form]);

  const submit = (values: Values) => {
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    const secret = values.secret.trim() ? values.secret : undefined;
    if (channel) {
      // Address and secret are write-only: empty keeps the stored ones.
      const input = parseForm(form, ChannelUpdateInput, { name: values.name, kind: values.kind, locale: values.locale, enabled: values.enabled, url: values.url.trim() ? values.url : undefined, secret: values.clearSecret ? null : secret }, t);
      if (input) update.mutate({ id: channel.id, input }, { onSuccess: done, onError: (e) => showError(e, form) });
    } else {
      const input = parseForm(form, ChannelInput, { name: values.name, kind: values.kind, url: values.url, locale: values.locale, enabled: values.enabled, secret }, t);
      if (input) create.mutate(input, { onSuccess: done, onError: (e) => showError(e, form) });
    }
  };

  return (
    <Modal
      open={open}
      title={channel ? t('channels.editTitle') : t('channels.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={tid('channel-submit')}
      forceRender
    >
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)} onFinish={submit} data-testid="channel-form">
        <Form.Item name="name" label={t('channels.field.name')} required>
          <Input maxLength={80} data-testid="channel-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('channels.field.kind')} required>
          <Select options={ChannelKind.options.map((k) => ({ value: k, label: t(`channels.kind.${k}`) }))} data-testid="channel-kind" />
        </Form.Item>
        <Form.Item name="url" label={t('channels.field.url')} required={!channel} extra={channel ? t('channels.field.urlKeep', { url: channel.urlMasked }) : t('channels.field.urlHint')}>
          <Input maxLength={2000} placeholder="https://" data-testid="channel-url" />
        </Form.Item>
        <Form.Item name="secret" label={t('channels.field.secret')} extra={channel?.hasSecret ? t('channels.field.secretKeep') : t('channels.field.secretHint')}>
          <Input.Password maxLength={500} autoComplete="new-password" disabled={clearSecret} data-testid="channel-secret" />
        </Form.Item>
        {channel?.hasSecret ? (
          <Form.Item name="clearSecret" valuePropName="checked">
            <Checkbox data-testid="channel-clear-secret">{t('channels.field.clearSecret')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="locale" label={t('channels.field.locale')} required>
          <Select options={[{ value: 'zh-CN', label: '简体中文' }, { value: 'en-US', label: 'English' }]} data-testid="channel-locale" />
        </Form.Item>
        <Form.Item name="enabled" label={t('channels.field.enabled')} valuePropName="checked">
          <Switch data-testid="channel-enabled" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
