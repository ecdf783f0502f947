import { useEffect } from 'react';
import { App, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { Platform, RoomInput, RoomUpdateInput, type RoomView, type TeamView } from '../../../contracts/team';
import { SessionRole } from '../../../contracts/planning';
import { DEFAULT_TIME_ZONE } from '../../../contracts/common';
import { parseForm, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { timeZoneOptions } from '../../app/time-zones';
import { tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useCreateRoom, useUpdateRoom } from './queries';

interface RoomFormValues {
  teamId: string;
  platform: Platform;
  accountId: string;
  displayName: string;
  timeZone: string;
  requiredRoles: SessionRole[];
  requireApprovedContent: boolean;
  secret?: string;
  clearSecret?: boolean;
}

export function usePlatformOptions() {
  const t = useT();
  return Platform.options.map((p) => ({ value: p, label: t(`platform.${p}`) }));
}

export function useSessionRoleOptions() {
  const t = useT();
  return SessionRole.options.map((r) => ({ value: r, label: t(`sessionRole.${r}`) }));
}

// The contract's default crew for a new room (host, field control, console).
const DEFAULT_REQUIRED_ROLES = RoomInput.shape.requiredRoles.parse(undefined);

export function RoomFormModal({
  open,
  room,
  teamId,
  teams,
  onClose,
}: {
  open: boolean;
  room: RoomView | null;
  teamId: string | null;
  teams: TeamView[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = useContractForm<RoomFormValues>();
  const create = useCreateRoom();
  const update = useUpdateRoom();
  const platformOptions = usePlatformOptions();
  const roleOptions = useSessionRoleOptions();
  const clearSecret = Form.useWatch('clearSecret', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      room
        ? { teamId: room.teamId, platform: room.platform, accountId: room.accountId, displayName: room.displayName, timeZone: room.timeZone, requiredRoles: room.requiredRoles, requireApprovedContent: room.requireApprovedContent, secret: '', clearSecret: false }
        : { teamId: teamId ?? teams[0]?.id, platform: 'douyin', accountId: '', displayName: '', timeZone: DEFAULT_TIME_ZONE, requiredRoles: DEFAULT_REQUIRED_ROLES, requireApprovedContent: true, secret: '' },
    );
  }, [open, room, teamId, teams, form]);

  const submit = (values: RoomFormValues) => {
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    const secret = values.secret ? values.secret : undefined;
    if (room) {
      // The secret is write-only: empty keeps the stored one, "remove" sends null.
      const input = parseForm(form, RoomUpdateInput, { ...values, clearSecret: undefined, secret: values.clearSecret ? null : secret }, t);
      if (input) update.mutate({ id: room.id, input }, { onSuccess: done, onError: (e) => showError(e, form) });
    } else {
      const input = parseForm(form, RoomInput, { ...values, clearSecret: undefined, secret }, t);
      if (input) create.mutate(input, { onSuccess: done, onError: (e) => showError(e, form) });
    }
  };

  return (
    <Modal
      open={open}
      title={room ? t('room.editTitle') : t('room.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={tid('room-submit')}
      forceRender
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} data-testid="room-form">
        <Form.Item name="teamId" label={t('field.team')} required>
          <Select options={teams.map((team) => ({ value: team.id, label: team.name }))} data-testid="room-team" />
        </Form.Item>
        <Form.Item name="platform" label={t('field.platform')} required>
          <Select options={platformOptions} data-testid="room-platform" />
        </Form.Item>
        <Form.Item name="accountId" label={t('field.accountId')} required extra={t('room.accountIdHint')}>
          <Input maxLength={100} data-testid="room-account-id" />
        </Form.Item>
        <Form.Item name="displayName" label={t('field.roomName')} required>
          <Input maxLength={100} data-testid="room-display-name" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('field.timeZone')} required>
          <Select showSearch options={timeZoneOptions(room?.timeZone)} data-testid="room-time-zone" />
        </Form.Item>
        <Form.Item name="requiredRoles" label={t('field.requiredRoles')} extra={t('room.requiredRolesHint')}>
          <Select mode="multiple" allowClear options={roleOptions} data-testid="room-required-roles" />
        </Form.Item>
        <Form.Item name="requireApprovedContent" label={t('room.requireApprovedContent')} valuePropName="checked" extra={t('room.requireApprovedContentHint')}>
          <Switch data-testid="room-require-approved-content" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('field.pushSecret')}
          extra={room?.hasSecret ? t('room.secretKeepHint') : t('room.secretHint')}
        >
          <Input.Password
            autoComplete="off"
            disabled={Boolean(clearSecret)}
            placeholder={room?.hasSecret ? t('room.secretSetPlaceholder') : undefined}
            data-testid="room-secret"
          />
        </Form.Item>
        {room?.hasSecret ? (
          <Form.Item name="clearSecret" valuePropName="checked">
            <Checkbox data-testid="room-clear-secret">{t('room.clearSecret')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
