import type { ContentKind, ContentState } from '../../../contracts/content';
import { json, type Executor } from '../../platform/db';
import { stableId } from '../../platform/ids';
import type { Database } from '../../platform/schema';
import type { DemoCompany } from '../setup/demo.data';
import { scanBody } from './content.service';
import type { StoredFinding } from './content.rules';

// The demo company's content review: every scheduled or live demo session has an approved script and title (the
// rooms require them before scheduling), and the first few drafts of each team are somewhere in review, so the queue
// has work, a diff to read and a comment to answer. Ids derive from the session id and kind; times from the session's
// own creation time, so the same demo load always gives the same rows.

const HOUR = 3_600_000;
/** Upcoming drafts per team that are in review, in order: in review, changes requested, resubmitted as version 2. */
const REVIEW_STORIES = ['in_review', 'changes_requested', 'resubmitted'] as const;
const RISKY_LINE = '这款是全网最低价，错过今天再等一年！';
const FIXED_LINE = '这款今天直播间下单有赠品，数量有限。';

interface SessionFacts {
  id: string;
  title: string;
  status: string;
  room_id: string;
  room_name: string;
  team_id: string;
  planned_start: string;
  created_at: string;
}

const iso = (t: number) => new Date(t).toISOString();

function scriptOf(s: SessionFacts, slots: { name: string; talking_points: string }[], risky: boolean): string {
  const lines = [`【开场】家人们好，欢迎来到${s.room_name}！今天给大家准备了 ${slots.length} 款好物，先点个关注不迷路。`];
  slots.forEach((slot, i) => lines.push(`【${i + 1}. ${slot.name}】${slot.talking_points}`));
  if (risky) lines.splice(Math.min(2, lines.length), 0, RISKY_LINE);
  lines.push('【收尾】感谢大家的陪伴，下单后有问题随时找直播间客服，我们下次见。');
  return lines.join('\n');
}

const titleOf = (s: SessionFacts) => `${s.title.replace(/·.*$/, '')}｜宠粉福利专场`;

