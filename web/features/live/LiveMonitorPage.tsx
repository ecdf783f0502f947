import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Alert, Badge, Card, Col, Empty, Flex, List, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, AudioOutlined, BarChartOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { currentSlotAt, type LiveAlerts, type LiveComment, type LiveDelta, type LiveSnapshot } from '../../../contracts/live';
import { applyLiveMessage, type MonitorState } from './live-state';
import { PageHeader } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { StatusTag } from '../planning/labels';
import { formatNumber, formatYuan } from '../planning/time';
import { MinuteChart } from './charts';
import { SentimentMinuteChart } from '../sentiment/SentimentMinuteChart';
import { Highlighted, SEVERITY_MARK } from '../compliance/Highlighted';
import { useLiveSocket, type SocketStatus } from './useLiveSocket';
import type { AlertView } from '../../../contracts/alerts';
import { LiveAlertPanel } from '../alerts/LiveAlertPanel';

/** Findings highlighted inside a line of text, not as a block of their own. */
const INLINE = { display: 'inline', lineHeight: 'inherit' } as const;

/** The current time, once a second. */
function useNow() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function clock(seconds: number) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function ConnectionTag({ status }: { status: SocketStatus }) {
  const t = useT();
  const color = status === 'open' ? 'green' : status === 'connecting' ? 'blue' : 'orange';
  return (
    <Tag color={color} data-testid="live-connection" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(status === 'open' ? 'live.connected' : status === 'connecting' ? 'live.connecting' : 'live.reconnecting')}
    </Tag>
  );
}

export default function LiveMonitorPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const [state, dispatch] = useReducer((s: MonitorState, m: LiveSnapshot | LiveDelta) => applyLiveMessage(s, m), { snapshot: null, minutes: [], comments: [], flagged: [], clockOffset: 0 });
  // The session's alerts come in the snapshot and as their own 'alerts' messages (whole list each time).
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const status = useLiveSocket(`/api/v1/sessions/${encodeURIComponent(id)}/live`, (m) => {
    const message = m as LiveSnapshot | LiveDelta | LiveAlerts;
    if (message.type === 'alerts') return setAlerts(message.alerts);
    if (message.type === 'snapshot') setAlerts(message.alerts ?? []);
    dispatch(message);
  });
  const now = useNow() + state.clockOffset;
  const snap = state.snapshot;

  if (!snap) {
    return (
      <div data-testid="live-monitor" data-ready="false">
        <PageHeader title={t('live.openMonitor')} subtitle={<ConnectionTag status={status} />} />
      </div>
    );
  }
  const { session, summary } = snap;
  const latestViewers = [...state.minutes].reverse().find((m) => m.viewers !== null)?.viewers ?? null;
  const lastFull = new Date(Math.floor(now / 60_000) * 60_000 - 60_000).toISOString();
  const commentsPerMinute = state.minutes.find((m) => m.minute === lastFull)?.comments ?? state.minutes[state.minutes.length - 1]?.comments ?? 0;
  const time = (iso: string) => new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: session.timeZone });

  return (
    <div data-testid="live-monitor" data-ready="true">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Link to={`/sessions/${session.id}`} data-testid="live-back">
          <ArrowLeftOutlined /> {t('live.backToSession')}
        </Link>
        <Link to={`/sessions/${session.id}/review`} data-testid="live-review">
          <BarChartOutlined /> {t('review.open')}
        </Link>
      </Flex>
      <PageHeader
        title={
          <Flex gap={10} align="center" wrap>
            <span data-testid="live-title">{t('live.monitorTitle', { title: session.title })}</span>
            <StatusTag status={session.status} />
            <ConnectionTag status={status} />
          </Flex>
        }
        subtitle={`${t('live.monitorSubtitle', { room: session.roomName })} · ${summary.lastEventAt ? t('live.lastEvent', { time: time(summary.lastEventAt) }) : t('live.noEvents')}`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('live.viewers')} value={formatNumber(latestViewers, locale)} data-testid="live-viewers" />
            <Typography.Text type="secondary">{t('live.peakViewers', { count: formatNumber(summary.peakViewers, locale) })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Card size="small">
            <Statistic title={t('live.commentsPerMinute')} value={formatNumber(commentsPerMinute, locale)} data-testid="live-cpm" />
            <Typography.Text type="secondary">{formatNumber(summary.counts.comment, locale)}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Card size="small">
            <Statistic title={t('live.likes')} value={formatNumber(summary.likesReportedTotal ?? summary.likes, locale)} data-testid="live-likes" />
            <Typography.Text type="secondary">&nbsp;</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={12} xl={5}>
          <Card size="small">
            <Statistic title={t('live.giftValue')} value={formatYuan(summary.giftValueFen, locale)} data-testid="live-gifts" />
            <Typography.Text type="secondary">&nbsp;</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Card size="small">
            <Statistic title={t('live.gmv')} value={formatYuan(summary.gmvFen, locale)} data-testid="live-gmv" />
            <Typography.Text type="secondary">{t('live.orders', { count: formatNumber(summary.orders, locale) })}</Typography.Text>
          </Card>
        </Col>

        <Col xs={24} xl={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('live.chartViewers')}>
                <MinuteChart testId="live-viewers-chart" minutes={state.minutes} timeZone={session.timeZone} series={[{ name: t('live.chartViewers'), kind: 'line', color: '#1677ff', value: (m) => m.viewers }]} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('live.chartComments')}>
                <MinuteChart testId="live-comments-chart" minutes={state.minutes} timeZone={session.timeZone} series={[{ name: t('live.chartComments'), kind: 'bar', color: '#13c2c2', value: (m) => m.comments }]} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('live.chartLikes')}>
                <MinuteChart testId="live-likes-chart" minutes={state.minutes} timeZone={session.timeZone} series={[{ name: t('live.likes'), kind: 'bar', color: '#eb2f96', value: (m) => m.likes }]} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('live.chartMoney')}>
                <MinuteChart
                  testId="live-money-chart"
                  minutes={state.minutes}
                  timeZone={session.timeZone}
                  series={[
                    { name: t('live.giftValue'), kind: 'line', color: '#fa8c16', value: (m) => m.giftValueFen / 100 },
                    { name: t('live.gmv'), kind: 'line', color: '#52c41a', value: (m) => m.gmvFen / 100 },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('sentiment.chartTitle')}>
                <SentimentMinuteChart minutes={state.minutes} timeZone={session.timeZone} />
              </Card>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <CurrentSlotCard snapshot={snap} now={now} time={time} />
            <LiveAlertPanel alerts={alerts} time={time} />
            <CompliancePanel flagged={state.flagged} time={time} />
          </Flex>
        </Col>
        <Col xs={24}>
          <CommentFeed comments={state.comments} time={time} />
        </Col>
      </Row>
    </div>
  );
}

