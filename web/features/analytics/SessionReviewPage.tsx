import { Card, Col, Empty, Flex, List, Progress, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { MetricBand, MetricKey, MetricValue, ReviewSlot, SessionReview } from '../../../contracts/analytics';
import type { SessionStatus } from '../../../contracts/planning';
import { FullPageSpin, LoadError, PageHeader } from '../../app/ui';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { StatusTag } from '../planning/labels';
import SuggestionsPanel from '../suggestions/SuggestionsPanel';
import { formatMetric, useMetricText } from './format';
import { useSessionReview } from './queries';
import { SalesChart, TrafficChart } from './ReviewCharts';

/** The cards at the top, in the order a reviewer reads them. */
const KEY_METRICS: MetricKey[] = [
  'gmv_fen',
  'orders',
  'buyers',
  'aov_fen',
  'viewers',
  'peak_viewers',
  'avg_viewers',
  'uv_value_fen',
  'gpm_fen',
  'interaction_rate',
  'comments',
  'commenters',
  'follows',
  'follow_rate',
  'fans_club_joins',
  'gift_fen',
  'likes',
  'avg_watch_seconds',
  'refund_rate',
  'duration_seconds',
];

/** 五维四率: exposure → enter → product exposure → click → pay, each step with the rate into it. */
const FUNNEL: { step: MetricKey; rate: MetricKey | null }[] = [
  { step: 'exposure_viewers', rate: null },
  { step: 'viewers', rate: 'enter_rate' },
  { step: 'product_exposure_viewers', rate: 'product_exposure_rate' },
  { step: 'product_click_viewers', rate: 'product_click_rate' },
  { step: 'buyers', rate: 'click_to_pay_rate' },
];

const SEVERITY_COLOR: Record<string, string> = { block: 'red', warn: 'orange', info: 'blue' };
const POSITION_COLOR: Record<string, string> = { below: 'orange', within: 'blue', above: 'green' };

export default function SessionReviewPage() {
  const { id } = useParams();
  const q = useSessionReview(id);
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  return <Review review={q.data} />;
}

function Review({ review }: { review: SessionReview }) {
  const t = useT();
  const { locale } = useLocale();
  const { session } = review;
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: session.timeZone }).format(new Date(iso));
  const aired = session.firstEventAt && session.lastEventAt ? t('review.aired', { from: time(session.firstEventAt), to: time(session.lastEventAt) }) : t('review.notAired');
  const platformKey = `platform.${session.platform}` as MessageKey;
  const platform = t(platformKey) === platformKey ? session.platform : t(platformKey);

  return (
    <div data-testid="review-page" data-session={session.id}>
      <Link to={`/sessions/${session.id}`} style={{ display: 'inline-block', marginBottom: 8 }} data-testid="review-back">
        <ArrowLeftOutlined /> {t('review.back')}
      </Link>
      <PageHeader
        testId="review-header"
        title={
          <Flex gap={10} align="center" wrap>
            <span data-testid="review-title">{t('review.title', { title: session.title })}</span>
            <StatusTag status={session.status as SessionStatus} />
          </Flex>
        }
        subtitle={t('review.subtitle', { room: session.roomName, platform, time: aired })}
      />
      <Flex vertical gap={16}>
        <MetricCards metrics={review.metrics} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Funnel metrics={review.metrics} />
          </Col>
          <Col xs={24} xl={10}>
            <Goals review={review} />
          </Col>
        </Row>
        <Timeline review={review} />
        <Slots review={review} />
        <Themes review={review} />
        <Comparison review={review} />
        <Findings review={review} />
        <SuggestionsPanel sessionId={session.id} />
      </Flex>
    </div>
  );
}

