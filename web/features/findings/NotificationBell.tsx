import { Badge, Button, Empty, Flex, List, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useFormat } from '../../app/ui';
import { useT } from '../../i18n';
import { useMarkRead, useNotifications } from './queries';

const COLORS = { block: 'red', warn: 'orange', info: 'blue' } as const;

/** The header's bell: unread count, the latest notifications, a click opens what it is about and marks it read. */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const { dateTime } = useFormat();
  const { data } = useNotifications();
  const mark = useMarkRead();
  const items = data?.items ?? [];
  const content = (
    <div style={{ width: 380, maxHeight: 440, overflowY: 'auto' }} data-testid="notifications-panel">
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid="notification-item"
              data-read={n.read ? 'true' : 'false'}
              style={{ cursor: n.link ? 'pointer' : undefined, background: n.read ? undefined : 'rgba(22,119,255,0.05)', padding: '8px 8px' }}
              onClick={() => {
                if (!n.read) mark.mutate(n.id);
                if (n.link) void navigate(n.link);
              }}
            >
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={6} align="center">
                  <Tag color={COLORS[n.severity]} style={{ marginInlineEnd: 0 }}>
                    {t(`live.severity.${n.severity}`)}
                  </Tag>
                  <Typography.Text strong={!n.read} ellipsis style={{ flex: 1 }}>
                    {n.title}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" ellipsis>
                  {n.body}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dateTime(n.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <Flex justify="space-between" align="center">
          <span>{t('notifications.title')}</span>
          {data?.unread ? (
            <Button size="small" type="link" onClick={() => mark.mutate('all')} data-testid="notifications-read-all">
              {t('notifications.readAll')}
            </Button>
          ) : null}
        </Flex>
      }
      content={content}
    >
      <Button type="text" aria-label={t('notifications.title')} data-testid="notifications-bell" data-unread={data?.unread ?? 0}>
        <Badge count={data?.unread ?? 0} size="small" offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
