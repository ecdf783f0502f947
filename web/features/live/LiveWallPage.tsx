import { useState } from 'react';
import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { LiveHeadline, LiveWall } from '../../../contracts/live';
import { EmptyState, PageHeader } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { formatNumber, formatYuan } from '../planning/time';
import { ConnectionTag } from './LiveMonitorPage';
import { useLiveSocket } from './useLiveSocket';

export default function LiveWallPage() {
  const t = useT();
  const [wall, setWall] = useState<LiveWall | null>(null);
  const status = useLiveSocket('/api/v1/live', (m) => {
    if ((m as LiveWall).type === 'wall') setWall(m as LiveWall);
  });
  return (
    <div data-testid="live-wall" data-count={wall?.sessions.length ?? ''}>
      <PageHeader
        title={
          <Flex gap={10} align="center">
            {t('live.wallTitle')}
            <ConnectionTag status={status} />
          </Flex>
        }
        subtitle={t('live.wallSubtitle')}
      />
      {wall && !wall.sessions.length ? (
        <Card>
          <EmptyState text={t('live.wallEmpty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {(wall?.sessions ?? []).map((s) => (
            <Col key={s.sessionId} xs={24} md={12} xl={8} xxl={6}>
              <WallCard headline={s} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}

function WallCard({ headline: s }: { headline: LiveHeadline }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Link to={`/sessions/${s.sessionId}/live`} data-testid={`live-card-${s.sessionId}`}>
      <Card hoverable size="small" title={<Typography.Text ellipsis>{s.title}</Typography.Text>} extra={
          <Flex gap={6} align="center">
            {s.blockFindings ? (
              <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="wall-block-findings">
                {t('live.blockFindings', { count: s.blockFindings })}
              </Tag>
            ) : null}
            <Typography.Text type="secondary">{s.roomName}</Typography.Text>
          </Flex>
        }>
        <Row gutter={[8, 8]}>
          <Col span={12}>
            <Statistic title={t('live.viewers')} value={formatNumber(s.viewers, locale)} />
          </Col>
          <Col span={12}>
            <Statistic title={t('live.commentsPerMinute')} value={formatNumber(s.commentsLastMinute, locale)} />
          </Col>
          <Col span={12}>
            <Statistic title={t('live.gmv')} value={formatYuan(s.gmvFen, locale)} />
          </Col>
          <Col span={12}>
            <Statistic title={t('live.giftValue')} value={formatYuan(s.giftValueFen, locale)} />
          </Col>
        </Row>
      </Card>
    </Link>
  );
}
