import type { ReactNode } from 'react';
import { App, Button, Empty, Flex, Result, Spin, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useLocale, useT } from '../i18n';
import { DEFAULT_TIME_ZONE } from '../../contracts/common';
import { errorText as errorTextOf } from './api';
import { applyServerErrors } from './forms';
import { useMeQuery } from './session';

/** Page title with its one-line explanation and the page's main actions on the right. */
export function PageHeader({ title, subtitle, extra, testId }: { title: ReactNode; subtitle: ReactNode; extra?: ReactNode; testId?: string }) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }} data-testid={testId}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{subtitle}</Typography.Text>
      </div>
      {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
    </Flex>
  );
}

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Result
      status="warning"
      title={t('error.loadFailed')}
      subTitle={errorTextOf(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('action.retry')}</Button> : undefined}
    />
  );
}

/** An empty table state that tells the user what to do next. */
export function EmptyState({ text, action }: { text: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      {action}
    </Empty>
  );
}

/** Show an API error as a toast and put its field errors on the form. */
export function useShowError() {
  const { message } = App.useApp();
  return (error: unknown, form?: FormInstance) => {
    applyServerErrors(form, error);
    void message.error(errorTextOf(error));
  };
}

/** Format timestamps in the user's language and profile time zone. */
export function useFormat() {
  const t = useT();
  const { locale } = useLocale();
  const timeZone = useMeQuery().data?.user.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    timeZone,
    dateTime(iso: string | null | undefined): string {
      if (!iso) return t('common.never');
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(locale, {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      }).format(date);
    },
  };
}

/**
 * A data-testid for props objects that antd forwards to the DOM (okButtonProps, onRow …),
 * typed as an empty object so it fits any of them.
 */
export function tid(id: string): Record<never, never> {
  return { 'data-testid': id } as Record<never, never>;
}