function MetricCards({ metrics }: { metrics: MetricValue[] }) {
  const t = useT();
  const text = useMetricText();
  const byKey = new Map(metrics.map((m) => [m.metric, m]));
  return (
    <Card size="small" title={t('review.metrics')} data-testid="review-metrics">
      <Row gutter={[12, 12]}>
        {KEY_METRICS.map((key) => {
          const m = byKey.get(key)!;
          return (
            <Col key={key} xs={12} md={8} lg={6} xl={4}>
              <div data-testid={`metric-${key}`} data-value={m.value === null ? 'null' : String(m.value)} data-source={m.source ?? ''} data-basis={m.basis ?? ''} style={{ padding: '8px 12px', border: '1px solid #f0f0f0', borderRadius: 8, height: '100%' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {text.label(key)}
                </Typography.Text>
                <div data-testid={`metric-${key}-value`} style={{ fontSize: m.value === null ? 16 : 20, fontWeight: 600, color: m.value === null ? '#bfbfbf' : undefined, lineHeight: 1.4 }}>
                  {text.value(m)}
                </div>
                {text.provenance(m) ? (
                  <Tooltip title={text.provenance(m)}>
                    <Typography.Text type="secondary" style={{ fontSize: 11 }} ellipsis data-testid={`metric-${key}-provenance`}>
                      <InfoCircleOutlined /> {text.provenance(m)}
                    </Typography.Text>
                  </Tooltip>
                ) : null}
              </div>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

function Funnel({ metrics }: { metrics: MetricValue[] }) {
  const t = useT();
  const text = useMetricText();
  const byKey = new Map(metrics.map((m) => [m.metric, m]));
  return (
    <Card size="small" title={t('review.funnel')} extra={<Typography.Text type="secondary">{t('review.funnelHint')}</Typography.Text>} data-testid="review-funnel" style={{ height: '100%' }}>
      <Flex align="center" gap={6} wrap>
        {FUNNEL.map(({ step, rate }) => {
          const m = byKey.get(step)!;
          const r = rate ? byKey.get(rate)! : null;
          return (
            <Flex key={step} align="center" gap={6}>
              {r ? (
                <Tooltip title={`${text.label(r.metric)} · ${text.provenance(r)}`}>
                  <Flex vertical align="center" style={{ minWidth: 64 }} data-testid={`funnel-rate-${r.metric}`}>
                    <ArrowRightOutlined style={{ color: '#bfbfbf' }} />
                    <Typography.Text type={r.value === null ? 'secondary' : undefined} style={{ fontSize: 12 }}>
                      {text.value(r)}
                    </Typography.Text>
                  </Flex>
                </Tooltip>
              ) : null}
              <div data-testid={`funnel-${step}`} style={{ textAlign: 'center', padding: '6px 10px', background: m.value === null ? '#fafafa' : '#e6f4ff', borderRadius: 6, minWidth: 96 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {text.label(step)}
                </Typography.Text>
                <div style={{ fontWeight: 600, color: m.value === null ? '#bfbfbf' : undefined }}>{text.value(m)}</div>
              </div>
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}

function Goals({ review }: { review: SessionReview }) {
  const t = useT();
  const text = useMetricText();
  return (
    <Card size="small" title={t('review.goals')} data-testid="review-goals" style={{ height: '100%' }}>
      <Flex vertical gap={8}>
        {review.goals.map((g) => {
          const unit = g.metric === 'gmv_fen' ? 'fen' : 'count';
          const actual = text.value({ metric: g.metric, unit, value: g.actual });
          const goal = g.goal === null ? null : text.value({ metric: g.metric, unit, value: g.goal });
          return (
            <div key={g.metric} data-testid={`goal-${g.metric}`} data-actual={g.actual === null ? 'null' : String(g.actual)} data-goal={g.goal === null ? 'null' : String(g.goal)}>
              <Flex justify="space-between">
                <Typography.Text strong>{text.label(g.metric)}</Typography.Text>
                <Typography.Text type="secondary">{goal === null ? `${actual} · ${t('review.goal.none')}` : t('review.goal.line', { actual, goal })}</Typography.Text>
              </Flex>
              <Progress
                percent={g.attainment === null ? 0 : Math.round(g.attainment * 1000) / 10}
                status={g.attainment !== null && g.attainment >= 1 ? 'success' : 'normal'}
                format={() => (g.attainment === null ? t('analytics.noData') : `${Math.round(g.attainment * 1000) / 10}%`)}
                size="small"
              />
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}

function Timeline({ review }: { review: SessionReview }) {
  const t = useT();
  return (
    <Card
      size="small"
      title={t('review.timeline')}
      data-testid="review-timeline"
      extra={<Typography.Text type="secondary">{t('review.pins', { slots: review.slots.filter((s) => s.start).length, alerts: review.alerts.length, incidents: review.incidents.length })}</Typography.Text>}
    >
      {review.timeline.length ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Typography.Text type="secondary">{t('review.timeline.traffic')}</Typography.Text>
            <TrafficChart review={review} />
          </Col>
          <Col xs={24} xl={12}>
            <Typography.Text type="secondary">{t('review.timeline.sales')}</Typography.Text>
            <SalesChart review={review} />
          </Col>
        </Row>
      ) : (
        <Empty description={t('review.noTimeline')} />
      )}
    </Card>
  );
}

function Slots({ review }: { review: SessionReview }) {
  const t = useT();
  const { locale } = useLocale();
  const text = useMetricText();
  const money = (v: number | null) => text.value({ metric: 'gmv_fen', unit: 'fen', value: v });
  const count = (v: number | null) => text.value({ metric: 'orders', unit: 'count', value: v });
  const time = (iso: string | null) => (iso ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: review.session.timeZone }).format(new Date(iso)) : '—');
  return (
    <Card
      size="small"
      title={t('review.slots')}
      data-testid="review-slots"
      extra={
        <Tag color={review.slotTiming === 'events' ? 'blue' : 'default'} data-testid="review-slot-timing" data-timing={review.slotTiming}>
          {t(`review.slotTiming.${review.slotTiming}` as MessageKey)}
        </Tag>
      }
    >
      {review.slots.length ? (
        <Table<ReviewSlot>
          size="small"
          rowKey="position"
          pagination={false}
          dataSource={review.slots}
          scroll={{ x: 'max-content' }}
          onRow={(s) => ({ 'data-testid': `slot-row-${s.position}` }) as never}
          columns={[
            { title: t('review.slot.position'), dataIndex: 'position', width: 48 },
            { title: t('review.slot.product'), render: (_, s) => `${s.productName} (${s.productSku})` },
            { title: t('review.slot.time'), render: (_, s) => (s.start ? `${time(s.start)} – ${time(s.end)}` : t('analytics.noData')) },
            { title: t('review.slot.planned'), dataIndex: 'plannedMinutes', align: 'right' },
            { title: t('review.slot.actual'), align: 'right', render: (_, s) => <span data-testid={`slot-actual-${s.position}`}>{count(s.actualMinutes)}</span> },
            { title: t('review.slot.gmv'), align: 'right', render: (_, s) => <span data-testid={`slot-gmv-${s.position}`}>{money(s.gmvFen)}</span> },
            { title: t('review.slot.orders'), align: 'right', render: (_, s) => <span data-testid={`slot-orders-${s.position}`}>{count(s.orders)}</span> },
            { title: t('review.slot.gmvPerMinute'), align: 'right', render: (_, s) => money(s.gmvPerMinuteFen === null ? null : Math.round(s.gmvPerMinuteFen)) },
            { title: t('review.slot.clicks'), align: 'right', render: (_, s) => count(s.clicks) },
          ]}
        />
      ) : (
        <Empty description={t('review.noSlots')} />
      )}
    </Card>
  );
}

/** A weighted tag cloud: font size by count (square-root scale), colours cycling; no word-cloud package needed. */
function WordCloud({ words }: { words: SessionReview['themes']['words'] }) {
  const max = Math.max(...words.map((w) => w.count), 1);
  const min = Math.min(...words.map((w) => w.count), max);
  const palette = ['#1677ff', '#13c2c2', '#722ed1', '#fa8c16', '#52c41a', '#eb2f96', '#2f54eb'];
  // alphabetical, so the biggest words are spread through the cloud rather than stacked at the start
  const shown = [...words].sort((a, b) => a.word.localeCompare(b.word, 'zh-CN'));
  return (
    <Flex wrap gap="4px 14px" align="center" justify="center" data-testid="review-word-cloud" style={{ padding: '8px 4px', minHeight: 120 }}>
      {shown.map((w, i) => {
        const weight = max === min ? 1 : Math.sqrt((w.count - min) / (max - min));
        return (
          <Tooltip key={w.word} title={w.count}>
            <span data-testid="word" data-word={w.word} data-count={w.count} style={{ fontSize: Math.round(12 + weight * 26), color: palette[i % palette.length], fontWeight: weight > 0.6 ? 600 : 400, lineHeight: 1.2 }}>
              {w.word}
            </span>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

function Themes({ review }: { review: SessionReview }) {
  const t = useT();
  const { themes } = review;
  return (
    <Card size="small" title={t('review.themes')} data-testid="review-themes" extra={themes.comments ? <Typography.Text type="secondary">{t('review.themes.sample', { sampled: themes.sampled, comments: themes.comments, perMinute: themes.perMinute })}</Typography.Text> : null}>
      {themes.comments ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Typography.Text strong>{t('review.wordCloud')}</Typography.Text>
            <WordCloud words={themes.words} />
          </Col>
          <Col xs={24} lg={10}>
            <Typography.Text strong>{t('review.questions')}</Typography.Text>
            {themes.questions.length ? (
              <List
                size="small"
                data-testid="review-questions"
                dataSource={themes.questions}
                renderItem={(q, i) => (
                  <List.Item data-testid="question" extra={<Tag>{q.count}</Tag>}>
                    <Typography.Text>
                      {i + 1}. {q.text}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('review.noQuestions')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Col>
        </Row>
      ) : (
        <Empty description={t('review.noComments')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}

function Findings({ review }: { review: SessionReview }) {
  const t = useT();
  const { findings } = review;
  const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: review.session.timeZone });
  const severity = (s: string) => (
    <Tag color={SEVERITY_COLOR[s] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`review.severity.${s}` as MessageKey)}
    </Tag>
  );
  return (
    <Card
      size="small"
      title={t('review.findings')}
      data-testid="review-findings"
      extra={
        <Flex gap={6} data-testid="review-findings-total" data-total={findings.total}>
          <Typography.Text type="secondary">{t('review.findings.total', { count: findings.total })}</Typography.Text>
          {findings.bySeverity.map((s) => (
            <Tag key={s.severity} color={SEVERITY_COLOR[s.severity] ?? 'default'} data-testid={`findings-severity-${s.severity}`}>
              {t(`review.severity.${s.severity}` as MessageKey)} {s.count}
            </Tag>
          ))}
        </Flex>
      }
    >
      {findings.total ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Table
              size="small"
              rowKey={(r) => `${r.rule}|${r.severity}`}
              pagination={false}
              dataSource={findings.byRule}
              columns={[
                { title: t('review.findings.rule'), dataIndex: 'rule' },
                { title: t('review.findings.category'), dataIndex: 'category' },
                { title: t('review.findings.severity'), dataIndex: 'severity', render: severity },
                { title: t('review.findings.count'), dataIndex: 'count', align: 'right' },
              ]}
            />
          </Col>
          <Col xs={24} lg={14}>
            <Typography.Text strong>{t('review.findings.lines')}</Typography.Text>
            <List
              size="small"
              style={{ maxHeight: 320, overflow: 'auto' }}
              dataSource={findings.lines}
              renderItem={(l) => (
                <List.Item data-testid="finding-line">
                  <Flex gap={8} align="baseline" wrap>
                    <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {time(l.at)}
                    </Typography.Text>
                    {severity(l.severity)}
                    <Tag style={{ marginInlineEnd: 0 }}>{t(`review.findings.source.${l.source}` as MessageKey)}</Tag>
                    <Typography.Text>{l.text ?? l.term}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {l.rule} · {l.term}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Col>
        </Row>
      ) : (
        <Empty description={t('review.findings.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}

/** p10–p90 as a bar, the median as a tick, this session as a dot. */
function BandBar({ band }: { band: MetricBand }) {
  if (band.p10 === null || band.p90 === null || band.p50 === null) return null;
  const values = [band.p10, band.p90, ...(band.value === null ? [] : [band.value])];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  const x = (v: number) => `${((v - (lo - pad)) / (hi - lo + 2 * pad)) * 100}%`;
  return (
    <div style={{ position: 'relative', height: 14, minWidth: 160, background: '#fafafa', borderRadius: 7 }}>
      <div style={{ position: 'absolute', left: x(band.p10), width: `calc(${x(band.p90)} - ${x(band.p10)})`, top: 3, height: 8, background: '#bae0ff', borderRadius: 4 }} />
      <div style={{ position: 'absolute', left: x(band.p50), top: 1, width: 2, height: 12, background: '#1677ff' }} />
      {band.value !== null ? <div style={{ position: 'absolute', left: `calc(${x(band.value)} - 5px)`, top: 2, width: 10, height: 10, borderRadius: 5, background: POSITION_COLOR[band.position ?? 'within'] === 'orange' ? '#fa8c16' : band.position === 'above' ? '#52c41a' : '#0958d9', border: '2px solid #fff' }} /> : null}
    </div>
  );
}

function Comparison({ review }: { review: SessionReview }) {
  const t = useT();
  const { locale } = useLocale();
  const text = useMetricText();
  const { comparison } = review;
  const fmt = (b: MetricBand, v: number | null) => formatMetric(b.metric, b.unit, v, locale) ?? '—';
  return (
    <Card size="small" title={t('review.comparison')} data-testid="review-comparison" extra={comparison.sessionIds.length ? <Typography.Text type="secondary">{t('review.comparison.hint', { count: comparison.sessionIds.length })}</Typography.Text> : null}>
      {comparison.sessionIds.length ? (
        <Table<MetricBand>
          size="small"
          rowKey="metric"
          pagination={false}
          dataSource={comparison.bands}
          scroll={{ x: 'max-content' }}
          onRow={(b) => ({ 'data-testid': `band-${b.metric}`, 'data-position': b.position ?? '' }) as never}
          columns={[
            { title: t('review.comparison.metric'), render: (_, b) => text.label(b.metric) },
            { title: t('review.comparison.value'), align: 'right', render: (_, b) => text.value(b) },
            { title: t('review.comparison.band'), align: 'right', render: (_, b) => (b.samples ? `${fmt(b, b.p10)} · ${fmt(b, b.p50)} · ${fmt(b, b.p90)}` : t('analytics.noData')) },
            { title: '', width: 200, render: (_, b) => <BandBar band={b} /> },
            {
              title: t('review.comparison.position'),
              render: (_, b) => (
                <Flex gap={6} align="center">
                  <Tag color={b.position ? POSITION_COLOR[b.position] : 'default'}>{t(b.position ? (`review.position.${b.position}` as MessageKey) : 'review.position.none')}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('review.samples', { count: b.samples })}
                  </Typography.Text>
                </Flex>
              ),
            },
          ]}
        />
      ) : (
        <Empty description={t('review.comparison.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}
