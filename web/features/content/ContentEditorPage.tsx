import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Input, Modal, Row, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, EditOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import type { ContentDetailView } from '../../../contracts/content';
import { ApiError } from '../../app/api';
import { localizeMessage } from '../../app/forms';
import { useCan } from '../../app/session';
import { FullPageSpin, LoadError, PageHeader, tid, useFormat, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { Highlighted, SEVERITY_MARK } from '../compliance/Highlighted';
import { CommentsPanel, type Selection } from './CommentsPanel';
import { FindingsList } from './FindingsList';
import { HistoryPanel } from './HistoryPanel';
import { ContentStateTag, KindTag } from './labels';
import { useContentItem, useReviewMove, useSaveVersion } from './queries';

const Blocking = z.object({ findings: z.array(z.object({ rule: z.string(), term: z.string(), text: z.string() })) });

/** One script, title or copy: edit it, see what the scanner found, comment on ranges, and move it through review. */
export default function ContentEditorPage() {
  const { id } = useParams();
  const item = useContentItem(id);
  if (item.isPending) return <FullPageSpin />;
  if (item.isError) return <LoadError error={item.error} onRetry={() => void item.refetch()} />;
  return <Editor key={item.data.id} item={item.data} />;
}

function Editor({ item }: { item: ContentDetailView }) {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const save = useSaveVersion(item.id);
  const move = useReviewMove(item.id);
  const [draft, setDraft] = useState(item.body);
  const [note, setNote] = useState('');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [panel, setPanel] = useState('findings');
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);

  // A newer version saved (here or by someone else) replaces the text, unless there are unsaved edits.
  const [seenVersion, setSeenVersion] = useState(item.currentVersion);
  useEffect(() => {
    if (item.currentVersion !== seenVersion) {
      setSeenVersion(item.currentVersion);
      setDraft(item.body);
      setSelection(null);
    }
  }, [item.currentVersion, item.body, seenVersion]);

  const canWrite = can('content:write');
  const canReview = can('content:review');
  const dirty = draft !== item.body;
  const canSubmit = canWrite && (item.state === 'draft' || item.state === 'changes_requested');
  const inReview = item.state === 'in_review';
  const openComments = item.comments.filter((c) => !c.resolvedAt).length;
  const shownFindings = item.findings.filter((f) => f.waiverId === null);

  const saveVersion = () =>
    save.mutate(
      { body: draft, note: note.trim() || undefined, baseVersion: item.currentVersion },
      {
        onSuccess: (next) => {
          setNote('');
          void message.success(next.state !== item.state ? t('content.savedBackToDraft', { n: next.currentVersion }) : t('content.savedVersion', { n: next.currentVersion }));
        },
        onError: (e) => showError(e),
      },
    );

  const approve = () =>
    move.mutate(
      { action: 'approve', version: item.currentVersion },
      {
        onSuccess: () => void message.success(t('content.approvedDone')),
        onError: (e) => {
          const parsed = e instanceof ApiError && e.code === 'content/unresolved-blocks' ? Blocking.safeParse(e.details) : null;
          if (!parsed?.success) return showError(e);
          modal.error({
            title: e.message,
            content: (
              <Flex vertical gap={4} data-testid="content-approve-blocked">
                {parsed.data.findings.map((f, i) => (
                  <Typography.Text key={i}>
                    「{f.text}」 <Typography.Text type="secondary">({f.rule})</Typography.Text>
                  </Typography.Text>
                ))}
                <Typography.Text type="secondary">{t('content.approveBlockedHint')}</Typography.Text>
              </Flex>
            ),
            okText: t('action.close'),
          });
        },
      },
    );

  const requestChanges = () => {
    if (reason.trim().length < 3) {
      setReasonError(true);
      return;
    }
    move.mutate(
      { action: 'request-changes', reason: reason.trim() },
      {
        onSuccess: () => {
          setAsking(false);
          setReason('');
          void message.success(t('content.changesRequestedDone'));
        },
        onError: (e) => showError(e),
      },
    );
  };

  const actions = (
    <>
      {canSubmit ? (
        <Tooltip title={dirty ? t('content.saveFirst') : undefined}>
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={dirty}
            loading={move.isPending && move.variables?.action === 'submit'}
            onClick={() => move.mutate({ action: 'submit' }, { onSuccess: () => void message.success(t('content.submittedDone')), onError: (e) => showError(e) })}
            data-testid="content-submit"
          >
            {t('content.submit')}
          </Button>
        </Tooltip>
      ) : null}
      {canReview && inReview ? (
        <>
          <Button icon={<EditOutlined />} onClick={() => setAsking(true)} data-testid="content-request-changes">
            {t('content.requestChanges')}
          </Button>
          <Tooltip title={item.openBlocks ? t('content.openBlocks', { n: item.openBlocks }) : undefined}>
            <Button type="primary" icon={<CheckOutlined />} loading={move.isPending && move.variables?.action === 'approve'} onClick={approve} disabled={dirty} data-testid="content-approve">
              {t('content.approve')}
            </Button>
          </Tooltip>
        </>
      ) : null}
    </>
  );

  return (
    <>
      <Link to={item.sessionId ? `/sessions/${item.sessionId}?tab=content` : '/content'} style={{ display: 'inline-block', marginBottom: 8 }} data-testid="content-back">
        <ArrowLeftOutlined /> {item.sessionId ? t('content.backToSession') : t('content.backToList')}
      </Link>
      <PageHeader
        testId="content-editor-header"
        title={
          <Flex gap={10} align="center" wrap>
            <span data-testid="content-name">{item.name}</span>
            <KindTag kind={item.kind} />
            <ContentStateTag state={item.state} />
          </Flex>
        }
        subtitle={
          <>
            {item.sessionId ? (
              <>
                {t('content.forSession')} <Link to={`/sessions/${item.sessionId}`}>{item.sessionTitle}</Link> · {item.roomName}
              </>
            ) : (
              (item.roomName ?? '')
            )}
            {item.reviewedByName && item.reviewedAt ? ` · ${t('content.reviewedBy', { name: item.reviewedByName, at: format.dateTime(item.reviewedAt) })}` : ''}
          </>
        }
        extra={actions}
      />
      {item.state === 'in_review' && item.openBlocks ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('content.openBlocks', { n: item.openBlocks })} description={t('content.openBlocksHint')} data-testid="content-blocks-alert" />
      ) : null}
      {item.state === 'changes_requested' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('content.changesRequestedBanner')} description={item.comments.filter((c) => !c.resolvedAt && c.start === null).at(-1)?.body} data-testid="content-changes-alert" />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={t('content.textTitle', { n: item.currentVersion })}
            extra={dirty ? <Tag color="orange">{t('common.unsaved')}</Tag> : <Typography.Text type="secondary">{t('content.chars', { n: item.body.length })}</Typography.Text>}
            style={{ marginBottom: 16 }}
          >
            <Input.TextArea
              value={draft}
              readOnly={!canWrite}
              autoSize={{ minRows: item.kind === 'script' ? 10 : 3, maxRows: 24 }}
              maxLength={50_000}
              onChange={(e) => {
                setDraft(e.target.value);
                setSelection(null);
              }}
              onSelect={(e) => {
                const el = e.currentTarget;
                // Ranges are offsets into the saved version: only a selection of the saved text can anchor a comment.
                if (el.value !== item.body || el.selectionStart === el.selectionEnd) return setSelection(null);
                setSelection({ start: el.selectionStart, end: el.selectionEnd, quote: el.value.slice(el.selectionStart, el.selectionEnd) });
              }}
              data-testid="content-body"
            />
            {canWrite ? (
              <Flex gap={8} style={{ marginTop: 12 }} wrap>
                <Input placeholder={t('content.notePlaceholder')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} style={{ flex: 1, minWidth: 200 }} data-testid="content-note" />
                <Button onClick={() => setDraft(item.body)} disabled={!dirty}>
                  {t('action.reset')}
                </Button>
                <Button type="primary" icon={<SaveOutlined />} disabled={!dirty || !draft.trim()} loading={save.isPending} onClick={saveVersion} data-testid="content-save">
                  {t('content.saveVersion')}
                </Button>
              </Flex>
            ) : null}
            {item.state === 'approved' && canWrite ? (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
                {t('content.approvedEditHint')}
              </Typography.Text>
            ) : null}
            {selection ? (
              <Flex gap={8} align="center" style={{ marginTop: 12 }} data-testid="content-selection">
                <Typography.Text type="secondary">{t('content.selected', { quote: selection.quote.length > 40 ? `${selection.quote.slice(0, 40)}…` : selection.quote })}</Typography.Text>
                <Button size="small" onClick={() => setPanel('comments')} data-testid="content-comment-selection">
                  {t('content.commentOnSelection')}
                </Button>
              </Flex>
            ) : canWrite ? (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
                {t('content.selectHint')}
              </Typography.Text>
            ) : null}
          </Card>
          <Card title={t('content.highlightTitle', { n: item.currentVersion })} extra={<Legend />} data-testid="content-highlight-card">
            {shownFindings.length ? null : (
              <Typography.Paragraph type="success" data-testid="content-clean">
                {item.findings.length ? t('content.allWaived') : t('content.clean')}
              </Typography.Paragraph>
            )}
            <Highlighted text={item.body} findings={shownFindings} testId="content-highlighted" onMarkClick={() => setPanel('findings')} style={{ fontSize: 15 }} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card>
            <Tabs
              activeKey={panel}
              onChange={setPanel}
              items={[
                {
                  key: 'findings',
                  label: (
                    <span data-testid="content-panel-findings">
                      {t('content.findings')} <Tag color={item.openBlocks ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>{item.findings.length}</Tag>
                    </span>
                  ),
                  children: <FindingsList item={item} canWaive={canReview} />,
                },
                {
                  key: 'comments',
                  label: (
                    <span data-testid="content-panel-comments">
                      {t('content.comments')} <Tag style={{ marginInlineEnd: 0 }}>{openComments}</Tag>
                    </span>
                  ),
                  children: <CommentsPanel item={item} selection={selection} onClearSelection={() => setSelection(null)} canWrite={canWrite} />,
                },
                {
                  key: 'history',
                  label: (
                    <span data-testid="content-panel-history">
                      {t('content.history')} <Tag style={{ marginInlineEnd: 0 }}>{item.versions.length}</Tag>
                    </span>
                  ),
                  children: <HistoryPanel item={item} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={asking}
        title={t('content.requestChangesTitle', { name: item.name })}
        onCancel={() => setAsking(false)}
        onOk={requestChanges}
        okText={t('content.requestChanges')}
        cancelText={t('action.cancel')}
        okButtonProps={{ loading: move.isPending, ...tid('content-request-changes-confirm') }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('content.requestChangesHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={4}
          maxLength={2000}
          value={reason}
          status={reasonError ? 'error' : undefined}
          placeholder={t('content.reasonPlaceholder')}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonError(false);
          }}
          data-testid="content-request-changes-reason"
        />
        {reasonError ? <Typography.Text type="danger">{localizeMessage('at least 3 characters / 至少 3 个字符')}</Typography.Text> : null}
      </Modal>
    </>
  );
}

function Legend() {
  const t = useT();
  return (
    <Flex gap={8} style={{ fontSize: 12 }}>
      {(['block', 'warn', 'info'] as const).map((s) => (
        <span key={s}>
          <mark style={{ background: SEVERITY_MARK[s].background, borderBottom: `2px solid ${SEVERITY_MARK[s].line}`, padding: '0 4px' }}>
            {t(`contentSeverity.${s}`)}
          </mark>
        </span>
      ))}
    </Flex>
  );
}

