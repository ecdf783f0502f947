import type { Locale } from '../../../contracts/common';
import type { AcceptSuggestionInput, DismissSuggestionInput, FollowUpView, SessionSuggestions, SuggestionQuery, SuggestionThresholds, SuggestionView, ThresholdsView } from '../../../contracts/suggestions';
import { startClock, type Clock, type ClockOptions } from '../../platform/clock';
import { inScope, systemActor, type Actor, type Deps } from '../../platform/context';
import { json, withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';
import * as repo from './suggestions.repository';
import { DEFAULT_THRESHOLDS, evaluateSuggestions, higherIsBetter, isImproved, mergeThresholds, measureOf } from './suggestions.rules';

async function sessionInScope(db: Executor, actor: Actor, sessionId: string): Promise<repo.SessionRow> {
  const s = await repo.findSession(db, sessionId);
  if (!s || !inScope(actor.scope, s.team_id)) throw new DomainError('suggestion/session-not-found');
  return s;
}

/**
 * Computes the session's suggestions from its numbers and the room's previous sessions, and stores them: a suggestion
 * is upserted by (session, rule, key) so a decision survives recomputation; an open one whose evidence no longer holds
 * is removed (decided ones stay, as the record of what was decided). Returns them with the follow-ups of suggestions
 * accepted in the room's earlier sessions, measured again in this one.
 */
export async function computeSessionSuggestions(deps: Deps, actor: Actor, sessionId: string): Promise<SessionSuggestions> {
  const db = deps.db;
  const s = await sessionInScope(db, actor, sessionId);
  // Read before the numbers: data arriving while this runs makes the next clock tick compute again.
  const dataAt = await repo.dataAt(db, s.id);
  const t = await repo.loadThresholds(db);
  const previous = await repo.previousSessionIds(db, s, t.historySessions);
  const loaded = await repo.loadFacts(db, [s.id, ...previous]);
  const mine = loaded.get(s.id)!;
  const history = previous.map((id) => loaded.get(id)).filter((x): x is repo.LoadedFacts => !!x).map(repo.toHistory);
  const drafts = evaluateSuggestions(mine.facts, history, t);

  await withTransaction(db, async (trx) => {
    const existing = await trx.selectFrom('suggestions').select(['id', 'rule', 'key', 'status']).where('session_id', '=', s.id).execute();
    const byKey = new Map(existing.map((e) => [`${e.rule}\u0000${e.key}`, e]));
    const at = nowIso();
    const fresh = new Set<string>();
    for (const d of drafts) {
      const k = `${d.rule}\u0000${d.key}`;
      fresh.add(k);
      const content = { severity: d.severity, title_zh: d.titleZh, title_en: d.titleEn, advice_zh: d.adviceZh, advice_en: d.adviceEn, evidence: json.stringify(d.evidence) };
      const prior = byKey.get(k);
      if (prior) {
        await trx.updateTable('suggestions').set({ ...content, updated_at: at }).where('id', '=', prior.id).execute();
      } else {
        // Two reviews opened at once may both insert: the unique (session, rule, key) keeps one.
        await trx
          .insertInto('suggestions')
          .values({ id: newId(), team_id: s.team_id, room_id: s.room_id, session_id: s.id, rule: d.rule, key: d.key, ...content, status: 'open', decided_by: null, decided_by_label: null, decided_at: null, dismiss_reason: null, note: null, task_id: null, created_at: at, updated_at: at })
          .onConflict((oc) => oc.columns(['session_id', 'rule', 'key']).doNothing())
          .execute();
      }
    }
    const stale = existing.filter((e) => e.status === 'open' && !fresh.has(`${e.rule}\u0000${e.key}`)).map((e) => e.id);
    if (stale.length) await trx.deleteFrom('suggestions').where('id', 'in', stale).where('status', '=', 'open').execute();
    await repo.recordRun(trx, s.id, at, dataAt);
  });

  const items = await repo.sessionSuggestions(db, s.id);
  const accepted = await repo.acceptedBefore(db, s);
  const followUps: FollowUpView[] = accepted.map((a) => {
    const now = measureOf(a.rule, mine.facts, t, a.evidence.basis);
    const before = a.evidence.value;
    return {
      suggestionId: a.id,
      sessionId: a.sessionId,
      sessionTitle: a.sessionTitle,
      sessionStart: a.sessionStart,
      rule: a.rule,
      titleZh: a.titleZh,
      titleEn: a.titleEn,
      measure: a.evidence.measure,
      unit: a.evidence.unit,
      before,
      now,
      higherIsBetter: higherIsBetter(a.rule),
      improved: isImproved(a.rule, before, now),
      taskOwnerName: a.taskOwnerName,
      taskStatus: a.taskStatus,
    };
  });
  return { items, followUps };
}

/** How far back the clock looks for ended sessions, and how many it computes per tick. */
const CLOCK_DAYS = 3;
const CLOCK_BATCH = 20;

/**
 * One tick of the suggestions clock: computes the suggestions of sessions that ended in the last three days and were
 * never computed, or whose data changed since (a platform export imported the day after), so /suggestions lists a
 * show's suggestions without anyone opening its review. Returns the sessions computed.
 */
export async function suggestEndedSessions(deps: Deps, now = new Date()): Promise<string[]> {
  const since = new Date(now.getTime() - CLOCK_DAYS * 86_400_000).toISOString();
  const due = await repo.sessionsDue(deps.db, since, now.toISOString(), CLOCK_BATCH);
  for (const id of due) await computeSessionSuggestions(deps, systemActor, id);
  return due;
}

/** Starts the suggestions clock (once a minute, on an unref'd timer). */
export function startSuggestionClock(deps: Deps, options: ClockOptions = {}): Clock {
  return startClock(() => suggestEndedSessions(deps), options);
}

export async function listSuggestions(db: Executor, actor: Actor, q: SuggestionQuery): Promise<SuggestionView[]> {
  return repo.listSuggestions(db, actor.scope, q);
}

async function openSuggestion(trx: Executor, actor: Actor, id: string) {
  const row = await trx.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !inScope(actor.scope, row.team_id)) throw new DomainError('suggestion/not-found');
  if (row.status !== 'open') throw new DomainError('suggestion/already-decided', undefined, { status: row.status });
  return row;
}

