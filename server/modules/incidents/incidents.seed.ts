import type { RiskCategory } from '../../../contracts/incidents';
import { json, type Executor } from '../../platform/db';
import { stableId } from '../../platform/ids';

type DemoRisk = { key: string; title: string; category: RiskCategory; likelihood: number; impact: number; owner: string; mitigations: string; reviewInDays: number; playbook?: string; team?: string };

/** Realistic risks for the demo company; one review is already overdue so the flag shows. */
const RISKS: DemoRisk[] = [
  { key: 'absolute-claims', title: '主播口播绝对化用语（“最好”“第一”）', category: 'content', likelihood: 4, impact: 4, owner: 'beauty-ops', mitigations: '开播前脚本审核；场控手卡提示；每月合规培训', reviewInDays: 14, playbook: 'host_violation', team: 'beauty' },
  { key: 'stream-drop', title: '推流中断（网络或设备故障）', category: 'technical', likelihood: 3, impact: 5, owner: 'beauty-console', mitigations: '双线路网络；备用推流电脑；开播前设备检查清单', reviewInDays: -3, playbook: 'stream_interruption' },
  { key: 'account-takeover', title: '直播账号被盗或后台被入侵', category: 'network_security', likelihood: 2, impact: 5, owner: 'data-analyst', mitigations: '后台二次验证；令牌按房间分发并定期轮换；离职当天回收权限', reviewInDays: 30 },
  { key: 'image-rights', title: '商品图片或背景音乐侵权', category: 'legal', likelihood: 3, impact: 3, owner: 'planner-1', mitigations: '素材来源登记；只用已授权曲库', reviewInDays: 45 },
  { key: 'opinion-surge', title: '色号、尺码不符引发负面舆情', category: 'opinion', likelihood: 4, impact: 3, owner: 'customer-service-1', mitigations: '实时情绪监控与告警；统一回应口径；快速退换货', reviewInDays: 7, playbook: 'opinion_surge' },
  { key: 'buyer-data', title: '中奖用户地址、电话在群内外泄', category: 'privacy', likelihood: 2, impact: 4, owner: 'customer-service-2', mitigations: '个人信息加密存储；导出需审批；员工隐私培训', reviewInDays: -10, playbook: 'personal_data_leak' },
  { key: 'food-quality', title: '食品批次质量问题集中投诉', category: 'legal', likelihood: 2, impact: 4, owner: 'sourcing-2', mitigations: '每批质检报告存档；供应商准入审核', reviewInDays: 21, playbook: 'quality_complaints', team: 'food' },
];