function CurrentSlotCard({ snapshot, now, time }: { snapshot: LiveSnapshot; now: number; time: (iso: string) => string }) {
  const t = useT();
  const { slots, startedAt } = snapshot;
  const current = currentSlotAt(slots, startedAt, now);
  const slot = current.index === null ? undefined : slots[current.index];
  const next = current.index === null ? undefined : slots[current.index + 1];
  return (
    <Card size="small" title={t('live.currentSlot')} extra={<Typography.Text type="secondary">{t('live.startedAt', { time: time(startedAt) })}</Typography.Text>} data-testid="live-current-slot">
      {!slots.length ? (
        <Typography.Text type="secondary">{t('live.noSlots')}</Typography.Text>
      ) : current.phase !== 'on' || !slot ? (
        <Typography.Text type="secondary" data-testid="live-slot-phase">
          {t(current.phase === 'before' ? 'live.beforeSlots' : 'live.afterSlots')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong data-testid="live-slot-product" ellipsis>
              {slot.productName}
            </Typography.Text>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`slotType.${slot.slotType}`)}</Tag>
          </Flex>
          <Typography.Text type="secondary">
            {slot.productSku} · {t('live.slotOf', { n: current.index! + 1, total: slots.length })}
          </Typography.Text>
          <Progress percent={Math.min(100, Math.round((current.elapsedSeconds / current.plannedSeconds) * 100))} showInfo={false} data-testid="live-slot-progress" />
          <Typography.Text data-testid="live-slot-elapsed">{t('live.slotElapsed', { elapsed: clock(current.elapsedSeconds), planned: clock(current.plannedSeconds) })}</Typography.Text>
          {next ? <Typography.Text type="secondary">{t('live.slotNext', { name: next.productName })}</Typography.Text> : null}
        </Flex>
      )}
    </Card>
  );
}

