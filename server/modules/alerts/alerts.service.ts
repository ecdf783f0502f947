import type { AlertThresholds, AlertView, PutAlertRulesInput, RoomAlertRules } from '../../../contracts/alerts';
import type { Actor, Deps, TeamScope } from '../../platform/context';
import { json, withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';
import { isSessionWatched, publishSessionAlerts } from '../ingest/live.hub';
import { notify, sessionResponders } from '../notifications/notifications.service';
import { nudgeOutbox } from '../channels/channels.delivery';
import * as repo from './alerts.repository';
import { complianceFirings, gmvPace, groupKey, isMoreSevere, sentimentSurge, streamSilent, viewerDrop, type AlertFiring, type FindingFact, type SentimentMinute } from './alerts.rules';

interface SessionRef {
  sessionId: string;
  roomId: string;
  teamId: string;
}

export type RaiseOutcome = 'opened' | 'escalated' | 'bumped' | 'refreshed';

/**
 * Raises a firing as an alert, in the caller's transaction: the open (or acknowledged) alert with the same group key is
 * bumped — count, last_at, latest numbers, severity only upwards — else a new one opens. Opening and escalating
 * queue an outbox row for the webhook channels and notify the session's responders in the console.
 */
export async function raiseAlert(trx: Executor, ref: SessionRef, firing: AlertFiring, at = nowIso()): Promise<RaiseOutcome> {
  const key = groupKey(ref.sessionId, firing.kind, firing.rule);
  const current = await trx.selectFrom('alerts').select(['id', 'severity', 'count', 'detail']).where('group_key', '=', key).where('status', '!=', 'resolved').executeTakeFirst();
  let id: string;
  let outcome: RaiseOutcome;
  if (current) {
    id = current.id;
    // The same episode (a minute still filling, a silence still going on) refreshes its numbers without counting again.
    const sameEpisode = firing.detail.episode !== undefined && json.parse<{ episode?: string }>(current.detail, {}).episode === firing.detail.episode;
    const escalated = isMoreSevere(firing.severity, current.severity as AlertFiring['severity']);
    await trx
      .updateTable('alerts')
      .set({
        count: Number(current.count) + (sameEpisode ? 0 : firing.occurrences),
        last_at: at,
        detail: json.stringify(firing.detail),
        title_zh: firing.title.zh,
        title_en: firing.title.en,
        ...(escalated ? { severity: firing.severity } : {}),
      })
      .where('id', '=', id)
      .execute();
    outcome = escalated ? 'escalated' : sameEpisode ? 'refreshed' : 'bumped';
    if (!escalated) return outcome;
  } else {
    id = newId();
    outcome = 'opened';
    await trx
      .insertInto('alerts')
      .values({
        id,
        team_id: ref.teamId,
        room_id: ref.roomId,
        session_id: ref.sessionId,
        kind: firing.kind,
        severity: firing.severity,
        group_key: key,
        title_zh: firing.title.zh,
        title_en: firing.title.en,
        detail: json.stringify(firing.detail),
        count: firing.occurrences,
        first_at: at,
        last_at: at,
        status: 'open',
        acknowledged_by: null,
        acknowledged_at: null,
        resolved_by: null,
        resolved_at: null,
        incident_id: null,
      })
      .execute();
  }
  const link = `/alerts?alert=${id}`;
  const prefix = outcome === 'escalated' ? { zh: '告警升级：', en: 'Alert escalated: ' } : { zh: '', en: '' };
  const body = bodyOf(firing);
  await trx
    .insertInto('outbox')
    .values({
      kind: 'alert',
      team_id: ref.teamId,
      room_id: ref.roomId,
      severity: firing.severity,
      title_zh: prefix.zh + firing.title.zh,
      title_en: prefix.en + firing.title.en,
      body_zh: body.zh,
      body_en: body.en,
      link,
      ref_id: id,
      created_at: at,
    })
    .execute();
  // Host speech with a block finding already interrupted the responders from the scanner, in the ingest transaction.
  if (!(firing.kind === 'compliance' && firing.rule === 'block_speech' && outcome === 'opened')) {
    await notify(trx, await sessionResponders(trx, ref.sessionId, ref.teamId), {
      kind: `alert.${firing.kind}`,
      severity: firing.severity === 'critical' ? 'block' : firing.severity,
      title: { zh: prefix.zh + firing.title.zh, en: prefix.en + firing.title.en },
      body: body.zh,
      link,
      sessionId: ref.sessionId,
    });
  }
  return outcome;
}

function bodyOf(f: AlertFiring): { zh: string; en: string } {
  const metrics = Object.entries(f.detail.metrics)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const examples = (f.detail.examples ?? []).map((e) => `「${e.text}」`).join(' ');
  const terms = f.detail.terms?.length ? f.detail.terms.join('、') : '';
  const zh = [metrics, terms && `命中：${terms}`, examples && `示例：${examples}`].filter(Boolean).join('\n');
  const en = [metrics, terms && `Terms: ${terms}`, examples && `Examples: ${examples}`].filter(Boolean).join('\n');
  return { zh, en };
}

async function sessionRefs(db: Executor, sessionIds: readonly string[]) {
  if (!sessionIds.length) return [];
  return db
    .selectFrom('live_sessions as s')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .leftJoin('live_session_stats as st', 'st.session_id', 's.id')
    .select(['s.id', 's.room_id', 'r.team_id', 's.status', 's.planned_start', 's.planned_end', 's.goal_gmv_fen', 'st.first_event_at', 'st.last_event_at'])
    .where('s.id', 'in', [...sessionIds])
    .execute();
}

const MINUTE = 60_000;

/** Compliance findings stored since the session's cursor, and those in the warn window before the latest. */
async function complianceFacts(db: Executor, sessionId: string, windowMinutes: number) {
  const cursor = await db.selectFrom('alert_cursors').select('finding_id').where('session_id', '=', sessionId).executeTakeFirst();
  const after = cursor ? Number(cursor.finding_id) : 0;
  const fresh = await db
    .selectFrom('compliance_findings')
    .select(['id', 'event_id', 'at', 'source', 'severity', 'term'])
    .where('session_id', '=', sessionId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(5000)
    .execute();
  if (!fresh.length) return null;
  const facts = (rows: typeof fresh): FindingFact[] => rows.map((r) => ({ id: Number(r.id), eventId: Number(r.event_id), at: r.at, source: r.source as FindingFact['source'], severity: r.severity as FindingFact['severity'], term: r.term }));
  const latest = Math.max(...fresh.map((f) => Date.parse(f.at)));
  const recent = await db
    .selectFrom('compliance_findings')
    .select(['id', 'event_id', 'at', 'source', 'severity', 'term'])
    .where('session_id', '=', sessionId)
    .where('severity', '!=', 'info')
    .where('at', '>', new Date(latest - windowMinutes * MINUTE).toISOString())
    .orderBy('id', 'desc')
    .limit(5000)
    .execute();
  const ids = new Set(recent.map((r) => Number(r.id)));
  return { fresh: facts(fresh), recent: [...facts(recent), ...facts(fresh.filter((f) => !ids.has(Number(f.id))))], cursor: Number(fresh[fresh.length - 1]!.id), hadCursor: !!cursor };
}

/** Top negative themes (aspect tags) and a few example comments of a session between two instants. */
export async function negativeExamples(db: Executor, sessionId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('live_events')
    .select(['at', 'user_name', 'text', 'aspects'])
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'comment')
    .where('sentiment', '=', 'negative')
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  const tally = new Map<string, number>();
  for (const r of rows) for (const a of json.parse<string[]>(r.aspects, [])) tally.set(a, (tally.get(a) ?? 0) + 1);
  const themes = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([theme, count]) => ({ theme, count }));
  const examples = rows.slice(0, 5).map((r) => ({ at: r.at, userName: r.user_name, text: r.text ?? '' }));
  return { themes, examples };
}

