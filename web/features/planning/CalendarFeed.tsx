import { App, Button, Flex, Modal, Popconfirm, Spin, Typography } from 'antd';
import { LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { CopyField } from '../../app/CopyField';
import { useCan } from '../../app/session';
import { tid, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useCalendarFeed, useRotateCalendarFeed } from './queries';

/** The secret iCal link of one person's schedule: shown with a copy button, created or replaced by managers. */
export function CalendarFeedPanel({ personId, personName }: { personId: string; personName: string }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const feed = useCalendarFeed(personId);
  const rotate = useRotateCalendarFeed();
  const canWrite = can('person:write');

  const create = () =>
    rotate.mutate(personId, {
      onSuccess: () => void message.success(t('feed.created')),
      onError: (e) => showError(e),
    });

  if (feed.isPending) return <Spin />;
  if (feed.isError) return <Typography.Text type="danger">{(feed.error as Error).message}</Typography.Text>;
  const url = feed.data ? `${window.location.origin}${feed.data.path}` : null;

  return (
    <Flex vertical gap={12} data-testid="calendar-feed">
      <Typography.Text type="secondary">{t('feed.hint', { name: personName })}</Typography.Text>
      {url ? <CopyField value={url} testId="calendar-feed-link" /> : <Typography.Text data-testid="calendar-feed-none">{t('feed.none')}</Typography.Text>}
      {canWrite ? (
        url ? (
          <Popconfirm
            destroyOnHidden
            title={t('feed.rotateConfirm')}
            description={t('feed.rotateHint')}
            okText={t('feed.rotate')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true, ...tid('confirm-ok') }}
            onConfirm={create}
          >
            <Button icon={<ReloadOutlined />} loading={rotate.isPending} style={{ alignSelf: 'flex-start' }} data-testid="calendar-feed-rotate">
              {t('feed.rotate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button type="primary" icon={<LinkOutlined />} loading={rotate.isPending} onClick={create} style={{ alignSelf: 'flex-start' }} data-testid="calendar-feed-create">
            {t('feed.create')}
          </Button>
        )
      ) : url ? null : (
        <Typography.Text type="secondary">{t('feed.askManager')}</Typography.Text>
      )}
    </Flex>
  );
}

export function CalendarFeedModal({ personId, personName, onClose }: { personId: string | null; personName: string; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={personId !== null} onCancel={onClose} footer={null} destroyOnHidden width={620} title={t('feed.title', { name: personName })}>
      <div data-testid="calendar-feed-modal">{personId ? <CalendarFeedPanel personId={personId} personName={personName} /> : null}</div>
    </Modal>
  );
}
