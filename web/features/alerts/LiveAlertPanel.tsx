import { Badge, Card, Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import type { AlertView } from '../../../contracts/alerts';
import { useT } from '../../i18n';
import { AlertActions } from './AlertActions';
import { AlertStatusTag, SeverityTag, useAlertTitle } from './labels';

/** The live monitor's alert panel: the session's open and acknowledged alerts as the server pushes them. */
export function LiveAlertPanel({ alerts, time }: { alerts: AlertView[]; time: (iso: string) => string }) {
  const t = useT();
  const titleOf = useAlertTitle();
  const open = alerts.filter((a) => a.status === 'open').length;
  return (
    <Card
      size="small"
      data-testid="live-alert-panel"
      title={
        <Flex gap={8} align="center">
          {t('alerts.panel.title')}
          <Badge count={open} data-testid="live-alert-panel-count" />
        </Flex>
      }
      extra={<Link to="/alerts">{t('alerts.panel.all')}</Link>}
    >
      {alerts.length ? (
        <List
          size="small"
          dataSource={alerts}
          style={{ maxHeight: 320, overflowY: 'auto' }}
          renderItem={(a) => (
            <List.Item key={a.id} data-testid="live-alert" data-alert-id={a.id} data-status={a.status} style={{ paddingInline: 0 }}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex gap={6} align="center" wrap>
                  <SeverityTag severity={a.severity} />
                  <AlertStatusTag status={a.status} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {time(a.lastAt)} · ×{a.count}
                  </Typography.Text>
                </Flex>
                <Link to={`/alerts?alert=${a.id}`}>
                  <Typography.Text strong={a.status === 'open'}>{titleOf(a)}</Typography.Text>
                </Link>
                <AlertActions alert={a} size="small" />
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.panel.empty')} />
      )}
    </Card>
  );
}