/** The firings of the rules ingestion can trip (compliance, opinion, viewers), from the session's stored data. */
async function ingestFirings(db: Executor, ref: SessionRef, t: AlertThresholds) {
  const firings: AlertFiring[] = [];
  let cursor: { value: number; isNew: boolean } | null = null;
  if (t.compliance.enabled) {
    const facts = await complianceFacts(db, ref.sessionId, t.compliance.windowMinutes);
    if (facts) {
      firings.push(...complianceFirings(facts.fresh, facts.recent, t.compliance));
      cursor = { value: facts.cursor, isNew: !facts.hadCursor };
    }
  }
  if (!t.sentiment.enabled && !t.viewerDrop.enabled) return { firings, cursor };
  const lookback = Math.max(t.viewerDrop.windowMinutes + 1, 2);
  const minutes = (
    await db
      .selectFrom('live_minutes')
      .select(['minute', 'viewers_max', 'sentiment_pos', 'sentiment_neu', 'sentiment_neg'])
      .where('session_id', '=', ref.sessionId)
      .orderBy('minute', 'desc')
      .limit(lookback)
      .execute()
  ).reverse();
  const last = minutes[minutes.length - 1];
  if (!last) return { firings, cursor };
  if (t.viewerDrop.enabled) {
    const f = viewerDrop(minutes.map((m) => ({ minute: m.minute, viewers: m.viewers_max === null ? null : Number(m.viewers_max) })), t.viewerDrop);
    if (f) firings.push(f);
  }
  const current: SentimentMinute = { minute: last.minute, positive: Number(last.sentiment_pos), neutral: Number(last.sentiment_neu), negative: Number(last.sentiment_neg) };
  if (t.sentiment.enabled && current.positive + current.neutral + current.negative >= t.sentiment.minVolume) {
    // The room's baseline: its minutes with sentiment before this one, this show's and earlier shows'.
    const history = (
      await db
        .selectFrom('live_minutes as m')
        .innerJoin('live_sessions as s', 's.id', 'm.session_id')
        .select(['m.minute', 'm.sentiment_pos', 'm.sentiment_neu', 'm.sentiment_neg'])
        .where('s.room_id', '=', ref.roomId)
        .where('m.minute', '<', last.minute)
        .where((eb) => eb(eb(eb('m.sentiment_pos', '+', eb.ref('m.sentiment_neu')), '+', eb.ref('m.sentiment_neg')), '>', 0))
        .orderBy('m.minute', 'desc')
        .limit(120)
        .execute()
    )
      .reverse()
      .map((m) => ({ minute: m.minute, positive: Number(m.sentiment_pos), neutral: Number(m.sentiment_neu), negative: Number(m.sentiment_neg) }));
    const f = sentimentSurge(current, history, t.sentiment);
    if (f) {
      const { themes, examples } = await negativeExamples(db, ref.sessionId, f.detail.from!, f.detail.to!);
      f.detail.themes = themes;
      f.detail.examples = examples;
      firings.push(f);
    }
  }
  return { firings, cursor };
}

