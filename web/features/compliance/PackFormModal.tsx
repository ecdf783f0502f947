import { useEffect } from 'react';
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { ALL_EVASION, EvasionFamily, PackInput, PackUpdateInput, type PackView } from '../../../contracts/compliance';
import { clearErrorsOnChange, parseForm, useContractForm } from '../../app/forms';
import { tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useComplianceLabels } from './labels';
import { useCreatePack, useUpdatePack } from './queries';

interface Values {
  key: string;
  nameZh: string;
  nameEn: string;
  evasion: EvasionFamily[];
}

/** Creates a pack (then opens it), or renames one; evasion switches are edited on the pack page. */
export function PackFormModal({ open, pack, onClose }: { open: boolean; pack: PackView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const labels = useComplianceLabels();
  const [form] = useContractForm<Values>();
  const create = useCreatePack();
  const update = useUpdatePack();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(pack ? { key: pack.key, nameZh: pack.nameZh, nameEn: pack.nameEn, evasion: [] } : { key: '', nameZh: '', nameEn: '', evasion: [...EvasionFamily.options] });
  }, [open, pack, form]);

  const submit = (values: Values) => {
    if (pack) {
      const input = parseForm(form, PackUpdateInput, { nameZh: values.nameZh, nameEn: values.nameEn }, t);
      if (!input) return;
      update.mutate({ id: pack.id, input }, { onSuccess: () => { void message.success(t('common.saved')); onClose(); }, onError: (e) => showError(e, form) });
      return;
    }
    const evasion = Object.fromEntries(EvasionFamily.options.map((f) => [f, (values.evasion ?? []).includes(f)])) as typeof ALL_EVASION;
    const input = parseForm(form, PackInput, { key: values.key, nameZh: values.nameZh, nameEn: values.nameEn, evasion }, t);
    if (!input) return;
    create.mutate(input, {
      onSuccess: (created) => {
        void message.success(t('common.saved'));
        onClose();
        void navigate(`/compliance/packs/${created.id}`);
      },
      onError: (e) => showError(e, form),
    });
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      forceRender
      title={pack ? t('compliance.pack.editTitle', { name: labels.pick(pack.nameZh, pack.nameEn) }) : t('compliance.pack.createTitle')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: create.isPending || update.isPending, ...tid('pack-submit') }}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={clearErrorsOnChange(form)} data-testid="pack-form">
        <Form.Item name="key" label={t('compliance.key')} required={!pack} extra={pack ? undefined : t('compliance.rule.keyHint')}>
          <Input disabled={Boolean(pack)} maxLength={64} placeholder="team.extra" data-testid="pack-key" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('compliance.nameZh')} required>
          <Input maxLength={80} data-testid="pack-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('compliance.nameEn')} required>
          <Input maxLength={80} data-testid="pack-name-en" />
        </Form.Item>
        {pack ? null : (
          <Form.Item name="evasion" label={t('compliance.pack.evasion')}>
            <Checkbox.Group options={labels.evasionOptions} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
