import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Segmented, Select, Spin, Typography } from 'antd';
import { LeftOutlined, LinkOutlined, RightOutlined } from '@ant-design/icons';
import { DateTime } from 'luxon';
import { useNavigate, useSearchParams } from 'react-router';
import type { Override, SessionView, Violation } from '../../../contracts/planning';
import { useCan } from '../../app/session';
import { LoadError, PageHeader, useShowError } from '../../app/ui';
import { useLocale, useT } from '../../i18n';
import { usePeople } from '../people/queries';
import { useRooms } from '../team/queries';
import { CalendarFeedModal } from './CalendarFeed';
import { STATUS_BLOCK } from './labels';
import { useSessions, useUpdateSession, validatePlan } from './queries';
import { DEFAULT_TIME_ZONE, formatRange, offsetLabel, startOfDate, todayIn } from './time';
import { useRuleGuard, ViolationList } from './violations';

const HOUR_PX = 48;
const PX_PER_MIN = HOUR_PX / 60;
const SNAP_MIN = 15;
const DAY_MIN = 24 * 60;
const GUTTER = 56;

type View = 'week' | 'day';

interface Segment {
  session: SessionView;
  day: number;
  startMin: number;
  endMin: number;
  /** The first visible piece of the session (the others continue it after midnight). */
  first: boolean;
  contBefore: boolean;
  contAfter: boolean;
  lane: number;
  lanes: number;
}

/** Cuts an interval into one piece per visible day, in minutes from that day's midnight in `zone`. */
function cut(start: number, end: number, dayStarts: number[]) {
  const out: { day: number; startMin: number; endMin: number; contBefore: boolean; contAfter: boolean }[] = [];
  dayStarts.forEach((dayStart, day) => {
    const dayEnd = dayStarts[day + 1] ?? dayStart + DAY_MIN * 60_000;
    const s = Math.max(start, dayStart);
    const e = Math.min(end, dayEnd);
    if (e <= s) return;
    out.push({
      day,
      startMin: Math.max(0, Math.round((s - dayStart) / 60_000)),
      endMin: Math.min(DAY_MIN, Math.round((e - dayStart) / 60_000)),
      contBefore: start < dayStart,
      contAfter: end > dayEnd,
    });
  });
  return out;
}

/** Side-by-side lanes for sessions that overlap on the same day. */
function layout(segments: Omit<Segment, 'lane' | 'lanes'>[]): Segment[] {
  const out: Segment[] = [];
  const byDay = new Map<number, Omit<Segment, 'lane' | 'lanes'>[]>();
  for (const s of segments) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
  for (const list of byDay.values()) {
    list.sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin);
    let cluster: Segment[] = [];
    let laneEnds: number[] = [];
    let clusterEnd = -1;
    const flush = () => {
      for (const s of cluster) s.lanes = laneEnds.length;
      out.push(...cluster);
      cluster = [];
      laneEnds = [];
    };
    for (const s of list) {
      if (s.startMin >= clusterEnd && cluster.length) flush();
      let lane = laneEnds.findIndex((end) => end <= s.startMin);
      if (lane === -1) {
        lane = laneEnds.length;
        laneEnds.push(s.endMin);
      } else laneEnds[lane] = s.endMin;
      cluster.push({ ...s, lane, lanes: 1 });
      clusterEnd = Math.max(clusterEnd, s.endMin);
    }
    flush();
  }
  return out;
}

interface DragInfo {
  session: SessionView;
  pointerId: number;
  x0: number;
  y0: number;
  colWidth: number;
  day: number;
  moved: boolean;
}

interface Proposal {
  session: SessionView;
  start: number;
  end: number;
  /** Dropped and being saved. */
  saving: boolean;
}

