import { useState } from 'react';
import { Badge, Button, Card, Flex, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CommentOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { ContentItemView, ContentKind, ContentState } from '../../../contracts/content';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, useFormat } from '../../app/ui';
import { useT } from '../../i18n';
import { useRooms } from '../team/queries';
import { CreateContentModal } from './CreateContentModal';
import { ContentStateTag, KindTag, useKindOptions } from './labels';
import { useContentList } from './queries';

/** Stable, so the modal does not reset its form on every render. */
const NO_PRESET = {};
const TABS = ['queue', 'changes_requested', 'draft', 'approved', 'all'] as const;
type Tab = (typeof TABS)[number];
const STATE_OF: Record<Tab, ContentState | undefined> = { queue: 'in_review', changes_requested: 'changes_requested', draft: 'draft', approved: 'approved', all: undefined };

/** Content review: the review queue (oldest first) and every script, title and copy by state. */
export default function ContentPage() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'queue';
  const [kind, setKind] = useState<ContentKind | undefined>();
  const [roomId, setRoomId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const rooms = useRooms();
  const kindOptions = useKindOptions();
  const list = useContentList({ state: STATE_OF[tab], kind, roomId, q: q.trim() || undefined });
  const counts = list.data?.counts;
  const total = counts ? counts.draft + counts.in_review + counts.approved + counts.changes_requested : undefined;
  const countOf = (key: Tab) => (key === 'all' ? total : counts?.[STATE_OF[key]!]);

  const columns: TableColumnsType<ContentItemView> = [
    {
      title: t('content.name'),
      dataIndex: 'name',
      render: (name: string, item) => (
        <Flex vertical>
          <Link to={`/content/${item.id}`} data-testid={`content-open-${item.id}`}>
            {name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('content.versionN', { n: item.currentVersion })}
            {item.createdByName ? ` · ${item.createdByName}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('content.kind'), dataIndex: 'kind', width: 110, render: (k: ContentKind) => <KindTag kind={k} /> },
    { title: t('content.state'), dataIndex: 'state', width: 110, render: (s: ContentState) => <ContentStateTag state={s} /> },
    {
      title: t('content.linkedTo'),
      key: 'link',
      responsive: ['md'],
      render: (_: unknown, item) =>
        item.sessionId ? (
          <Flex vertical>
            <Link to={`/sessions/${item.sessionId}`}>{item.sessionTitle}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.roomName}
            </Typography.Text>
          </Flex>
        ) : (
          <Flex vertical>
            <span>{item.roomName ?? '—'}</span>
            {item.productName ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.productName}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
    },
    {
      title: t('content.findings'),
      key: 'findings',
      width: 150,
      render: (_: unknown, item) => (
        <Flex gap={4} wrap>
          {item.openBlocks ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="content-open-blocks">
              {t('content.openBlocksShort', { n: item.openBlocks })}
            </Tag>
          ) : null}
          <Typography.Text type="secondary">{t('content.findingCount', { n: item.findingCount })}</Typography.Text>
          {item.openComments ? (
            <Typography.Text type="secondary">
              <CommentOutlined /> {item.openComments}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: tab === 'queue' ? t('content.waitingSince') : t('content.updated'), dataIndex: 'updatedAt', width: 170, responsive: ['lg'], render: (at: string) => format.dateTime(at) },
  ];

  return (
    <>
      <PageHeader
        testId="content-header"
        title={t('content.title')}
        subtitle={t('content.subtitle')}
        extra={
          can('content:write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="content-create">
              {t('content.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={TABS.map((key) => ({
            key,
            label: (
              <span data-testid={`content-tab-${key}`}>
                {t(`content.tab.${key}`)}{' '}
                <Badge count={countOf(key) ?? 0} showZero overflowCount={999} color={key === 'queue' && countOf(key) ? '#1677ff' : '#bfbfbf'} data-testid={`content-count-${key}`} />
              </span>
            ),
          }))}
        />
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('content.search')} style={{ width: 220 }} onSearch={setQ} data-testid="content-search" />
          <Select allowClear placeholder={t('content.kind')} style={{ width: 150 }} options={kindOptions} value={kind} onChange={setKind} data-testid="content-filter-kind" />
          <Select
            allowClear
            placeholder={t('field.room')}
            style={{ width: 220 }}
            options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.displayName }))}
            value={roomId}
            onChange={setRoomId}
            data-testid="content-filter-room"
          />
        </Flex>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            columns={columns}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyState text={tab === 'queue' ? t('content.queueEmpty') : t('content.empty')} /> }}
            data-testid="content-table"
          />
        )}
      </Card>
      <CreateContentModal open={creating} preset={NO_PRESET} onClose={() => setCreating(false)} />
    </>
  );
}