/**
 * Evaluates the ingest-driven rules for sessions whose events just committed. Nothing fires → no write at all, apart
 * from moving the compliance cursor past new findings. Returns the sessions whose alerts changed.
 */
export async function evaluateSessions(deps: Deps, sessionIds: readonly string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const s of await sessionRefs(deps.db, sessionIds)) {
    const ref = { sessionId: s.id, roomId: s.room_id, teamId: s.team_id };
    const t = await repo.roomThresholds(deps.db, s.room_id);
    const { firings, cursor } = await ingestFirings(deps.db, ref, t);
    if (!firings.length && !cursor) continue;
    const outcomes = await withTransaction(deps.db, async (trx) => {
      const out: RaiseOutcome[] = [];
      for (const f of firings) out.push(await raiseAlert(trx, ref, f));
      if (cursor) {
        const at = nowIso();
        if (cursor.isNew) await trx.insertInto('alert_cursors').values({ session_id: s.id, finding_id: cursor.value, updated_at: at }).execute();
        else await trx.updateTable('alert_cursors').set({ finding_id: cursor.value, updated_at: at }).where('session_id', '=', s.id).execute();
      }
      return out;
    });
    if (outcomes.length) changed.push(s.id);
  }
  if (changed.length) nudgeOutbox(deps);
  return changed;
}

