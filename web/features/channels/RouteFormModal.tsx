import { useEffect } from 'react';
import { App, Form, Modal, Select, Typography } from 'antd';
import { NoticeSeverity, OutboxKind, RouteInput, type ChannelView, type RouteView } from '../../../contracts/channels';
import { clearErrorsOnChange, parseForm, useContractForm } from '../../app/forms';
import { tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useRooms, useTeams } from '../team/queries';
import { useCreateRoute, useUpdateRoute } from './queries';

const ANY = '';

interface Values {
  channelId: string;
  kind: string;
  minSeverity: string;
  teamId: string;
  roomId: string;
}

const orNull = (v: string) => (v === ANY ? null : v);

export function RouteFormModal({ open, route, channels, onClose }: { open: boolean; route: RouteView | null; channels: ChannelView[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = useContractForm<Values>();
  const create = useCreateRoute();
  const update = useUpdateRoute();
  const teams = useTeams(open);
  const teamId = Form.useWatch('teamId', form);
  const rooms = useRooms(undefined, open);
  const any = { value: ANY, label: t('channels.route.any') };

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      route
        ? { channelId: route.channelId, kind: route.kind ?? ANY, minSeverity: route.minSeverity ?? ANY, teamId: route.teamId ?? ANY, roomId: route.roomId ?? ANY }
        : { channelId: channels[0]?.id, kind: ANY, minSeverity: ANY, teamId: ANY, roomId: ANY },
    );
  }, [open, route, channels, form]);

  const submit = (values: Values) => {
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    const input = parseForm(form, RouteInput, { channelId: values.channelId, kind: orNull(values.kind), minSeverity: orNull(values.minSeverity), teamId: orNull(values.teamId), roomId: orNull(values.roomId) }, t);
    if (!input) return;
    if (route) update.mutate({ id: route.id, input }, { onSuccess: done, onError: (e) => showError(e, form) });
    else create.mutate(input, { onSuccess: done, onError: (e) => showError(e, form) });
  };

  const roomOptions = (rooms.data ?? []).filter((r) => !teamId || r.teamId === teamId).map((r) => ({ value: r.id, label: r.displayName }));

  return (
    <Modal
      open={open}
      title={route ? t('channels.route.editTitle') : t('channels.route.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={tid('route-submit')}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('channels.route.help')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed: Partial<Values>, all) => {
          clearErrorsOnChange(form)(changed);
          // A room of another team cannot match: clear it when the team changes.
          if ('teamId' in changed && all.roomId && !(rooms.data ?? []).some((r) => r.id === all.roomId && (!changed.teamId || r.teamId === changed.teamId))) form.setFieldValue('roomId', ANY);
        }}
        onFinish={submit}
        data-testid="route-form"
      >
        <Form.Item name="channelId" label={t('channels.route.channel')} required>
          <Select options={channels.map((c) => ({ value: c.id, label: c.name }))} data-testid="route-channel" />
        </Form.Item>
        <Form.Item name="kind" label={t('channels.route.kind')}>
          <Select options={[any, ...OutboxKind.options.map((k) => ({ value: k, label: t(`channels.outboxKind.${k}`) }))]} data-testid="route-kind" />
        </Form.Item>
        <Form.Item name="minSeverity" label={t('channels.route.minSeverity')}>
          <Select options={[any, ...NoticeSeverity.options.map((s) => ({ value: s, label: t(`channels.severity.${s}`) }))]} data-testid="route-severity" />
        </Form.Item>
        <Form.Item name="teamId" label={t('channels.route.team')}>
          <Select showSearch optionFilterProp="label" options={[any, ...(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))]} data-testid="route-team" />
        </Form.Item>
        <Form.Item name="roomId" label={t('channels.route.room')}>
          <Select showSearch optionFilterProp="label" options={[any, ...roomOptions]} data-testid="route-room" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
