import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Flex, Spin, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { SESSION_REQUIRED_KINDS, type ContentItemView, type ContentKind } from '../../../contracts/content';
import type { SessionDetailView } from '../../../contracts/planning';
import type { RoomView } from '../../../contracts/team';
import { useCan } from '../../app/session';
import { LoadError, useFormat } from '../../app/ui';
import { useT } from '../../i18n';
import { CreateContentModal, type ContentPreset } from './CreateContentModal';
import { ContentStateTag } from './labels';
import { useContentList } from './queries';

const KINDS: ContentKind[] = ['script', 'title', 'cover_text'];

/** A session's script, title and cover text with their review states; what scheduling still waits for. */
export function SessionContentTab({ session, room }: { session: SessionDetailView; room: RoomView | undefined }) {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const list = useContentList({ sessionId: session.id });
  const [creating, setCreating] = useState<ContentKind | null>(null);
  const preset = useMemo<ContentPreset>(
    () => (creating ? { kind: creating, sessionId: session.id, name: `${session.title}·${t(`contentKind.${creating}`)}` } : {}),
    // t follows the language; the name is only a starting value, so it need not.
    [creating, session.id, session.title],
  );
  if (list.isPending) return <Spin />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  const required = room?.requireApprovedContent ?? true;
  const missing = SESSION_REQUIRED_KINDS.filter((k) => !items.some((i) => i.kind === k && i.state === 'approved'));
  const canWrite = can('content:write');

  return (
    <Flex vertical gap={16} data-testid="session-content">
      {session.status === 'draft' && required ? (
        missing.length ? (
          <Alert type="warning" showIcon title={t('content.gateMissing', { kinds: missing.map((k) => t(`contentKind.${k}`).toLowerCase()).join(t('common.listSeparator')) })} description={t('content.gateHint')} data-testid="session-content-gate" />
        ) : (
          <Alert type="success" showIcon title={t('content.gateReady')} data-testid="session-content-gate" />
        )
      ) : !required ? (
        <Typography.Text type="secondary">{t('content.gateOff')}</Typography.Text>
      ) : null}
      {KINDS.map((kind) => {
        const mine = items.filter((i) => i.kind === kind);
        return (
          <div key={kind} data-testid={`session-content-${kind}`}>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Flex gap={8} align="center">
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t(`contentKind.${kind}`)}
                </Typography.Title>
                {SESSION_REQUIRED_KINDS.includes(kind) && required ? <Tag style={{ marginInlineEnd: 0 }}>{t('content.requiredForScheduling')}</Tag> : null}
              </Flex>
              {canWrite ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(kind)} data-testid={`session-content-create-${kind}`}>
                  {t('content.createKind', { kind: t(`contentKind.${kind}`).toLowerCase() })}
                </Button>
              ) : null}
            </Flex>
            {mine.length ? (
              <Table<ContentItemView>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={mine}
                columns={[
                  {
                    title: t('content.name'),
                    dataIndex: 'name',
                    render: (name: string, i) => (
                      <Link to={`/content/${i.id}`} data-testid={`session-content-open-${i.id}`}>
                        {name}
                      </Link>
                    ),
                  },
                  { title: t('content.state'), dataIndex: 'state', width: 120, render: (_: unknown, i) => <ContentStateTag state={i.state} testId={`session-content-state-${kind}`} /> },
                  {
                    title: t('content.findings'),
                    key: 'f',
                    width: 150,
                    render: (_: unknown, i) =>
                      i.openBlocks ? <Tag color="red">{t('content.openBlocksShort', { n: i.openBlocks })}</Tag> : <Typography.Text type="secondary">{t('content.findingCount', { n: i.findingCount })}</Typography.Text>,
                  },
                  { title: t('content.updated'), dataIndex: 'updatedAt', width: 170, responsive: ['lg'], render: (at: string) => format.dateTime(at) },
                ]}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('content.noneOfKind', { kind: t(`contentKind.${kind}`).toLowerCase() })} style={{ margin: '8px 0' }} />
            )}
          </div>
        );
      })}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('content.sessionHint')}
      </Typography.Text>
      <CreateContentModal open={creating !== null} preset={preset} onClose={() => setCreating(null)} />
    </Flex>
  );
}


/** The tab's label: how many of the kinds scheduling needs are not approved yet, while that matters (a draft in a room that asks). */
export function SessionContentLabel({ session, room }: { session: SessionDetailView; room: RoomView | undefined }) {
  const t = useT();
  const list = useContentList({ sessionId: session.id });
  const asks = session.status === 'draft' && (room?.requireApprovedContent ?? true);
  const missing = list.data ? SESSION_REQUIRED_KINDS.filter((k) => !list.data.items.some((i) => i.kind === k && i.state === 'approved')).length : 0;
  return (
    <span data-testid="session-tab-content">
      {t('content.sessionTab')}
      {asks && missing ? (
        <Tag color="orange" style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid="session-tab-content-missing">
          {missing}
        </Tag>
      ) : null}
    </span>
  );
}
