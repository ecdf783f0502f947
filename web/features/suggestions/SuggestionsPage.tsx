import { useState } from 'react';
import { Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { SuggestionStatus, SuggestionView } from '../../../contracts/suggestions';
import { EmptyState, LoadError, PageHeader, useFormat } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { useRooms } from '../team/queries';
import { SEVERITY_COLOR, STATUS_COLOR, SuggestionCard } from './SuggestionCard';
import { dayOf } from './format';
import { useSuggestionList } from './queries';

/** Suggestions across sessions, filtered by status and room; each row opens to its evidence and decision. */
export default function SuggestionsPage() {
  const t = useT();
  const { locale } = useLocale();
  const fmt = useFormat();
  const [status, setStatus] = useState<SuggestionStatus | undefined>('open');
  const [roomId, setRoomId] = useState<string | undefined>();
  const rooms = useRooms();
  const list = useSuggestionList({ status, roomId });
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageHeader title={t('suggestions.title')} subtitle={t('suggestions.subtitle')} testId="suggestions-page" />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<SuggestionStatus | 'all'>
            style={{ width: 160 }}
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? undefined : v)}
            options={[{ value: 'all', label: t('suggestions.status.all') }, ...(['open', 'accepted', 'dismissed'] as const).map((s) => ({ value: s, label: t(`suggestions.status.${s}`) }))]}
            data-testid="suggestions-filter-status"
          />
          <Select<string>
            style={{ width: 220 }}
            allowClear
            placeholder={t('suggestions.filter.room')}
            value={roomId}
            onChange={(v) => setRoomId(v || undefined)}
            options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.displayName }))}
            data-testid="suggestions-filter-room"
          />
        </Flex>
        <Table<SuggestionView>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState text={t('suggestions.list.empty')} /> }}
          onRow={(r) => ({ 'data-testid': `suggestion-row-${r.id}` }) as object}
          expandable={{ expandedRowRender: (r) => <SuggestionCard s={r} />, expandRowByClick: false }}
          columns={[
            {
              title: t('suggestions.col.session'),
              dataIndex: 'sessionTitle',
              width: 220,
              render: (title: string, r) => (
                <Flex vertical>
                  <Link to={`/sessions/${r.sessionId}/review`} data-testid={`suggestion-review-${r.id}`}>{title}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayOf(r.sessionStart, fmt.timeZone, locale)}</Typography.Text>
                </Flex>
              ),
            },
            { title: t('suggestions.col.room'), dataIndex: 'roomName', width: 140 },
            { title: t('suggestions.col.severity'), dataIndex: 'severity', width: 90, render: (s: SuggestionView['severity']) => <Tag color={SEVERITY_COLOR[s]}>{t(`suggestions.severity.${s}`)}</Tag> },
            { title: t('suggestions.col.suggestion'), key: 'title', render: (_, r) => (locale === 'zh-CN' ? r.titleZh : r.titleEn) },
            {
              title: t('suggestions.col.status'),
              dataIndex: 'status',
              width: 150,
              render: (s: SuggestionView['status'], r) => (
                <Flex vertical>
                  <span><Tag color={STATUS_COLOR[s]}>{t(`suggestions.status.${s}`)}</Tag></span>
                  {s === 'accepted' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.taskOwnerName} · {r.taskDueDate}</Typography.Text> : null}
                  {s === 'dismissed' ? <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: r.dismissReason }}>{r.dismissReason}</Typography.Text> : null}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
