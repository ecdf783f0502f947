import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Input, Modal, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { Override, Violation } from '../../../contracts/planning';
import { ApiError } from '../../app/api';
import { useCan } from '../../app/session';
import { useShowError } from '../../app/ui';
import { useT } from '../../i18n';

const ViolationDetails = z.object({ violations: z.array(Violation) });

/** The explained rules of a 409 session/rule-violation, or null for any other error. */
export function violationsOf(error: unknown): Violation[] | null {
  if (!(error instanceof ApiError) || error.code !== 'session/rule-violation') return null;
  const parsed = ViolationDetails.safeParse(error.details);
  return parsed.success ? parsed.data.violations : [];
}

/** Rules a manager cannot override: the plan itself is impossible. */
const HARD = new Set<Violation['code']>(['end-before-start', 'too-long']);

export function canBeOverridden(violations: Violation[]): boolean {
  const blocking = violations.filter((v) => v.severity === 'block');
  return blocking.length > 0 && !blocking.some((v) => HARD.has(v.code));
}

/** Each violation's own (already localized) message; blocking ones in red, warnings in orange. */
export function ViolationList({ violations, testId = 'violations-list', compact }: { violations: Violation[]; testId?: string; compact?: boolean }) {
  const t = useT();
  const sorted = [...violations].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
  return (
    <Flex vertical gap={compact ? 4 : 8} data-testid={testId}>
      {sorted.map((v, i) => (
        <Flex key={`${v.code}-${v.personId ?? ''}-${v.otherSessionId ?? ''}-${i}`} gap={8} align="flex-start" data-testid={`violation-${v.code}`} data-severity={v.severity}>
          <Tag color={v.severity === 'block' ? 'red' : 'orange'} style={{ marginInlineEnd: 0, flex: 'none' }}>
            {t(v.severity === 'block' ? 'violation.block' : 'violation.warn')}
          </Tag>
          <Typography.Text type={v.severity === 'block' ? 'danger' : 'warning'} style={{ fontSize: compact ? 12 : undefined }}>
            {v.message}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** The current problems of a session, shown at the top of its page. */
export function ViolationsAlert({ violations }: { violations: Violation[] }) {
  const t = useT();
  if (!violations.length) return null;
  const blocking = violations.some((v) => v.severity === 'block');
  return (
    <Alert
      type={blocking ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={t(blocking ? 'violation.currentBlocking' : 'violation.currentWarnings', { count: violations.length })}
      description={<ViolationList violations={violations} testId="session-violations-list" />}
      data-testid="session-violations"
    />
  );
}

interface Pending {
  violations: Violation[];
  /** Sends the same change again with an override; null when the write takes none. */
  retry: ((override: Override) => Promise<unknown>) | null;
  onCancel?: () => void;
}

/**
 * Runs a rule-checked write. A 409 session/rule-violation opens a modal that explains every violated rule and,
 * for users holding session:override, offers to send the change again with a reason.
 */
export function useRuleGuard() {
  const showError = useShowError();
  const [pending, setPending] = useState<Pending | null>(null);

  function run<T>(
    send: (override?: Override) => Promise<T>,
    options: { onSuccess?: (result: T) => void; onError?: (error: unknown) => void; onCancel?: () => void; overridable?: boolean } = {},
  ): Promise<void> {
    const { onSuccess, onError, onCancel, overridable = true } = options;
    return send().then(
      (result) => onSuccess?.(result),
      (error: unknown) => {
        const violations = violationsOf(error);
        if (violations) {
          setPending({
            violations,
            retry: overridable ? (override) => send(override).then((result) => onSuccess?.(result)) : null,
            onCancel,
          });
        } else if (onError) onError(error);
        else showError(error);
      },
    );
  }

  const modal: ReactNode = <ViolationModal pending={pending} onUpdate={setPending} />;
  return { run, modal };
}

function ViolationModal({ pending, onUpdate }: { pending: Pending | null; onUpdate: (next: Pending | null) => void }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    pending?.onCancel?.();
    onUpdate(null);
    setReason('');
    setReasonError(null);
  };

  const violations = pending?.violations ?? [];
  const overridable = Boolean(pending?.retry) && canBeOverridden(violations);
  const mayOverride = can('session:override');

  const submit = () => {
    if (!pending?.retry) return;
    const parsed = Override.safeParse({ reason });
    if (!parsed.success) {
      setReasonError(reason.trim() ? t('violation.reasonTooShort') : t('form.required'));
      return;
    }
    setBusy(true);
    pending.retry(parsed.data).then(
      () => {
        setBusy(false);
        onUpdate(null);
        setReason('');
        void message.success(t('violation.overridden'));
      },
      (error: unknown) => {
        setBusy(false);
        const again = violationsOf(error);
        if (again) onUpdate({ ...pending, violations: again });
        else showError(error);
      },
    );
  };

  return (
    <Modal
      open={pending !== null}
      onCancel={close}
      destroyOnHidden
      width={620}
      title={
        <Flex gap={8} align="center">
          <WarningOutlined style={{ color: '#ff4d4f' }} />
          {t('violation.title')}
        </Flex>
      }
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close} data-testid="violations-close">
            {t('violation.changePlan')}
          </Button>
          {overridable && mayOverride ? (
            <Button type="primary" danger loading={busy} onClick={submit} data-testid="override-submit">
              {t('violation.overrideSubmit')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Flex vertical gap={16} data-testid="violations-modal">
        <Typography.Text type="secondary">{t('violation.intro')}</Typography.Text>
        <ViolationList violations={violations} />
        {overridable && !mayOverride ? <Alert type="info" showIcon title={t('violation.noOverride')} /> : null}
        {pending && !pending.retry && violations.some((v) => v.severity === 'block') ? <Alert type="info" showIcon title={t('violation.fixFirst')} /> : null}
        {overridable && mayOverride ? (
          <div data-testid="override-section">
            <Typography.Text strong>{t('violation.override')}</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('violation.reason')}
            </Typography.Text>
            <Input.TextArea
              rows={3}
              maxLength={500}
              value={reason}
              status={reasonError ? 'error' : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
              placeholder={t('violation.reasonHint')}
              data-testid="override-reason"
              style={{ marginTop: 4 }}
            />
            {reasonError ? (
              <Typography.Text type="danger" data-testid="override-reason-error">
                {reasonError}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('violation.auditedHint')}
              </Typography.Text>
            )}
          </div>
        ) : null}
      </Flex>
    </Modal>
  );
}
