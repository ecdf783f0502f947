import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { RocketOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { SetupOwnerInput, type MeView } from '../../../contracts/accounts';
import { api, errorText } from '../../app/api';
import { parseForm, applyServerErrors, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { useStartSession } from '../../app/session';
import { useLocale, useT } from '../../i18n';
import { AuthLayout } from './AuthLayout';

export const DEMO_OWNER_EMAIL = 'owner@demo.showrunner.dev';
export const DEMO_OWNER_PASSWORD = 'showrunner-demo';

interface OwnerFormValues {
  email: string;
  displayName: string;
  password: string;
  confirm: string;
}

export default function SetupPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [form] = useContractForm<OwnerFormValues>();
  const [error, setError] = useState<string | null>(null);

  const createOwner = useMutation({
    mutationFn: (input: SetupOwnerInput) => api.post<MeView>('/setup/owner', input),
    onSuccess: (me) => {
      startSession(me);
      void navigate('/', { replace: true });
    },
    onError: (e) => {
      applyServerErrors(form, e);
      setError(errorText(e));
    },
  });

  const loadDemo = useMutation({
    mutationFn: () => api.post<MeView>('/setup/demo'),
    onSuccess: (me) => {
      startSession(me);
      void navigate('/', { replace: true });
    },
    onError: (e) => setError(errorText(e)),
  });

  const submit = (values: OwnerFormValues) => {
    setError(null);
    if (values.password !== values.confirm) {
      form.setFields([{ name: 'confirm', errors: [t('form.passwordMismatch')] }]);
      return;
    }
    const input = parseForm(form, SetupOwnerInput, { email: values.email, displayName: values.displayName, password: values.password, locale }, t);
    if (input) createOwner.mutate(input);
  };

  return (
    <AuthLayout width={880}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('setup.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('setup.subtitle')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="setup-error" /> : null}
      <Row gutter={[24, 24]}>
        <Col xs={24} md={14}>
          <Card title={<><UserAddOutlined /> {t('setup.ownerTitle')}</>} data-testid="setup-owner-card">
            <Typography.Paragraph type="secondary">{t('setup.ownerHint')}</Typography.Paragraph>
            <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} requiredMark={false} data-testid="setup-owner-form">
              <Form.Item name="email" label={t('field.email')} required>
                <Input inputMode="email" autoComplete="email" data-testid="setup-email" />
              </Form.Item>
              <Form.Item name="displayName" label={t('field.displayName')} required>
                <Input autoComplete="name" data-testid="setup-display-name" />
              </Form.Item>
              <Form.Item name="password" label={t('field.password')} required extra={t('form.passwordHint')}>
                <Input.Password autoComplete="new-password" data-testid="setup-password" />
              </Form.Item>
              <Form.Item name="confirm" label={t('field.passwordConfirm')} required>
                <Input.Password autoComplete="new-password" data-testid="setup-password-confirm" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={createOwner.isPending} disabled={loadDemo.isPending} data-testid="setup-owner-submit">
                {t('setup.ownerSubmit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card title={<><RocketOutlined /> {t('setup.demoTitle')}</>} data-testid="setup-demo-card">
            <Typography.Paragraph>{t('setup.demoHint')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('setup.demoCredentials')}</Typography.Paragraph>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('field.email')}>
                <Typography.Text copyable data-testid="setup-demo-email">
                  {DEMO_OWNER_EMAIL}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.password')}>
                <Typography.Text copyable data-testid="setup-demo-password">
                  {DEMO_OWNER_PASSWORD}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Button
              type="default"
              block
              icon={<RocketOutlined />}
              loading={loadDemo.isPending}
              disabled={createOwner.isPending}
              onClick={() => {
                setError(null);
                loadDemo.mutate();
              }}
              data-testid="setup-demo-button"
            >
              {t('setup.demoSubmit')}
            </Button>
          </Card>
        </Col>
      </Row>
    </AuthLayout>
  );
}
