import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useT } from '../../i18n';

/** The frame of the signed-out pages: brand, tagline, language switch. */
export function AuthLayout({ children, width = 420 }: { children: ReactNode; width?: number }) {
  const t = useT();
  return (
    <div className="sr-auth-page">
      <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: width, marginBottom: 24 }} gap={12}>
        <Flex align="center" gap={10}>
          <span className="sr-brand-mark" />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="brand">
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </Flex>
        <LanguageSwitch />
      </Flex>
      <div style={{ width: '100%', maxWidth: width }}>{children}</div>
    </div>
  );
}
