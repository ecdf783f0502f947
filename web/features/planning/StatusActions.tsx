import { useState, type ReactNode } from 'react';
import { App, Button, Flex, Input, Modal, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, PlayCircleOutlined, RollbackOutlined, ScheduleOutlined, StopOutlined } from '@ant-design/icons';
import type { Override, SessionStatus, SessionView } from '../../../contracts/planning';
import { tid, useShowError } from '../../app/ui';
import { useT, type MessageKey } from '../../i18n';
import { useChangeStatus } from './queries';
import { useRuleGuard } from './violations';

interface Action {
  key: 'schedule' | 'go-live' | 'end' | 'review' | 'cancel' | 'back-to-draft';
  to: SessionStatus;
  label: MessageKey;
  icon: ReactNode;
  primary?: boolean;
  danger?: boolean;
}

const SCHEDULE: Action = { key: 'schedule', to: 'scheduled', label: 'sessionAction.schedule', icon: <ScheduleOutlined />, primary: true };
const GO_LIVE: Action = { key: 'go-live', to: 'live', label: 'sessionAction.goLive', icon: <PlayCircleOutlined />, primary: true };
const END: Action = { key: 'end', to: 'ended', label: 'sessionAction.end', icon: <StopOutlined />, primary: true };
const REVIEW: Action = { key: 'review', to: 'reviewed', label: 'sessionAction.review', icon: <CheckCircleOutlined />, primary: true };
const CANCEL: Action = { key: 'cancel', to: 'cancelled', label: 'sessionAction.cancel', icon: <CloseCircleOutlined />, danger: true };
const DRAFT: Action = { key: 'back-to-draft', to: 'draft', label: 'sessionAction.backToDraft', icon: <RollbackOutlined /> };

/** The moves the server allows from each status (draft → scheduled → live → ended → reviewed; cancel; back to draft). */
const ACTIONS: Record<SessionStatus, Action[]> = {
  draft: [SCHEDULE, CANCEL],
  scheduled: [GO_LIVE, DRAFT, CANCEL],
  live: [END],
  ended: [REVIEW],
  reviewed: [],
  cancelled: [DRAFT],
};

export function StatusActions({ session }: { session: SessionView }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const change = useChangeStatus();
  const guard = useRuleGuard();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const run = (action: Action, reasonText?: string) => {
    setBusy(action.key);
    void guard
      .run((override?: Override) => change.mutateAsync({ id: session.id, input: { status: action.to, reason: reasonText, override } }), {
        onSuccess: () => {
          void message.success(t('sessionAction.done', { status: t(`sessionStatus.${action.to}`) }));
          setCancelling(false);
          setReason('');
        },
        onError: (e) => showError(e),
      })
      .finally(() => setBusy(null));
  };

  const actions = ACTIONS[session.status];
  if (!actions.length) return <Typography.Text type="secondary">{t('sessionAction.none')}</Typography.Text>;

  return (
    <>
      <Flex gap={8} wrap data-testid="session-status-actions">
        {actions.map((a) => (
          <Button
            key={a.key}
            type={a.primary ? 'primary' : 'default'}
            danger={a.danger}
            icon={a.icon}
            loading={busy === a.key}
            onClick={() => (a.key === 'cancel' ? setCancelling(true) : run(a))}
            data-testid={`session-status-${a.key}`}
          >
            {t(a.label)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={cancelling}
        onCancel={() => setCancelling(false)}
        destroyOnHidden
        title={t('sessionAction.cancelTitle', { title: session.title })}
        okText={t('sessionAction.cancel')}
        cancelText={t('action.close')}
        okButtonProps={{ danger: true, loading: busy === 'cancel', ...tid('session-cancel-confirm') }}
        onOk={() => {
          if (!reason.trim()) {
            setReasonError(true);
            return;
          }
          run(CANCEL, reason.trim());
        }}
      >
        <Typography.Paragraph type="secondary">{t('sessionAction.cancelHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          status={reasonError ? 'error' : undefined}
          placeholder={t('sessionAction.cancelReason')}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonError(false);
          }}
          data-testid="session-cancel-reason"
        />
        {reasonError ? <Typography.Text type="danger">{t('form.required')}</Typography.Text> : null}
      </Modal>
      {guard.modal}
    </>
  );
}