function CommentFeed({ comments, time }: { comments: LiveComment[]; time: (iso: string) => string }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const lastId = comments[comments.length - 1]?.id;
  // Follow the newest comment unless the reader scrolled up to read.
  useEffect(() => {
    if (following && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lastId, following]);
  const items = useMemo(() => comments, [comments]);
  return (
    <Card size="small" title={t('live.feed')} extra={following ? null : <Typography.Text type="secondary">{t('live.feedPaused')}</Typography.Text>}>
      <div
        ref={box}
        data-testid="live-feed"
        style={{ height: 320, overflowY: 'auto' }}
        onScroll={(e) => {
          const el = e.currentTarget;
          setFollowing(el.scrollHeight - el.scrollTop - el.clientHeight < 24);
        }}
      >
        {items.length ? (
          <List
            size="small"
            dataSource={items}
            renderItem={(c) => (
              <List.Item
                key={c.id}
                style={{ padding: '4px 8px', justifyContent: 'flex-start', background: c.kind === 'transcript' ? 'rgba(22,119,255,0.06)' : undefined }}
                data-testid="live-feed-item"
                data-kind={c.kind}
                data-flagged={c.findings.length ? 'true' : 'false'}
              >
                <FeedLine line={c} time={time} />
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('live.feedEmpty')} />
        )}
      </div>
    </Card>
  );
}

function FeedLine({ line, time }: { line: LiveComment; time: (iso: string) => string }) {
  const t = useT();
  return (
    <>
      <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 8, whiteSpace: 'nowrap' }}>
        {time(line.at)}
      </Typography.Text>
      {line.kind === 'transcript' ? (
        <Tag color="blue" icon={<AudioOutlined />} style={{ marginInlineEnd: 8 }}>
          {t('live.hostSpeech')}
        </Tag>
      ) : (
        <Typography.Text strong style={{ marginInlineEnd: 8, whiteSpace: 'nowrap' }}>
          {line.userName || t('live.anonymous')}
        </Typography.Text>
      )}
      <Typography.Text style={{ flex: 1 }}>
        <Highlighted text={line.text} findings={line.findings} style={INLINE} testId="finding-text" />
      </Typography.Text>
    </>
  );
}

/** Lines the scanner flagged, newest first; a block finding in the host's speech heads the panel in red. */
function CompliancePanel({ flagged, time }: { flagged: LiveComment[]; time: (iso: string) => string }) {
  const t = useT();
  const counts = { block: 0, warn: 0, info: 0 };
  for (const line of flagged) for (const f of line.findings) counts[f.severity]++;
  const speech = [...flagged].reverse().find((l) => l.kind === 'transcript' && l.findings.some((f) => f.severity === 'block'));
  return (
    <Card
      size="small"
      title={t('live.compliance')}
      data-testid="live-alerts"
      extra={
        <Flex gap={6}>
          {(['block', 'warn', 'info'] as const).map((s) => (
            <Badge key={s} count={counts[s]} showZero color={SEVERITY_MARK[s].line} title={t(`live.severity.${s}`)} data-testid={`live-findings-${s}`} />
          ))}
        </Flex>
      }
    >
      {speech ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="live-speech-alert"
          title={t('live.speechViolation', { terms: longestTerms(speech.findings.filter((f) => f.severity === 'block').map((f) => f.term)).join('、') })}
          description={
            <span>
              {time(speech.at)} · <Highlighted text={speech.text} findings={speech.findings} style={INLINE} testId="finding-text" />
            </span>
          }
        />
      ) : null}
      {flagged.length ? (
        <div style={{ maxHeight: 260, overflowY: 'auto' }}>
          <List
            size="small"
            dataSource={[...flagged].reverse()}
            renderItem={(c) => (
              <List.Item key={c.id} style={{ padding: '4px 0', display: 'block' }} data-testid="live-flagged-item" data-kind={c.kind}>
                <Flex gap={6} wrap align="center" style={{ marginBottom: 2 }}>
                  <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {time(c.at)}
                  </Typography.Text>
                  <Tag style={{ marginInlineEnd: 0 }} color={c.kind === 'transcript' ? 'blue' : undefined}>
                    {c.kind === 'transcript' ? t('live.hostSpeech') : c.userName || t('live.anonymous')}
                  </Tag>
                  {[...new Set(c.findings.map((f) => f.rule))].map((rule) => {
                    const f = c.findings.find((x) => x.rule === rule)!;
                    return (
                      <Tag key={rule} color={f.severity === 'block' ? 'red' : f.severity === 'warn' ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }}>
                        {rule}
                      </Tag>
                    );
                  })}
                </Flex>
                <Typography.Text>
                  <Highlighted text={c.text} findings={c.findings} style={INLINE} testId="finding-text" />
                </Typography.Text>
              </List.Item>
            )}
          />
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('live.noFindings')} />
      )}
    </Card>
  );
}

/** Distinct terms without those inside another (全网最低 holds 最低). */
function longestTerms(terms: readonly string[]): string[] {
  const distinct = [...new Set(terms)];
  return distinct.filter((t) => !distinct.some((o) => o !== t && o.includes(t)));
}
