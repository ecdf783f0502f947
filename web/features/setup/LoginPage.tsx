import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginInput, type MeView } from '../../../contracts/accounts';
import { api, errorText } from '../../app/api';
import { applyServerErrors, parseForm, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { useMeQuery, useStartSession } from '../../app/session';
import { FullPageSpin } from '../../app/ui';
import { useT } from '../../i18n';
import { AuthLayout } from './AuthLayout';

/** Only follow same-site paths after sign-in, never a full URL someone put in the link. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const t = useT();
  const me = useMeQuery();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const startSession = useStartSession();
  const [form] = useContractForm<LoginInput>();
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  const login = useMutation({
    mutationFn: (input: LoginInput) => api.post<MeView>('/auth/login', input),
    onSuccess: (session) => {
      startSession(session);
      void navigate(next, { replace: true });
    },
    onError: (e) => {
      applyServerErrors(form, e);
      setError(errorText(e));
    },
  });

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  return (
    <AuthLayout>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('auth.signInTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.signInSubtitle')}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        {!error && params.get('next') ? <Alert type="info" showIcon title={t('auth.continueHint')} style={{ marginBottom: 16 }} data-testid="login-continue" /> : null}
        <Form
          form={form} onValuesChange={clearErrorsOnChange(form)}
          layout="vertical"
          requiredMark={false}
          data-testid="login-form"
          onFinish={(values) => {
            setError(null);
            const input = parseForm(form, LoginInput, values, t);
            if (input) login.mutate(input);
          }}
        >
          <Form.Item name="email" label={t('field.email')} required>
            <Input inputMode="email" autoComplete="username" autoFocus data-testid="login-email" />
          </Form.Item>
          <Form.Item name="password" label={t('field.password')} required>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.signIn')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('auth.forgotHint')}
        </Typography.Paragraph>
      </Card>
    </AuthLayout>
  );
}
