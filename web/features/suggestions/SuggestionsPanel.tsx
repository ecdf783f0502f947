import { Card, Table, Tag, Typography } from 'antd';
import type { FollowUpView } from '../../../contracts/suggestions';
import { EmptyState, LoadError, useFormat } from '../../app/ui';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { SuggestionCard } from './SuggestionCard';
import { dayOf, formatValue } from './format';
import { useSessionSuggestions } from './queries';

/** The session's optimisation suggestions with their evidence, shown on the session review page (issue 7). */
export default function SuggestionsPanel({ sessionId }: { sessionId: string }) {
  const t = useT();
  const q = useSessionSuggestions(sessionId);
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data?.items ?? [];
  return (
    <div data-testid="suggestions-panel" data-ready={q.data ? 'true' : 'false'}>
      <Card
        title={t('suggestions.panel.title')}
        extra={q.data ? <Typography.Text type="secondary">{t('suggestions.panel.count', { n: items.length })}</Typography.Text> : null}
        loading={q.isLoading}
        style={{ marginBottom: 16 }}
      >
        {items.length ? items.map((s) => <SuggestionCard key={s.id} s={s} />) : <EmptyState text={t('suggestions.panel.empty')} />}
      </Card>
      <FollowUps items={q.data?.followUps ?? []} loading={q.isLoading} />
    </div>
  );
}

function FollowUps({ items, loading }: { items: FollowUpView[]; loading: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const fmt = useFormat();
  return (
    <Card title={t('suggestions.followUps.title')} size="small" data-testid="suggestions-followups">
      <Table<FollowUpView>
        rowKey="suggestionId"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <EmptyState text={t('suggestions.followUps.empty')} /> }}
        onRow={(r) => ({ 'data-testid': `followup-${r.suggestionId}` }) as object}
        columns={[
          { title: t('suggestions.followUps.col.session'), dataIndex: 'sessionTitle', render: (title: string, r) => <span>{title} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayOf(r.sessionStart, fmt.timeZone, locale)}</Typography.Text></span> },
          { title: t('suggestions.followUps.col.suggestion'), key: 'title', render: (_, r) => (locale === 'zh-CN' ? r.titleZh : r.titleEn) },
          { title: t('suggestions.followUps.col.measure'), dataIndex: 'measure', width: 160, render: (m: string) => t(`suggestions.measure.${m}` as MessageKey) },
          { title: t('suggestions.followUps.col.before'), dataIndex: 'before', width: 100, render: (v: number | null, r) => formatValue(t, v, r.unit) },
          { title: t('suggestions.followUps.col.now'), dataIndex: 'now', width: 100, render: (v: number | null, r) => formatValue(t, v, r.unit) },
          {
            title: t('suggestions.followUps.col.result'),
            dataIndex: 'improved',
            width: 110,
            render: (v: boolean | null) => (v === null ? <Tag>{t('suggestions.followUps.noData')}</Tag> : v ? <Tag color="green">{t('suggestions.followUps.improved')}</Tag> : <Tag color="orange">{t('suggestions.followUps.notImproved')}</Tag>),
          },
          { title: t('suggestions.followUps.col.task'), key: 'task', width: 140, render: (_, r) => (r.taskOwnerName ? `${r.taskOwnerName} · ${r.taskStatus ? t(`suggestions.taskStatus.${r.taskStatus as 'open'}`) : ''}` : '—') },
        ]}
      />
    </Card>
  );
}