/**
 * The clock's rules: a scheduled or live session inside its planned time that went silent (in a room with an ingestion
 * token in force), and a live one behind its GMV goal's pace. Returns the sessions whose alerts changed.
 */
export async function evaluateClock(deps: Deps, now: number): Promise<string[]> {
  const at = new Date(now).toISOString();
  const sessions = await deps.db
    .selectFrom('live_sessions as s')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .leftJoin('live_session_stats as st', 'st.session_id', 's.id')
    .select(['s.id', 's.room_id', 'r.team_id', 's.status', 's.planned_start', 's.planned_end', 's.goal_gmv_fen', 'st.first_event_at', 'st.last_event_at'])
    // A room with no ingestion token in force has no connector to fall silent: nothing is expected from it.
    .select((eb) =>
      eb
        .exists(eb.selectFrom('api_tokens as k').select('k.id').whereRef('k.room_id', '=', 's.room_id').where('k.revoked_at', 'is', null).where('k.scopes', 'like', '%ingest%'))
        .as('connected'),
    )
    .where('s.status', 'in', ['scheduled', 'live'])
    .where('s.planned_start', '<=', at)
    .where('s.planned_end', '>=', new Date(now - 12 * 60 * MINUTE).toISOString())
    .limit(1000)
    .execute();
  const changed: string[] = [];
  for (const s of sessions) {
    const ref = { sessionId: s.id, roomId: s.room_id, teamId: s.team_id };
    const t = await repo.roomThresholds(deps.db, s.room_id);
    const firings: AlertFiring[] = [];
    const connected = s.connected === true || Number(s.connected) === 1;
    const silent = connected ? streamSilent({ status: s.status, plannedStart: s.planned_start, plannedEnd: s.planned_end, lastEventAt: s.last_event_at ?? null }, now, t.streamSilent) : null;
    if (silent) firings.push(silent);
    // A show that has sent nothing is the stream-silent alert's business; pace is judged once events arrive.
    if (t.gmvPace.enabled && s.status === 'live' && s.goal_gmv_fen && s.first_event_at) {
      const gmv = await deps.db.selectFrom('live_minutes').select((eb) => eb.fn.sum<number | string>('gmv_fen').as('gmv')).where('session_id', '=', s.id).executeTakeFirst();
      const pace = gmvPace(
        { status: s.status, goalGmvFen: Number(s.goal_gmv_fen), plannedStart: s.planned_start, plannedEnd: s.planned_end, startedAt: s.first_event_at ?? s.planned_start, gmvFen: Number(gmv?.gmv ?? 0) },
        now,
        t.gmvPace,
      );
      if (pace) firings.push(pace);
    }
    if (!firings.length) continue;
    await withTransaction(deps.db, async (trx) => {
      for (const f of firings) await raiseAlert(trx, ref, f, at);
    });
    changed.push(s.id);
  }
  if (changed.length) nudgeOutbox(deps);
  return changed;
}

export async function pushSessionAlerts(deps: Deps, sessionId: string) {
  if (!isSessionWatched(deps, sessionId)) return;
  publishSessionAlerts(deps, sessionId, await repo.activeSessionAlerts(deps.db, sessionId));
}

async function requireAlert(db: Executor, scope: TeamScope, id: string): Promise<AlertView> {
  const alert = await repo.findAlert(db, scope, id);
  if (!alert) throw new DomainError('alerts/not-found');
  return alert;
}

