import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import type { Locale } from '../../contracts/common';
import { useLocale, useT } from '../i18n';
import { api, meKey } from './api';
import { useQueryClient } from '@tanstack/react-query';
import type { MeView, UserView } from '../../contracts/accounts';

/**
 * Toggles between 中文 and English. When the signed-in user has pinned a language in the profile,
 * the pin is updated too; otherwise the profile language would switch it back on the next visit.
 */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const queryClient = useQueryClient();
  const next: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';

  const toggle = () => {
    setLocale(next);
    const me = queryClient.getQueryData<MeView | null>(meKey);
    if (me?.user.locale) {
      void api
        .patch<UserView>('/me', { locale: next })
        .then((user) => queryClient.setQueryData<MeView | null>(meKey, (old) => (old ? { ...old, user } : old)))
        .catch(() => undefined);
    }
  };

  return (
    <Button icon={<GlobalOutlined />} onClick={toggle} data-testid="lang-switch" data-locale={locale} title={t('lang.switchTitle')}>
      {next === 'zh-CN' ? '中文' : 'English'}
    </Button>
  );
}
