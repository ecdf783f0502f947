import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { TeamInput, type TeamView } from '../../../contracts/team';
import { parseForm, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useCreateTeam, useUpdateTeam } from './queries';

export function TeamFormModal({ open, team, onClose }: { open: boolean; team: TeamView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = useContractForm<TeamInput>();
  const create = useCreateTeam();
  const update = useUpdateTeam();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(team ? { name: team.name, description: team.description } : { name: '', description: '' });
  }, [open, team, form]);

  const submit = (values: TeamInput) => {
    const input = parseForm(form, TeamInput, values, t);
    if (!input) return;
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (team) update.mutate({ id: team.id, input }, { onSuccess: done, onError: (e) => showError(e, form) });
    else create.mutate(input, { onSuccess: done, onError: (e) => showError(e, form) });
  };

  return (
    <Modal
      open={open}
      title={team ? t('team.editTitle') : t('team.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={tid('team-submit')}
      forceRender
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} data-testid="team-form">
        <Form.Item name="name" label={t('field.name')} required>
          <Input maxLength={60} data-testid="team-name" />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="team-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
