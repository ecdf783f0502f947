import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { AcceptInviteInput, type InvitePreview, type MeView } from '../../../contracts/accounts';
import { api, ApiError, errorText } from '../../app/api';
import { applyServerErrors, parseForm, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { useStartSession } from '../../app/session';
import { FullPageSpin, useFormat } from '../../app/ui';
import { useT } from '../../i18n';
import { AuthLayout } from './AuthLayout';

// A new account needs a name; a password reset keeps the existing one.
const InviteAcceptance = AcceptInviteInput.required({ displayName: true });

interface AcceptFormValues {
  displayName?: string;
  password: string;
  confirm: string;
}

/** Accept an invite (/invite/:token) or a password reset (/reset/:token): both are one-time links. */
export default function AcceptLinkPage() {
  const t = useT();
  const format = useFormat();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [form] = useContractForm<AcceptFormValues>();
  const [error, setError] = useState<string | null>(null);

  const preview = useQuery({
    queryKey: ['invite-preview', token],
    queryFn: () => api.get<InvitePreview>(`/invites/${encodeURIComponent(token)}`),
    retry: false,
  });

  const accept = useMutation({
    mutationFn: (input: AcceptInviteInput) => api.post<MeView>(`/invites/${encodeURIComponent(token)}/accept`, input),
    onSuccess: (me) => {
      startSession(me);
      void navigate('/', { replace: true });
    },
    onError: (e) => {
      applyServerErrors(form, e);
      setError(errorText(e));
    },
  });

  if (preview.isPending) return <FullPageSpin />;

  if (preview.isError) {
    const e = preview.error;
    const expired = e instanceof ApiError && e.status === 410;
    return (
      <AuthLayout>
        <Card data-testid="accept-invalid">
          <Result
            status={expired ? 'warning' : 'error'}
            title={expired ? t('accept.linkExpiredTitle') : t('accept.linkInvalidTitle')}
            subTitle={errorText(e)}
            extra={
              <Button type="primary" onClick={() => void navigate('/login')}>
                {t('auth.goToSignIn')}
              </Button>
            }
          />
        </Card>
      </AuthLayout>
    );
  }

  const link = preview.data;
  const isInvite = link.kind === 'invite';

  const submit = (values: AcceptFormValues) => {
    setError(null);
    if (values.password !== values.confirm) {
      form.setFields([{ name: 'confirm', errors: [t('form.passwordMismatch')] }]);
      return;
    }
    const input = isInvite
      ? parseForm(form, InviteAcceptance, { displayName: values.displayName, password: values.password }, t)
      : parseForm(form, AcceptInviteInput, { password: values.password }, t);
    if (input) accept.mutate(input);
  };

  return (
    <AuthLayout>
      <Card data-testid="accept-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {isInvite ? t('accept.inviteTitle') : t('accept.resetTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{isInvite ? t('accept.inviteSubtitle') : t('accept.resetSubtitle')}</Typography.Paragraph>
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('field.email')}>
            <span data-testid="accept-email">{link.email}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.role')}>
            <Tag data-testid="accept-role">{t(`role.${link.role}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.expiresAt')}>{format.dateTime(link.expiresAt)}</Descriptions.Item>
        </Descriptions>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="accept-error" /> : null}
        <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" requiredMark={false} onFinish={submit} data-testid="accept-form">
          {isInvite ? (
            <Form.Item name="displayName" label={t('field.displayName')} required>
              <Input autoComplete="name" data-testid="accept-display-name" />
            </Form.Item>
          ) : null}
          <Form.Item name="password" label={t('field.newPassword')} required extra={t('form.passwordHint')}>
            <Input.Password autoComplete="new-password" data-testid="accept-password" />
          </Form.Item>
          <Form.Item name="confirm" label={t('field.passwordConfirm')} required>
            <Input.Password autoComplete="new-password" data-testid="accept-password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={accept.isPending} data-testid="accept-submit">
            {isInvite ? t('accept.inviteSubmit') : t('accept.resetSubmit')}
          </Button>
        </Form>
      </Card>
    </AuthLayout>
  );
}