export async function seedDemoRisks(db: Executor, loadedAt: Date): Promise<void> {
  const at = loadedAt.toISOString();
  const day = (n: number) => new Date(loadedAt.getTime() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
  await db
    .insertInto('risks')
    .values(
      RISKS.map((r) => ({
        id: stableId('risk', r.key),
        team_id: r.team ? stableId('team', r.team) : null,
        title: r.title,
        category: r.category,
        description: '',
        likelihood: r.likelihood,
        impact: r.impact,
        owner_person_id: stableId('person', r.owner),
        mitigations: r.mitigations,
        next_review_date: day(r.reviewInDays),
        playbook_ids: json.stringify(r.playbook ? [stableId('playbook', r.playbook)] : []),
        incident_ids: '[]',
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Past incidents: what the demo's shows went through, each worked through its playbook.

type Status = 'mitigated' | 'resolved' | 'closed';

interface DemoIncident {
  key: string;
  /** The risk in the register it realised. */
  risk: string;
  /** The room whose latest show ended at least `daysAgo` days before the load had it. */
  room: string;
  daysAgo: number;
  /** Minutes into the show it was opened. */
  atMinute: number;
  playbook: string;
  severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
  title: string;
  summary: string;
  commander: string;
  scribe?: string;
  status: Status;
  /** Minutes after opening: mitigated, resolved; closed the next day with the postmortem. */
  mitigatedAfter: number;
  resolvedAfter?: number;
  /** Playbook steps ticked (the first n). */
  stepsDone: number;
  notes: [number, string, string][];
  postmortem?: { rootCause: string; impact: string; minutesAffected: number; gmvAtRiskFen: number; actions: { title: string; owner: string; dueInDays: number; done: boolean }[] };
}

const INCIDENTS: DemoIncident[] = [
  {
    key: 'stream-drop-apparel',
    risk: 'stream-drop',
    room: 'apparel-douyin',
    daysAgo: 12,
    atMinute: 74,
    playbook: 'stream_interruption',
    severity: 'SEV2',
    title: '推流中断 8 分钟（主推流电脑网卡故障）',
    summary: '直播进行到第 74 分钟推流中断，观众掉到不足两成；切换备用推流电脑后恢复。',
    commander: 'apparel-ops',
    scribe: 'apparel-console',
    status: 'closed',
    mitigatedAfter: 8,
    resolvedAfter: 40,
    stepsDone: 6,
    notes: [
      [2, '中控确认：主推流电脑网卡掉线，路由器正常', 'Console: the streaming PC lost its network card; the router is fine'],
      [8, '已切换备用推流电脑，画面恢复', 'Switched to the backup streaming PC; the picture is back'],
      [15, '主播向观众致歉并重发福袋，秒杀延长 10 分钟', 'The host apologised on air, re-ran the lucky bag and extended the flash sale by 10 minutes'],
    ],
    postmortem: {
      rootCause: '主推流电脑的 USB 网卡过热掉线；备用电脑平时未开机预热，切换用了 8 分钟。',
      impact: '中断 8 分钟，在线人数跌到原来的不到两成，恢复后约 20 分钟回到原来的水平；约 20 单未能成交。',
      minutesAffected: 8,
      gmvAtRiskFen: 350_000,
      actions: [
        { title: '推流电脑改用主板网口，USB 网卡只作备用', owner: 'apparel-console', dueInDays: -7, done: true },
        { title: '开播前检查清单加入“备用推流电脑开机并推流测试”', owner: 'apparel-ops', dueInDays: 3, done: false },
      ],
    },
  },
  {
    key: 'host-claim-beauty',
    risk: 'absolute-claims',
    room: 'beauty-douyin',
    daysAgo: 5,
    atMinute: 96,
    playbook: 'host_violation',
    severity: 'SEV3',
    title: '主播口播违规：“全网最低价”“三天见效”',
    summary: '合规监测在主播口播中连续命中绝对化用语和功效承诺，场控当场提醒并由主播更正。',
    commander: 'beauty-field-control',
    status: 'resolved',
    mitigatedAfter: 3,
    resolvedAfter: 25,
    stepsDone: 5,
    notes: [
      [1, '场控已通过耳返提醒主播停止使用“全网最低”', 'Field control told the host through the earpiece to stop saying "lowest price online"'],
      [4, '主播口播更正：“以直播间实际到手价为准，效果因人而异”', 'The host corrected on air: "the price is the one you pay here; results vary from person to person"'],
    ],
  },
  {
    key: 'colour-complaints-beauty',
    risk: 'opinion-surge',
    room: 'beauty-taobao',
    daysAgo: 1,
    atMinute: 52,
    playbook: 'opinion_surge',
    severity: 'SEV2',
    title: '口红色号“与直播间不符”差评集中',
    summary: '舆情告警：10 分钟内负面评论占比升到 38%，集中在 316 色号色差。',
    commander: 'beauty-ops',
    scribe: 'customer-service-1',
    status: 'mitigated',
    mitigatedAfter: 20,
    stepsDone: 3,
    notes: [
      [6, '主播在自然光下重新试色，并说明灯光色温', 'The host swatched again in daylight and explained the studio light'],
      [18, '客服统一口径：支持 7 天无理由退换，运费由我们承担', 'Customer service: 7-day no-reason returns, shipping on us'],
    ],
  },
];

/** A few past incidents, each on one of the demo's past shows, with their timeline, steps and (for one) a postmortem. */
export async function seedDemoIncidents(db: Executor, loadedAt: Date): Promise<number> {
  const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  let written = 0;
  for (const d of INCIDENTS) {
    const session = await db
      .selectFrom('live_sessions as s')
      .innerJoin('rooms as r', 'r.id', 's.room_id')
      .innerJoin('live_session_stats as st', 'st.session_id', 's.id')
      .select(['s.id', 's.room_id', 'r.team_id', 'st.first_event_at'])
      .where('s.room_id', '=', stableId('room', d.room))
      .where('s.status', 'in', ['ended', 'reviewed'])
      .where('s.planned_end', '<=', new Date(loadedAt.getTime() - d.daysAgo * 86_400_000).toISOString())
      .orderBy('s.planned_start', 'desc')
      .limit(1)
      .executeTakeFirst();
    const playbook = await db.selectFrom('playbooks').selectAll().where('id', '=', stableId('playbook', d.playbook)).executeTakeFirst();
    if (!session || !playbook) continue;
    const id = stableId('incident', d.key);
    const opened = Date.parse(session.first_event_at) + d.atMinute * 60_000;
    const at = (minutes: number) => new Date(opened + minutes * 60_000).toISOString();
    const mitigatedAt = at(d.mitigatedAfter);
    const resolvedAt = d.resolvedAfter === undefined ? null : at(d.resolvedAfter);
    const closedAt = d.status === 'closed' ? at(24 * 60) : null;
    const person = (key: string | undefined) => (key ? stableId('person', key) : null);
    // The steps were ticked off by the team's manager (the console's user for the team).
    const manager = await db
      .selectFrom('users as u')
      .innerJoin('user_teams as ut', 'ut.user_id', 'u.id')
      .select('u.id')
      .where('ut.team_id', '=', session.team_id)
      .where('u.role', '=', 'manager')
      .orderBy('u.id')
      .executeTakeFirst();
    await db
      .insertInto('incidents')
      .values({
        id,
        team_id: session.team_id,
        room_id: session.room_id,
        session_id: session.id,
        playbook_id: playbook.id,
        title: d.title,
        summary: d.summary,
        severity: d.severity,
        status: d.status,
        commander_person_id: person(d.commander),
        communications_person_id: null,
        scribe_person_id: person(d.scribe),
        opened_by: null,
        opened_at: at(0),
        mitigated_at: mitigatedAt,
        resolved_at: resolvedAt,
        closed_at: closedAt,
        root_cause: d.postmortem?.rootCause ?? '',
        impact: d.postmortem?.impact ?? '',
        minutes_affected: d.postmortem?.minutesAffected ?? null,
        gmv_at_risk_fen: d.postmortem?.gmvAtRiskFen ?? null,
        updated_at: closedAt ?? resolvedAt ?? mitigatedAt,
      })
      .execute();

    const steps = json.parse<{ positionId: string | null; textZh: string; textEn: string }[]>(playbook.steps, []);
    const stepAt = (i: number) => at(Math.round(((i + 1) * d.mitigatedAfter) / Math.max(1, d.stepsDone)));
    if (steps.length)
      await db
        .insertInto('incident_steps')
        .values(steps.map((s, i) => ({ id: stableId('incident-step', `${d.key}:${i + 1}`), incident_id: id, ord: i + 1, position_id: s.positionId, text_zh: s.textZh, text_en: s.textEn, done_at: i < d.stepsDone ? stepAt(i) : null, done_by_user_id: i < d.stepsDone ? (manager?.id ?? null) : null })))
        .execute();

    const events: { at: string; kind: string; zh: string; en: string }[] = [
      { at: at(0), kind: 'opened', zh: `开启事件（${d.severity}）：${d.title}`, en: `Opened the incident (${d.severity}): ${d.title}` },
      { at: at(0), kind: 'opened', zh: `按应急预案「${playbook.name_zh}」处置（${steps.length} 步）`, en: `Following the playbook "${playbook.name_en}" (${steps.length} steps)` },
      ...steps.slice(0, d.stepsDone).map((s, i) => ({ at: stepAt(i), kind: 'step', zh: `完成步骤 ${i + 1}：${s.textZh}`, en: `Step ${i + 1} done: ${s.textEn}` })),
      ...d.notes.map(([m, zh, en]) => ({ at: at(m), kind: 'note', zh, en })),
      { at: mitigatedAt, kind: 'status', zh: '状态：调查中 → 已缓解', en: 'Status: investigating → mitigated' },
      ...(resolvedAt ? [{ at: resolvedAt, kind: 'status', zh: '状态：已缓解 → 已解决', en: 'Status: mitigated → resolved' }] : []),
      ...(closedAt ? [{ at: at(24 * 60 - 30), kind: 'status', zh: '状态：已解决 → 复盘中', en: 'Status: resolved → postmortem' }, { at: closedAt, kind: 'postmortem', zh: '保存复盘（根因、影响与改进项）', en: 'Saved the postmortem (root cause, impact and action items)' }, { at: closedAt, kind: 'status', zh: '状态：复盘中 → 已关闭', en: 'Status: postmortem → closed' }] : []),
    ];
    await db
      .insertInto('incident_events')
      .values(events.map((e, i) => ({ id: stableId('incident-event', `${d.key}:${i}`), incident_id: id, at: e.at, kind: e.kind, user_id: null, actor_label: 'demo', text_zh: e.zh, text_en: e.en })))
      .execute();

    const actions = d.postmortem?.actions ?? [];
    if (actions.length)
      await db
        .insertInto('tasks')
        .values(
          actions.map((a, i) => ({
            id: stableId('task', `${d.key}:${i + 1}`),
            team_id: session.team_id,
            title: a.title,
            detail: d.title,
            owner_person_id: stableId('person', a.owner),
            due_date: day(loadedAt.getTime() + a.dueInDays * 86_400_000),
            status: a.done ? 'done' : 'open',
            source_kind: 'incident_action',
            source_id: id,
            created_by: null,
            created_at: closedAt!,
            updated_at: closedAt!,
            done_at: a.done ? new Date(loadedAt.getTime() - 8 * 86_400_000).toISOString() : null,
          })),
        )
        .execute();
    await db.updateTable('risks').set({ incident_ids: json.stringify([id]) }).where('id', '=', stableId('risk', d.risk)).execute();
    written++;
  }
  return written;
}