/** The decision lands only if the suggestion is still open (a concurrent decision makes this one a 409). */
async function markDecided(trx: Executor, id: string, set: { status: 'accepted' | 'dismissed'; dismiss_reason?: string; note?: string | null; task_id?: string }, actor: Actor, at: string) {
  const res = await trx
    .updateTable('suggestions')
    .set({ ...set, decided_by: actor.userId, decided_by_label: actor.label, decided_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new DomainError('suggestion/already-decided');
}

/** Accepting turns the suggestion into a task (source 'suggestion') for the owner, due on the date given. */
export async function acceptSuggestion(deps: Deps, actor: Actor, id: string, input: AcceptSuggestionInput, locale: Locale): Promise<SuggestionView> {
  return withTransaction(deps.db, async (trx) => {
    const row = await openSuggestion(trx, actor, id);
    const owner = await trx
      .selectFrom('people as p')
      .innerJoin('person_teams as pt', 'pt.person_id', 'p.id')
      .select(['p.id', 'p.display_name'])
      .where('p.id', '=', input.ownerPersonId)
      .where('p.status', '=', 'active')
      .where('pt.team_id', '=', row.team_id)
      .executeTakeFirst();
    if (!owner) throw new DomainError('suggestion/unknown-owner', [{ path: 'ownerPersonId', message: 'not an active member of this team / 不是该团队的在职成员' }]);
    const at = nowIso();
    const taskId = newId();
    const zh = locale === 'zh-CN';
    const note = input.note?.trim() || null;
    const title = (zh ? `优化建议：${row.title_zh}` : `Suggestion: ${row.title_en}`).slice(0, 200);
    const detail = [zh ? row.advice_zh : row.advice_en, note].filter(Boolean).join('\n\n');
    await trx
      .insertInto('tasks')
      .values({ id: taskId, team_id: row.team_id, title, detail, owner_person_id: owner.id, due_date: input.dueDate, status: 'open', source_kind: 'suggestion', source_id: row.id, created_by: actor.userId, created_at: at, updated_at: at, done_at: null })
      .execute();
    await markDecided(trx, row.id, { status: 'accepted', note, task_id: taskId }, actor, at);
    await recordAudit(trx, actor, { action: 'create', entityType: 'task', entityId: taskId, teamId: row.team_id, summary: { zh: `由优化建议创建任务「${title}」，负责人 ${owner.display_name}，截止 ${input.dueDate}`, en: `Task "${title}" created from a suggestion for ${owner.display_name}, due ${input.dueDate}` }, after: { ownerPersonId: owner.id, dueDate: input.dueDate, sourceKind: 'suggestion', sourceId: row.id } });
    await recordAudit(trx, actor, { action: 'update', entityType: 'suggestion', entityId: row.id, teamId: row.team_id, summary: { zh: `采纳优化建议「${row.title_zh}」`, en: `Suggestion accepted: "${row.title_en}"` }, before: { status: 'open' }, after: { status: 'accepted', taskId, ownerPersonId: owner.id, dueDate: input.dueDate, note } });
    return (await repo.findSuggestion(trx, row.id))!;
  });
}

export async function dismissSuggestion(deps: Deps, actor: Actor, id: string, input: DismissSuggestionInput): Promise<SuggestionView> {
  return withTransaction(deps.db, async (trx) => {
    const row = await openSuggestion(trx, actor, id);
    const at = nowIso();
    await markDecided(trx, row.id, { status: 'dismissed', dismiss_reason: input.reason }, actor, at);
    await recordAudit(trx, actor, { action: 'update', entityType: 'suggestion', entityId: row.id, teamId: row.team_id, summary: { zh: `忽略优化建议「${row.title_zh}」：${input.reason}`, en: `Suggestion dismissed: "${row.title_en}" — ${input.reason}` }, before: { status: 'open' }, after: { status: 'dismissed', reason: input.reason } });
    return (await repo.findSuggestion(trx, row.id))!;
  });
}

export async function getThresholds(db: Executor): Promise<ThresholdsView> {
  const overrides = await repo.loadOverrides(db);
  const effective = mergeThresholds(overrides);
  const known = Object.fromEntries(Object.entries(overrides).filter(([k]) => k in DEFAULT_THRESHOLDS));
  return { defaults: { ...DEFAULT_THRESHOLDS }, overrides: known, effective: { ...effective } };
}

/** Replaces the company's overrides (a key left out returns to its default); applies from the next computation. */
export async function saveThresholds(deps: Deps, actor: Actor, input: SuggestionThresholds): Promise<ThresholdsView> {
  return withTransaction(deps.db, async (trx) => {
    const before = await repo.loadOverrides(trx);
    await trx.deleteFrom('settings').where('key', '=', repo.THRESHOLDS_KEY).execute();
    await trx.insertInto('settings').values({ key: repo.THRESHOLDS_KEY, value: json.stringify(input), updated_at: nowIso() }).execute();
    await recordAudit(trx, actor, { action: 'update', entityType: 'suggestion', entityId: 'thresholds', teamId: null, summary: { zh: '修改优化建议阈值', en: 'Suggestion thresholds changed' }, before, after: input });
    return getThresholds(trx);
  });
}