/** Somebody is on it: an open alert becomes acknowledged (again: unchanged). Recorded with who and when. */
export async function acknowledgeAlert(deps: Deps, actor: Actor, id: string): Promise<AlertView> {
  const alert = await withTransaction(deps.db, async (trx) => {
    const a = await requireAlert(trx, actor.scope, id);
    if (a.status === 'resolved') throw new DomainError('alerts/already-resolved');
    if (a.status === 'acknowledged') return a;
    const at = nowIso();
    await trx.updateTable('alerts').set({ status: 'acknowledged', acknowledged_by: actor.userId, acknowledged_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'alert',
      entityId: id,
      teamId: a.teamId,
      summary: { zh: `确认告警：${a.title.zh}`, en: `Acknowledged alert: ${a.title.en}` },
      before: { status: a.status },
      after: { status: 'acknowledged' },
    });
    return requireAlert(trx, actor.scope, id);
  });
  if (alert.sessionId) await pushSessionAlerts(deps, alert.sessionId);
  return alert;
}

/** Closes an alert (open or acknowledged) with an optional note; the next firing of its rule opens a new one. */
export async function resolveAlert(deps: Deps, actor: Actor, id: string, note: string | undefined): Promise<AlertView> {
  const alert = await withTransaction(deps.db, async (trx) => {
    const a = await requireAlert(trx, actor.scope, id);
    if (a.status === 'resolved') throw new DomainError('alerts/already-resolved');
    const at = nowIso();
    const detail = note ? { ...a.detail, resolveNote: note } : a.detail;
    await trx
      .updateTable('alerts')
      .set({
        status: 'resolved',
        resolved_by: actor.userId,
        resolved_at: at,
        detail: json.stringify(detail),
        // Resolving without acknowledging first still says who took it.
        ...(a.status === 'open' ? { acknowledged_by: actor.userId, acknowledged_at: at } : {}),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'alert',
      entityId: id,
      teamId: a.teamId,
      summary: { zh: `解决告警：${a.title.zh}`, en: `Resolved alert: ${a.title.en}` },
      before: { status: a.status },
      after: { status: 'resolved', ...(note ? { note } : {}) },
    });
    return requireAlert(trx, actor.scope, id);
  });
  if (alert.sessionId) await pushSessionAlerts(deps, alert.sessionId);
  return alert;
}

async function requireRoom(db: Executor, scope: TeamScope, roomId: string) {
  const room = await db.selectFrom('rooms').select(['id', 'team_id', 'display_name']).where('id', '=', roomId).executeTakeFirst();
  if (!room || (scope !== 'all' && !scope.includes(room.team_id))) throw new DomainError('room/not-found');
  return room;
}

export async function getRoomRules(deps: Deps, scope: TeamScope, roomId: string): Promise<RoomAlertRules> {
  await requireRoom(deps.db, scope, roomId);
  return repo.roomRules(deps.db, roomId);
}

/** Sets a room's thresholds; null goes back to the defaults. */
export async function putRoomRules(deps: Deps, actor: Actor, roomId: string, input: PutAlertRulesInput): Promise<RoomAlertRules> {
  return withTransaction(deps.db, async (trx) => {
    const room = await requireRoom(trx, actor.scope, roomId);
    const before = await repo.roomRules(trx, roomId);
    await trx.deleteFrom('alert_rules').where('room_id', '=', roomId).execute();
    if (input.thresholds) {
      await trx
        .insertInto('alert_rules')
        .values({ room_id: roomId, team_id: room.team_id, thresholds: json.stringify(input.thresholds), updated_by: actor.userId, updated_at: nowIso() })
        .execute();
    }
    const after = await repo.roomRules(trx, roomId);
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'alert-rules',
      entityId: roomId,
      teamId: room.team_id,
      summary: input.thresholds
        ? { zh: `修改直播间「${room.display_name}」的告警阈值`, en: `Changed the alert thresholds of room "${room.display_name}"` }
        : { zh: `直播间「${room.display_name}」的告警阈值恢复默认`, en: `Room "${room.display_name}" back to the default alert thresholds` },
      before: before.thresholds as unknown as Record<string, unknown>,
      after: after.thresholds as unknown as Record<string, unknown>,
    });
    return after;
  });
}
