import { Button, Descriptions, Drawer, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { AlertView } from '../../../contracts/alerts';
import { useFormat } from '../../app/ui';
import { useT } from '../../i18n';
import { OpenIncidentButton } from '../incidents/OpenIncidentButton';
import { AlertStatusTag, kindLabel, metricLabel, SeverityTag, themeLabel, useAlertTitle } from './labels';
import { AlertActions } from './AlertActions';

/** Everything about one alert: what fired it (numbers, themes, examples, terms) and who handled it when. */
export function AlertDetailDrawer({ alert, onClose }: { alert: AlertView | null | undefined; onClose: () => void }) {
  const t = useT();
  const { dateTime } = useFormat();
  const titleOf = useAlertTitle();
  const a = alert;
  return (
    <Drawer open={!!a} onClose={onClose} width={560} title={t('alerts.detail.title')} destroyOnHidden data-testid="alert-drawer">
      {a ? (
        <Flex vertical gap={16} data-testid="alert-detail">
          <Flex gap={8} align="center" wrap>
            <SeverityTag severity={a.severity} />
            <Tag style={{ marginInlineEnd: 0 }}>{kindLabel(t, a.kind)}</Tag>
            <AlertStatusTag status={a.status} />
          </Flex>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="alert-detail-title">
            {titleOf(a)}
          </Typography.Title>
          <Typography.Text type="secondary">
            {a.roomName ?? '—'}
            {a.sessionTitle ? ` · ${a.sessionTitle}` : ''}
          </Typography.Text>
          <Space wrap>
            <AlertActions alert={a} />
            {a.sessionId ? (
              <Link to={`/sessions/${a.sessionId}/live`}>
                <Button>{t('alerts.detail.openMonitor')}</Button>
              </Link>
            ) : null}
            {!a.incidentId ? <OpenIncidentButton alertId={a.id} title={titleOf(a)} /> : null}
            {a.incidentId ? (
              <Link to={`/incidents/${a.incidentId}`}>
                <Button>{t('alerts.detail.incident')}</Button>
              </Link>
            ) : null}
          </Space>

          <Descriptions size="small" column={1} bordered title={t('alerts.detail.numbers')} data-testid="alert-metrics">
            {Object.entries(a.detail.metrics).map(([k, v]) => (
              <Descriptions.Item key={k} label={metricLabel(t, k)}>
                {v.toLocaleString()}
              </Descriptions.Item>
            ))}
            {a.detail.from ? (
              <Descriptions.Item label={t('alerts.detail.window')}>
                {dateTime(a.detail.from)}
                {a.detail.to ? ` – ${dateTime(a.detail.to)}` : ''}
              </Descriptions.Item>
            ) : null}
          </Descriptions>

          {a.detail.terms?.length ? (
            <div>
              <Typography.Text strong>{t('alerts.detail.terms')}</Typography.Text>
              <div style={{ marginTop: 6 }}>
                {a.detail.terms.map((term) => (
                  <Tag key={term} color="red">
                    {term}
                  </Tag>
                ))}
              </div>
            </div>
          ) : null}

          {a.kind === 'sentiment_surge' ? (
            <>
              <div data-testid="alert-themes">
                <Typography.Text strong>{t('alerts.detail.themes')}</Typography.Text>
                <div style={{ marginTop: 6 }}>
                  {a.detail.themes?.length ? (
                    a.detail.themes.map((th) => (
                      <Tag key={th.theme} color="volcano">
                        {themeLabel(t, th.theme)} × {th.count}
                      </Tag>
                    ))
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  )}
                </div>
              </div>
              <div>
                <Typography.Text strong>{t('alerts.detail.examples')}</Typography.Text>
                {a.detail.examples?.length ? (
                  <List
                    size="small"
                    dataSource={a.detail.examples}
                    renderItem={(e) => (
                      <List.Item style={{ paddingInline: 0 }}>
                        <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                          {e.userName ?? ''}
                        </Typography.Text>
                        <span style={{ flex: 1 }}>{e.text}</span>
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                )}
              </div>
            </>
          ) : null}

          <Descriptions size="small" column={1} title={t('alerts.detail.history')} data-testid="alert-history">
            <Descriptions.Item label={t('alerts.detail.firstFired')}>{dateTime(a.firstAt)}</Descriptions.Item>
            <Descriptions.Item label={t('alerts.detail.lastFired', { count: a.count })}>{dateTime(a.lastAt)}</Descriptions.Item>
            {a.acknowledgedBy ? <Descriptions.Item label={t('alerts.detail.ackBy', { who: a.acknowledgedBy })}>{dateTime(a.acknowledgedAt)}</Descriptions.Item> : null}
            {a.resolvedBy ? <Descriptions.Item label={t('alerts.detail.resolvedBy', { who: a.resolvedBy })}>{dateTime(a.resolvedAt)}</Descriptions.Item> : null}
            {a.detail.resolveNote ? <Descriptions.Item label={t('alerts.detail.note')}>{a.detail.resolveNote}</Descriptions.Item> : null}
          </Descriptions>
        </Flex>
      ) : null}
    </Drawer>
  );
}