export async function seedDemoContent(db: Executor, company: DemoCompany, anchor: Date): Promise<{ items: number }> {
  const now = anchor.getTime();
  const sessions = (await db
    .selectFrom('live_sessions as s')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .select(['s.id', 's.title', 's.status', 's.room_id', 'r.display_name as room_name', 'r.team_id', 's.planned_start', 's.created_at'])
    .where('s.status', 'in', ['scheduled', 'live', 'draft'])
    .orderBy('s.planned_start')
    .orderBy('s.id')
    .execute()) as SessionFacts[];
  const slotRows = sessions.length
    ? await db
        .selectFrom('session_slots as sl')
        .innerJoin('products as p', 'p.id', 'sl.product_id')
        .select(['sl.session_id', 'sl.position', 'p.name', 'sl.talking_points'])
        .where('sl.session_id', 'in', sessions.map((s) => s.id))
        .orderBy('sl.session_id')
        .orderBy('sl.position')
        .execute()
    : [];
  const slotsOf = (id: string) => slotRows.filter((r) => r.session_id === id);
  const teamKeyOf = new Map(company.teams.map((t) => [stableId('team', t.key), t.key]));
  const userOf = (key: string) => (company.users.some((u) => u.key === key) ? stableId('user', key) : null);
  const writerOf = (teamKey: string) => {
    const member = company.users.find((u) => u.role === 'member' && u.teamKeys.includes(teamKey));
    return member ? stableId('user', member.key) : null;
  };

  const items: Database['content_items'][] = [];
  const versions: Database['content_versions'][] = [];
  const comments: Omit<Database['content_comments'], 'id'>[] = [];
  const waivers: Omit<Database['content_waivers'], 'id'>[] = [];

  const add = async (s: SessionFacts, kind: ContentKind, state: ContentState, bodies: string[], opts: { comment?: { on: string; body: string }; reason?: string } = {}) => {
    const teamKey = teamKeyOf.get(s.team_id) ?? '';
    const writer = writerOf(teamKey);
    const reviewer = userOf(`manager-${teamKey}`);
    const id = stableId('content', `${s.id}:${kind}`);
    const created = Math.min(Date.parse(s.created_at) + HOUR, now - 2 * HOUR);
    let at = created;
    for (const [i, body] of bodies.entries()) {
      const { findings, revision } = await scanBody(db, db, kind, null, body);
      versions.push({ item_id: id, number: i + 1, body, note: i === 0 ? null : '按审核意见修改', author_id: writer, findings: json.stringify(findings), revision, created_at: iso(at) });
      // An approved version with block findings was approved through a reviewer's waiver.
      if (state === 'approved' && i === bodies.length - 1) {
        for (const f of findings.filter((x: StoredFinding) => x.severity === 'block')) {
          waivers.push({ item_id: id, version: i + 1, rule: f.rule, term: f.term, span_start: f.start, span_end: f.end, reason: '商品资料和价格已核实，依据存档', waived_by: reviewer, created_at: iso(at + 10 * 60_000) });
        }
      }
      at += HOUR / 2;
    }
    const reviewed = state === 'approved' || state === 'changes_requested';
    if (opts.comment) {
      const start = bodies[0]!.indexOf(opts.comment.on);
      comments.push({ item_id: id, version: 1, span_start: start, span_end: start + opts.comment.on.length, quote: opts.comment.on, body: opts.comment.body, author_id: reviewer, resolved_at: bodies.length > 1 ? iso(at) : null, created_at: iso(created + 20 * 60_000) });
    }
    if (opts.reason) comments.push({ item_id: id, version: 1, span_start: null, span_end: null, quote: null, body: opts.reason, author_id: reviewer, resolved_at: null, created_at: iso(created + 25 * 60_000) });
    items.push({
      id,
      team_id: s.team_id,
      room_id: s.room_id,
      session_id: s.id,
      product_id: null,
      kind,
      name: `${s.title}${kind === 'script' ? '·脚本' : '·标题'}`,
      category: null,
      state,
      current_version: bodies.length,
      created_by: writer,
      reviewed_by: reviewed ? reviewer : null,
      reviewed_at: reviewed ? iso(at) : null,
      created_at: iso(created),
      updated_at: iso(at),
    });
  };

  const storiesLeft = new Map<string, number>();
  for (const s of sessions) {
    if (s.status === 'scheduled' || s.status === 'live') {
      await add(s, 'script', 'approved', [scriptOf(s, slotsOf(s.id), false)]);
      await add(s, 'title', 'approved', [titleOf(s)]);
      continue;
    }
    if (Date.parse(s.planned_start) <= now) continue;
    const n = storiesLeft.get(s.team_id) ?? 0;
    if (n >= REVIEW_STORIES.length) continue;
    storiesLeft.set(s.team_id, n + 1);
    const story = REVIEW_STORIES[n]!;
    const risky = scriptOf(s, slotsOf(s.id), true);
    if (story === 'in_review') {
      await add(s, 'script', 'in_review', [risky]);
      await add(s, 'title', 'in_review', [titleOf(s)]);
    } else if (story === 'changes_requested') {
      await add(s, 'script', 'changes_requested', [risky], { comment: { on: '全网最低价', body: '绝对化用语，违反广告法第九条，请改为可核实的描述' }, reason: '请删掉绝对化用语后再提交' });
      await add(s, 'title', 'approved', [titleOf(s)]);
    } else {
      await add(s, 'script', 'in_review', [risky, risky.replace(RISKY_LINE, FIXED_LINE)], { comment: { on: '全网最低价', body: '绝对化用语，请修改' } });
      await add(s, 'title', 'draft', [titleOf(s)]);
    }
  }

  for (let i = 0; i < items.length; i += 200) await db.insertInto('content_items').values(items.slice(i, i + 200)).execute();
  for (let i = 0; i < versions.length; i += 200) await db.insertInto('content_versions').values(versions.slice(i, i + 200)).execute();
  if (comments.length) await db.insertInto('content_comments').values(comments).execute();
  if (waivers.length) await db.insertInto('content_waivers').values(waivers).execute();
  return { items: items.length };
}
