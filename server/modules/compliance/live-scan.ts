import type { Insertable } from 'kysely';
import type { Deps } from '../../platform/context';
import type { Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';
import { notify, sessionResponders } from '../notifications/notifications.service';
import { currentRules } from './compliance.registry';
import type { Finding } from './scanner';

/** A stored comment or transcript line to scan. */
export interface ScannableEvent {
  id: number;
  sessionId: string;
  kind: 'comment' | 'transcript';
  text: string;
  at: string;
  userName: string | null;
}

const CHUNK = 200;

/** Where a scanned line was said: its room, the room's team, the session's host. */
export interface FindingPlace {
  roomId: string;
  teamId: string;
  hostId: string | null;
}

/** A finding as stored with its event (compliance_findings). */
export function findingRow(event: ScannableEvent, place: FindingPlace, f: Finding): Insertable<Database['compliance_findings']> {
  return {
    session_id: event.sessionId,
    room_id: place.roomId,
    team_id: place.teamId,
    event_id: event.id,
    source: event.kind,
    host_person_id: place.hostId,
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    term: f.term,
    span_start: f.start,
    span_end: f.end,
    evasion: JSON.stringify(f.evasion),
    at: event.at,
  };
}

/**
 * Scans freshly stored comments and host speech with the current rules and stores every finding with its event, in the
 * ingest transaction (a committed event never lacks its findings). A block-severity finding in the host's speech
 * notifies the session's field control and the team's operations managers at once. Returns the findings stored.
 */
export async function scanLiveEvents(deps: Deps, trx: Executor, roomId: string, events: readonly ScannableEvent[]): Promise<number> {
  if (!events.length) return 0;
  const { scanner } = await currentRules(deps.db, trx);
  const hits: { event: ScannableEvent; findings: Finding[] }[] = [];
  for (const event of events) {
    const findings = scanner.scan({ text: event.text, context: event.kind });
    if (findings.length) hits.push({ event, findings });
  }
  if (!hits.length) return 0;

  const room = await trx.selectFrom('rooms').select('team_id').where('id', '=', roomId).executeTakeFirstOrThrow();
  const sessionIds = [...new Set(hits.map((h) => h.event.sessionId))];
  const hosts = await trx
    .selectFrom('session_crew')
    .select(['session_id', 'person_id'])
    .where('session_id', 'in', sessionIds)
    .where('role', '=', 'host')
    .orderBy('person_id')
    .execute();
  const hostOf = new Map<string, string>();
  for (const h of hosts) if (!hostOf.has(h.session_id)) hostOf.set(h.session_id, h.person_id);

  const rows = hits.flatMap(({ event, findings }) => findings.map((f) => findingRow(event, { roomId, teamId: room.team_id, hostId: hostOf.get(event.sessionId) ?? null }, f)));
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('compliance_findings').values(rows.slice(i, i + CHUNK)).execute();

  for (const { event, findings } of hits) {
    const blocks = findings.filter((f) => f.severity === 'block');
    if (event.kind !== 'transcript' || !blocks.length) continue;
    // 全网最低 also holds 最低: name the longest terms only.
    const spelled = [...new Set(blocks.map((f) => f.term))];
    const terms = spelled.filter((t) => !spelled.some((o) => o !== t && o.includes(t))).join('、');
    await notify(trx, await sessionResponders(trx, event.sessionId, room.team_id), {
      kind: 'compliance.block_speech',
      severity: 'block',
      title: { zh: `主播口播违规：${terms}`, en: `Host speech violation: ${terms}` },
      body: event.text,
      link: `/sessions/${event.sessionId}/live`,
      sessionId: event.sessionId,
    });
  }
  return rows.length;
}