export default function CalendarPage() {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const rooms = useRooms();
  const people = usePeople({ status: 'active' }, can('person:read'));
  const update = useUpdateSession();
  const guard = useRuleGuard();

  const view: View = params.get('view') === 'day' ? 'day' : 'week';
  const roomId = params.get('room') ?? undefined;
  const personId = params.get('person') ?? undefined;
  const room = rooms.data?.find((r) => r.id === roomId);
  const zone = room?.timeZone ?? DEFAULT_TIME_ZONE;
  const dateParam = params.get('date');
  const anchor = dateParam && DateTime.fromISO(dateParam).isValid ? dateParam : todayIn(zone);
  const today = todayIn(zone);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const days = useMemo(() => {
    const first = view === 'week' ? DateTime.fromISO(anchor).startOf('week') : DateTime.fromISO(anchor);
    return Array.from({ length: view === 'week' ? 7 : 1 }, (_, i) => first.plus({ days: i }).toISODate()!);
  }, [anchor, view]);
  const dayStarts = useMemo(() => days.map((d) => startOfDate(d, zone).toMillis()), [days, zone]);
  const from = startOfDate(days[0]!, zone);
  const to = startOfDate(days[days.length - 1]!, zone).plus({ days: 1 });
  const sessions = useSessions({ roomId, personId, from: from.toISO()!, to: to.toISO()!, limit: 2000 });
  const roomName = new Map((rooms.data ?? []).map((r) => [r.id, r.displayName]));

  const segments = useMemo(() => {
    const raw = (sessions.data ?? []).flatMap((session) =>
      cut(Date.parse(session.plannedStart), Date.parse(session.plannedEnd), dayStarts).map((piece, i) => ({ ...piece, session, first: i === 0 })),
    );
    return layout(raw);
  }, [sessions.data, dayStarts]);

  // Dragging: where the session would go, and what that would break (asked from the server, nothing saved).
  const drag = useRef<DragInfo | null>(null);
  const justDragged = useRef(false);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [check, setCheck] = useState<{ start: number; violations: Violation[] } | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [feedFor, setFeedFor] = useState<string | null>(null);

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 8 * HOUR_PX - 10;
  }, [view]);

  useEffect(() => {
    if (!proposal || proposal.saving) return;
    const { session, start, end } = proposal;
    let stale = false;
    const timer = setTimeout(() => {
      validatePlan({
        sessionId: session.id,
        roomId: session.roomId,
        plannedStart: new Date(start).toISOString(),
        plannedEnd: new Date(end).toISOString(),
      }).then(
        (violations) => {
          if (!stale) setCheck({ start, violations });
        },
        () => undefined,
      );
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [proposal?.session.id, proposal?.start, proposal?.saving]);

  const canDrag = (s: SessionView) => can('session:write') && (s.status === 'draft' || s.status === 'scheduled');

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>, seg: Segment) => {
    if (e.button !== 0 || !canDrag(seg.session) || proposal?.saving) return;
    const col = gridRef.current?.querySelector<HTMLElement>('[data-day-col]');
    drag.current = { session: seg.session, pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, colWidth: col?.getBoundingClientRect().width ?? 120, day: seg.day, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const dx = e.clientX - d.x0;
    const dy = e.clientY - d.y0;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 5) return;
    d.moved = true;
    const dayDelta = view === 'week' ? Math.max(-d.day, Math.min(days.length - 1 - d.day, Math.round(dx / d.colWidth))) : 0;
    const minuteDelta = Math.round(dy / PX_PER_MIN / SNAP_MIN) * SNAP_MIN;
    const origStart = DateTime.fromISO(d.session.plannedStart, { zone: 'utc' }).setZone(zone);
    const moved = origStart.plus({ days: dayDelta, minutes: minuteDelta });
    const snappedMinutes = Math.round((moved.hour * 60 + moved.minute) / SNAP_MIN) * SNAP_MIN;
    const start = moved.startOf('day').plus({ minutes: snappedMinutes }).toMillis();
    const length = Date.parse(d.session.plannedEnd) - Date.parse(d.session.plannedStart);
    if (proposal?.start !== start || proposal.session.id !== d.session.id) setProposal({ session: d.session, start, end: start + length, saving: false });
  };

  const finish = (e: ReactPointerEvent<HTMLDivElement>, cancelled = false) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    if (!d.moved) return;
    justDragged.current = true;
    setTimeout(() => (justDragged.current = false), 0);
    const p = proposal;
    if (cancelled || !p || p.start === Date.parse(d.session.plannedStart)) {
      setProposal(null);
      setCheck(null);
      return;
    }
    setProposal({ ...p, saving: true });
    const plannedStart = DateTime.fromMillis(p.start, { zone }).toISO({ suppressMilliseconds: true })!;
    const plannedEnd = DateTime.fromMillis(p.end, { zone }).toISO({ suppressMilliseconds: true })!;
    const clear = () => {
      setProposal(null);
      setCheck(null);
    };
    void guard.run((override?: Override) => update.mutateAsync({ id: p.session.id, input: { plannedStart, plannedEnd, override } }), {
      onSuccess: () => {
        void message.success(t('calendar.moved', { title: p.session.title }));
        void queryClient.refetchQueries({ queryKey: ['sessions', 'list'] }).finally(clear);
      },
      onCancel: clear,
      onError: (error) => {
        clear();
        showError(error);
      },
    });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && drag.current) {
        drag.current = null;
        setProposal(null);
        setCheck(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const step = (dir: -1 | 1) => set({ date: DateTime.fromISO(anchor).plus(view === 'week' ? { weeks: dir } : { days: dir }).toISODate()! });
  const luxLocale = locale === 'zh-CN' ? 'zh-CN' : 'en-US';
  const rangeLabel =
    view === 'week'
      ? `${DateTime.fromISO(days[0]!).toFormat('yyyy-MM-dd')} – ${DateTime.fromISO(days[6]!).toFormat('yyyy-MM-dd')}`
      : DateTime.fromISO(days[0]!).setLocale(luxLocale).toFormat('yyyy-MM-dd cccc');

  const currentCheck = proposal && check && check.start === proposal.start ? check.violations : null;
  const ghostColor = !currentCheck ? '#1677ff' : currentCheck.some((v) => v.severity === 'block') ? '#ff4d4f' : currentCheck.length ? '#fa8c16' : '#52c41a';
  const ghostSegments = proposal ? cut(proposal.start, proposal.end, dayStarts) : [];
  const nowMin = Math.round((Date.now() - (dayStarts[days.indexOf(today)] ?? 0)) / 60_000);
  const personName = people.data?.find((p) => p.id === personId)?.displayName ?? '';

  return (
    <>
      <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle')} />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={8} wrap align="center" style={{ padding: 12, borderBottom: '1px solid #f0f0f0' }} data-testid="calendar-toolbar">
          <Segmented<View>
            value={view}
            onChange={(v) => set({ view: v === 'week' ? undefined : v })}
            options={[
              { value: 'week', label: <span data-testid="calendar-view-week">{t('calendar.week')}</span> },
              { value: 'day', label: <span data-testid="calendar-view-day">{t('calendar.day')}</span> },
            ]}
          />
          <Button icon={<LeftOutlined />} onClick={() => step(-1)} aria-label={t('calendar.prev')} data-testid="calendar-prev" />
          <Button onClick={() => set({ date: undefined })} data-testid="calendar-today">
            {t('calendar.today')}
          </Button>
          <Button icon={<RightOutlined />} onClick={() => step(1)} aria-label={t('calendar.next')} data-testid="calendar-next" />
          <Typography.Text strong style={{ minWidth: 190 }} data-testid="calendar-range">
            {rangeLabel}
          </Typography.Text>
          <Select
            allowClear
            placeholder={t('calendar.allRooms')}
            value={roomId}
            onChange={(v?: string) => set({ room: v })}
            options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.displayName }))}
            style={{ width: 220 }}
            data-testid="calendar-filter-room"
          />
          {can('person:read') ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('calendar.allPeople')}
              value={personId}
              onChange={(v?: string) => set({ person: v })}
              options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
              style={{ width: 180 }}
              data-testid="calendar-filter-person"
            />
          ) : null}
          {personId ? (
            <Button icon={<LinkOutlined />} onClick={() => setFeedFor(personId)} data-testid="calendar-feed-open">
              {t('feed.open')}
            </Button>
          ) : null}
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }} data-testid="calendar-zone">
            {sessions.isFetching ? <Spin size="small" style={{ marginInlineEnd: 8 }} /> : null}
            {t('calendar.zone', { zone, offset: offsetLabel(zone) })}
          </Typography.Text>
        </Flex>
        {sessions.isError ? (
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <div ref={scrollRef} style={{ height: 'calc(100vh - 270px)', minHeight: 420, overflow: 'auto', position: 'relative' }} data-testid="calendar-scroll">
            <div
              ref={gridRef}
              data-testid="calendar-grid"
              data-view={view}
              data-zone={zone}
              style={{ display: 'grid', gridTemplateColumns: `${GUTTER}px repeat(${days.length}, minmax(${view === 'week' ? 110 : 240}px, 1fr))`, minWidth: view === 'week' ? GUTTER + 7 * 110 : undefined }}
            >
              {/* Day headers */}
              <div style={{ position: 'sticky', top: 0, zIndex: 4, background: '#fff', borderBottom: '1px solid #f0f0f0' }} />
              {days.map((d) => {
                const dt = DateTime.fromISO(d).setLocale(luxLocale);
                const isToday = d === today;
                return (
                  <div
                    key={d}
                    style={{ position: 'sticky', top: 0, zIndex: 4, background: '#fff', borderBottom: '1px solid #f0f0f0', borderInlineStart: '1px solid #f0f0f0', padding: '6px 8px', textAlign: 'center', cursor: view === 'week' ? 'pointer' : undefined }}
                    onClick={() => view === 'week' && set({ view: 'day', date: d })}
                    data-testid={`calendar-day-${d}`}
                  >
                    <Typography.Text type={isToday ? undefined : 'secondary'} style={{ fontSize: 12 }}>
                      {dt.toFormat('ccc')}
                    </Typography.Text>{' '}
                    <Typography.Text strong style={isToday ? { color: '#fff', background: '#1677ff', borderRadius: 10, padding: '0 8px' } : undefined}>
                      {dt.toFormat('MM-dd')}
                    </Typography.Text>
                  </div>
                );
              })}
              {/* Hours gutter */}
              <div style={{ position: 'relative', height: 24 * HOUR_PX }}>
                {Array.from({ length: 24 }, (_, h) => (
                  <div key={h} style={{ position: 'absolute', top: h * HOUR_PX - 7, right: 8, fontSize: 11, color: '#8c8c8c' }}>
                    {h === 0 ? '' : `${String(h).padStart(2, '0')}:00`}
                  </div>
                ))}
              </div>
              {days.map((d, dayIndex) => (
                <div
                  key={d}
                  data-day-col={d}
                  style={{
                    position: 'relative',
                    height: 24 * HOUR_PX,
                    borderInlineStart: '1px solid #f0f0f0',
                    background: `repeating-linear-gradient(to bottom, #e8e8e8 0 1px, transparent 1px ${HOUR_PX}px), repeating-linear-gradient(to bottom, #f5f5f5 0 1px, transparent 1px ${HOUR_PX / 2}px) ${d === today ? '#f7fbff' : '#fff'}`,
                  }}
                >
                  {d === today && nowMin >= 0 && nowMin <= DAY_MIN ? (
                    <div style={{ position: 'absolute', left: 0, right: 0, top: nowMin * PX_PER_MIN, height: 2, background: '#ff4d4f', zIndex: 2 }} data-testid="calendar-now" />
                  ) : null}
                  {segments
                    .filter((s) => s.day === dayIndex)
                    .map((seg) => {
                      const s = seg.session;
                      const colors = STATUS_BLOCK[s.status];
                      const height = Math.max((seg.endMin - seg.startMin) * PX_PER_MIN, 18);
                      const draggable = canDrag(s);
                      const isMoving = proposal?.session.id === s.id;
                      return (
                        <div
                          key={`${s.id}-${seg.day}`}
                          role="button"
                          tabIndex={0}
                          data-testid={seg.first ? `calendar-block-${s.id}` : `calendar-block-${s.id}-next`}
                          data-session-id={s.id}
                          data-status={s.status}
                          data-start={s.plannedStart}
                          title={`${s.title}\n${formatRange(s.plannedStart, s.plannedEnd, zone, locale)}\n${roomName.get(s.roomId) ?? ''}`}
                          onPointerDown={(e) => onPointerDown(e, seg)}
                          onPointerMove={onPointerMove}
                          onPointerUp={(e) => finish(e)}
                          onPointerCancel={(e) => finish(e, true)}
                          onClick={() => {
                            if (!justDragged.current) void navigate(`/sessions/${s.id}`);
                          }}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') void navigate(`/sessions/${s.id}`);
                          }}
                          style={{
                            position: 'absolute',
                            top: seg.startMin * PX_PER_MIN,
                            height,
                            left: `calc(${(seg.lane / seg.lanes) * 100}% + 2px)`,
                            width: `calc(${100 / seg.lanes}% - 4px)`,
                            background: colors.bg,
                            borderInlineStart: `3px solid ${colors.border}`,
                            borderRadius: 4,
                            borderTopLeftRadius: seg.contBefore ? 0 : 4,
                            borderBottomLeftRadius: seg.contAfter ? 0 : 4,
                            boxShadow: '0 1px 2px rgba(0,0,0,0.08)',
                            color: colors.text,
                            padding: '2px 6px',
                            fontSize: 12,
                            lineHeight: '16px',
                            overflow: 'hidden',
                            cursor: draggable ? 'grab' : 'pointer',
                            userSelect: 'none',
                            touchAction: draggable ? 'none' : undefined,
                            opacity: isMoving ? 0.35 : s.status === 'cancelled' ? 0.6 : 1,
                            textDecoration: s.status === 'cancelled' ? 'line-through' : undefined,
                            zIndex: 1,
                          }}
                        >
                          <div style={seg.lanes > 2 || view === 'week' ? { fontWeight: 600, overflowWrap: 'anywhere' } : { fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                            {seg.contBefore ? '↑ ' : ''}
                            {s.title}
                          </div>
                          <div style={{ opacity: 0.85, overflowWrap: 'anywhere', display: view === 'week' && seg.lanes > 2 ? 'none' : undefined }}>
                            {DateTime.fromISO(s.plannedStart, { zone: 'utc' }).setZone(zone).toFormat('HH:mm')}–{DateTime.fromISO(s.plannedEnd, { zone: 'utc' }).setZone(zone).toFormat('HH:mm')}
                            {seg.contAfter ? ' ↓' : ''}
                          </div>
                          {height > 56 && !roomId && (view === 'day' || seg.lanes === 1) ? <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', opacity: 0.7 }}>{roomName.get(s.roomId)}</div> : null}
                          {height > 72 && (view === 'day' || seg.lanes === 1) ? (
                            <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', opacity: 0.7 }}>
                              {s.crew.filter((c) => c.role === 'host').map((c) => c.displayName).join('、') || t('session.noCrew')}
                            </div>
                          ) : null}
                        </div>
                      );
                    })}
                  {proposal
                    ? ghostSegments
                        .filter((g) => g.day === dayIndex)
                        .map((g) => (
                          <div
                            key={`ghost-${g.day}`}
                            data-testid="calendar-ghost"
                            style={{
                              position: 'absolute',
                              top: g.startMin * PX_PER_MIN,
                              height: Math.max((g.endMin - g.startMin) * PX_PER_MIN, 18),
                              left: 2,
                              right: 2,
                              border: `2px dashed ${ghostColor}`,
                              background: `${ghostColor}1f`,
                              borderRadius: 4,
                              padding: '2px 6px',
                              fontSize: 12,
                              color: '#262626',
                              pointerEvents: 'none',
                              zIndex: 3,
                            }}
                          >
                            <div style={{ fontWeight: 600 }}>
                              {DateTime.fromMillis(proposal.start, { zone }).toFormat('HH:mm')}–{DateTime.fromMillis(proposal.end, { zone }).toFormat('HH:mm')}
                            </div>
                            <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{proposal.session.title}</div>
                          </div>
                        ))
                    : null}
                </div>
              ))}
            </div>
          </div>
        )}
        <Flex gap={16} wrap style={{ padding: '8px 12px', borderTop: '1px solid #f0f0f0' }}>
          {(['draft', 'scheduled', 'live', 'ended', 'reviewed', 'cancelled'] as const).map((status) => (
            <Flex key={status} gap={6} align="center">
              <span style={{ width: 12, height: 12, borderRadius: 2, background: STATUS_BLOCK[status].bg, borderInlineStart: `3px solid ${STATUS_BLOCK[status].border}` }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`sessionStatus.${status}`)}
              </Typography.Text>
            </Flex>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
            {can('session:write') ? t('calendar.dragHint') : t('calendar.clickHint')}
          </Typography.Text>
        </Flex>
      </Card>
      {proposal ? (
        <Card
          size="small"
          data-testid="calendar-drag-preview"
          // Kept on the side away from where the session is being dropped.
          style={{
            position: 'fixed',
            ...(ghostSegments[0] && ghostSegments[0].day >= days.length / 2 && days.length > 1 ? { left: 260 } : { right: 24 }),
            bottom: 24,
            width: 380,
            zIndex: 20,
            boxShadow: '0 6px 16px rgba(0,0,0,0.15)',
          }}
          title={proposal.saving ? t('calendar.saving') : t('calendar.moving', { title: proposal.session.title })}
        >
          <Flex vertical gap={8}>
            <Typography.Text strong data-testid="calendar-drag-time">
              {formatRange(new Date(proposal.start).toISOString(), new Date(proposal.end).toISOString(), zone, locale)}
            </Typography.Text>
            {currentCheck === null ? (
              <Typography.Text type="secondary">
                <Spin size="small" /> {t('calendar.checking')}
              </Typography.Text>
            ) : currentCheck.length ? (
              <ViolationList violations={currentCheck} testId="drag-violations" compact />
            ) : (
              <Typography.Text type="success" data-testid="drag-ok">
                {t('calendar.noViolations')}
              </Typography.Text>
            )}
          </Flex>
        </Card>
      ) : null}
      <CalendarFeedModal personId={feedFor} personName={personName} onClose={() => setFeedFor(null)} />
      {guard.modal}
    </>
  );
}
