import { useState } from 'react';
import { Button, Empty, Flex, Input, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, UndoOutlined } from '@ant-design/icons';
import type { ContentDetailView } from '../../../contracts/content';
import { useFormat, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useAddComment, useResolveComment } from './queries';

/** A range of the saved current version, as the editor's selection gives it (UTF-16 offsets). */
export interface Selection {
  start: number;
  end: number;
  quote: string;
}

/** Reviewer and author comments: on the whole item, or anchored to a selected range (shown with its quote). */
export function CommentsPanel({ item, selection, onClearSelection, canWrite }: { item: ContentDetailView; selection: Selection | null; onClearSelection: () => void; canWrite: boolean }) {
  const t = useT();
  const format = useFormat();
  const showError = useShowError();
  const add = useAddComment(item.id);
  const resolve = useResolveComment(item.id);
  const [body, setBody] = useState('');
  const comments = [...item.comments].sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.id - a.id);

  const submit = () => {
    if (!body.trim()) return;
    add.mutate(
      { body: body.trim(), version: item.currentVersion, ...(selection ? { start: selection.start, end: selection.end } : {}) },
      {
        onSuccess: () => {
          setBody('');
          onClearSelection();
        },
        onError: (e) => showError(e),
      },
    );
  };

  return (
    <Flex vertical gap={12}>
      {canWrite ? (
        <Flex vertical gap={6} data-testid="content-comment-form">
          {selection ? (
            <Flex gap={6} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('content.anchoredTo')}
              </Typography.Text>
              <Tag color="blue" closable onClose={onClearSelection} style={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="content-comment-anchor">
                「{selection.quote}」
              </Tag>
            </Flex>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('content.commentWhole')}
            </Typography.Text>
          )}
          <Input.TextArea rows={2} maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('content.commentPlaceholder')} data-testid="content-comment-body" />
          <Flex justify="flex-end">
            <Button type="primary" size="small" disabled={!body.trim()} loading={add.isPending} onClick={submit} data-testid="content-comment-submit">
              {t('content.addComment')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
      {comments.length ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('content.noComments')} />}
      {comments.map((c) => (
        <div
          key={c.id}
          data-testid="content-comment"
          data-resolved={c.resolvedAt ? 'true' : 'false'}
          style={{ borderInlineStart: `3px solid ${c.resolvedAt ? '#d9d9d9' : '#1677ff'}`, paddingInlineStart: 10, opacity: c.resolvedAt ? 0.65 : 1 }}
        >
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong style={{ fontSize: 13 }}>
              {c.authorName ?? '—'}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('content.versionN', { n: c.version })} · {format.dateTime(c.createdAt)}
            </Typography.Text>
          </Flex>
          {c.quote !== null ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, background: '#f5f5f5', padding: '2px 6px', borderRadius: 4, margin: '4px 0' }} data-testid="content-comment-quote">
              「{c.quote}」
            </Typography.Text>
          ) : null}
          <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>{c.body}</Typography.Paragraph>
          {canWrite ? (
            <Button
              size="small"
              type="link"
              style={{ padding: 0 }}
              icon={c.resolvedAt ? <UndoOutlined /> : <CheckOutlined />}
              onClick={() => resolve.mutate({ commentId: c.id, resolved: !c.resolvedAt }, { onError: (e) => showError(e) })}
              data-testid="content-comment-resolve"
            >
              {c.resolvedAt ? t('content.reopen') : t('content.resolve')}
            </Button>
          ) : c.resolvedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <CloseOutlined /> {t('content.resolved')}
            </Typography.Text>
          ) : null}
        </div>
      ))}
    </Flex>
  );
}
