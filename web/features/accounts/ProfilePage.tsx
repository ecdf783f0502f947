import { useEffect } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Select, Tag } from 'antd';
import { PasswordChangeInput, ProfileInput } from '../../../contracts/accounts';
import type { Locale } from '../../../contracts/common';
import { parseForm, useContractForm, clearErrorsOnChange } from '../../app/forms';
import { useMe } from '../../app/session';
import { timeZoneOptions } from '../../app/time-zones';
import { PageHeader, useFormat, useShowError } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { useChangePassword, useUpdateProfile } from './queries';
import { ROLE_COLORS } from './UsersTab';

// Select values cannot be null; "follow the browser" is stored as null in the profile.
const FOLLOW_BROWSER = 'browser';

interface ProfileFormValues {
  displayName: string;
  locale: Locale | typeof FOLLOW_BROWSER;
  timeZone: string;
}

interface PasswordFormValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ProfilePage() {
  const t = useT();
  const me = useMe();
  const format = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const { setLocale, followBrowser } = useLocale();
  const [profileForm] = useContractForm<ProfileFormValues>();
  const [passwordForm] = useContractForm<PasswordFormValues>();
  const updateProfile = useUpdateProfile();
  const changePassword = useChangePassword();
  const user = me.user;

  useEffect(() => {
    profileForm.setFieldsValue({ displayName: user.displayName, locale: user.locale ?? FOLLOW_BROWSER, timeZone: user.timeZone });
  }, [user.displayName, user.locale, user.timeZone, profileForm]);

  const saveProfile = (values: ProfileFormValues) => {
    const locale = values.locale === FOLLOW_BROWSER ? null : values.locale;
    const input = parseForm(profileForm, ProfileInput, { displayName: values.displayName, locale, timeZone: values.timeZone }, t);
    if (!input) return;
    updateProfile.mutate(input, {
      onSuccess: () => {
        if (locale) setLocale(locale);
        else followBrowser();
        void message.success(t('common.saved'));
      },
      onError: (e) => showError(e, profileForm),
    });
  };

  const savePassword = (values: PasswordFormValues) => {
    if (values.newPassword !== values.confirm) {
      passwordForm.setFields([{ name: 'confirm', errors: [t('form.passwordMismatch')] }]);
      return;
    }
    const input = parseForm(passwordForm, PasswordChangeInput, { currentPassword: values.currentPassword, newPassword: values.newPassword }, t);
    if (!input) return;
    changePassword.mutate(input, {
      onSuccess: () => {
        passwordForm.resetFields();
        void message.success(t('profile.passwordChanged'));
      },
      onError: (e) => showError(e, passwordForm),
    });
  };

  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={t('profile.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('profile.details')}>
            <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('field.email')}>
                <span data-testid="profile-email">{user.email}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.role')}>
                <Tag color={ROLE_COLORS[user.role]}>{t(`role.${user.role}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.lastLogin')}>{format.dateTime(user.lastLoginAt)}</Descriptions.Item>
            </Descriptions>
            <Form<ProfileFormValues> form={profileForm} onValuesChange={clearErrorsOnChange(profileForm)} layout="vertical" onFinish={saveProfile} data-testid="profile-form">
              <Form.Item name="displayName" label={t('field.displayName')} required>
                <Input maxLength={80} data-testid="profile-display-name" />
              </Form.Item>
              <Form.Item name="locale" label={t('field.language')} extra={t('profile.languageHint')}>
                <Select
                  options={[
                    { value: 'zh-CN', label: '简体中文' },
                    { value: 'en-US', label: 'English' },
                    { value: FOLLOW_BROWSER, label: t('profile.followBrowser') },
                  ]}
                  data-testid="profile-locale"
                />
              </Form.Item>
              <Form.Item name="timeZone" label={t('field.timeZone')} extra={t('profile.timeZoneHint')}>
                <Select showSearch options={timeZoneOptions(user.timeZone)} data-testid="profile-time-zone" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={updateProfile.isPending} data-testid="profile-submit">
                {t('action.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('profile.changePassword')}>
            <Form<PasswordFormValues> form={passwordForm} onValuesChange={clearErrorsOnChange(passwordForm)} layout="vertical" onFinish={savePassword} data-testid="password-form">
              <Form.Item name="currentPassword" label={t('field.currentPassword')} required>
                <Input.Password autoComplete="current-password" data-testid="password-current" />
              </Form.Item>
              <Form.Item name="newPassword" label={t('field.newPassword')} required extra={t('form.passwordHint')}>
                <Input.Password autoComplete="new-password" data-testid="password-new" />
              </Form.Item>
              <Form.Item name="confirm" label={t('field.passwordConfirm')} required>
                <Input.Password autoComplete="new-password" data-testid="password-confirm" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={changePassword.isPending} data-testid="password-submit">
                {t('profile.changePassword')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
