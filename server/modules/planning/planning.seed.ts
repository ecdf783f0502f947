import { DateTime } from 'luxon';
import type { ChecklistTemplateItem, CrewMember, ProductCategory, SlotInput, SessionRole, SessionStatus, SlotType, WorkRules } from '../../../contracts/planning';
import { ON_AIR_ROLES } from '../../../contracts/planning';
import { json, type Executor } from '../../platform/db';
import { stableId } from '../../platform/ids';
import { rngFor, type Rng } from '../../platform/random';
import type { Database } from '../../platform/schema';
import type { DemoCompany, DemoPerson } from '../setup/demo.data';
import { defaultWorkRules } from './planning.defaults';
import { checkPlan, expandRecurrence, type Commitment } from './planning.rules';

// The demo company's live planning: each team's products, 90 days of past and 14 days of planned sessions in every demo
// room, with crews, runs of show and pre-show checklists. Deterministic for a given anchor: ids derive from names
// (stableId('session', 'beauty-douyin:2026-12-03:evening')), and every random choice comes from a PRNG seeded by the
// thing it decides about, so a session's goals, run of show and any cancellation depend on its room and date, not on
// the anchor; statuses, crews (rotated from the first day) and checklist ticks do.

const DAYS_BACK = 90;
const DAYS_AHEAD = 14;
/** Upcoming sessions this close are scheduled; later ones are still drafts. */
const SCHEDULED_DAYS = 7;
/** Past sessions older than this have been reviewed (复盘); newer ones have only ended. */
const REVIEW_AFTER_DAYS = 2;
/** Sessions from this many days back on carry the pre-show checklist. */
const CHECKLIST_DAYS_BACK = 7;
const CANCEL_RATE = 0.03;
const CANCEL_REASONS = ['主播临时请假', '设备故障', '平台活动调整'];
/** The rule checks look this far around a session (planning.service FACT_WINDOW). */
const FACT_WINDOW_MS = 8 * 86_400_000;
const MINUTE = 60_000;
const CHUNK = 300;



const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Products: prices in yuan here, stored in fen.

interface DemoProduct {
  sku: string;
  name: string;
  category: ProductCategory;
  listYuan: number;
  liveYuan: number;
  sellingPoints: string[];
}

const p = (sku: string, name: string, category: ProductCategory, listYuan: number, liveYuan: number, ...sellingPoints: string[]): DemoProduct => ({ sku, name, category, listYuan, liveYuan, sellingPoints });

/** Each team's catalogue, under the demo brands (澜栖美妆, 禾谷优选, 素衣集). Health foods carry the mandatory notice. */
export const DEMO_PRODUCTS: Record<string, DemoProduct[]> = {
  beauty: [
    p('LQ-B001', '澜栖玻尿酸保湿精华液 30ml', 'beauty', 299, 199, '多重玻尿酸复配，上脸好吸收', '质地清爽不黏腻，早晚可用', '敏感肌人群已做测试'),
    p('LQ-B002', '澜栖修护次抛精华 1.5ml×30支', 'beauty', 359, 259, '一支一次，开封即用更卫生', '换季泛红时期帮助舒缓修护'),
    p('LQ-B003', '澜栖补水修护面膜 10片装', 'beauty', 129, 79, '蚕丝膜布服帖，精华液充足', '敷后肌肤水润有光泽', '独立包装方便出差'),
    p('LQ-B004', '澜栖高岭土清洁泥膜 100g', 'beauty', 139, 89, '高岭土吸附油脂，清洁毛孔', '洗后不紧绷，每周一到两次'),
    p('LQ-B005', '澜栖丝绒雾面口红 #316', 'beauty', 169, 119, '丝绒哑光质地，显色度高', '#316 豆沙色日常通勤百搭', '含植物油脂，涂抹顺滑'),
    p('LQ-B006', '澜栖水光镜面唇釉 4.5g', 'beauty', 149, 99, '水光镜面效果，薄涂厚涂都好看', '六个色号可选'),
    p('LQ-B007', '澜栖氨基酸洁面乳 120g', 'beauty', 89, 59, '氨基酸表活，泡沫细腻温和', '洗后不紧绷，油皮干皮都适用'),
    p('LQ-B008', '澜栖轻透防晒乳 SPF50+ PA++++ 50ml', 'beauty', 189, 129, 'SPF50+ PA++++，通勤户外都够用', '轻薄成膜快，不搓泥', '可作妆前打底'),
    p('LQ-B009', '澜栖柔焦气垫粉底 15g×2', 'beauty', 259, 179, '柔焦哑光妆效，持妆一整天', '附替换芯，一盒两用'),
    p('LQ-B010', '澜栖多肽紧致眼霜 20g', 'beauty', 329, 229, '多肽成分，滋润眼周肌肤', '按摩头设计，上手方便'),
    p('LQ-B011', '澜栖美妆蛋三只装', 'beauty', 59, 29.9, '遇水变大，上妆服帖不吃粉', '三种形状，细节处也能照顾到'),
    p('LQ-B012', '澜栖温和卸妆油 200ml', 'beauty', 159, 99, '遇水乳化快，冲洗干净', '眼唇妆也能轻松卸除', '按压泵头，用量好控制'),
  ],
  food: [
    p('HG-F001', '禾谷五常稻花香大米 5kg', 'food', 129, 89.9, '黑龙江五常产区，当季新米', '米粒饱满，煮饭香软有嚼劲', '真空包装，防潮防虫'),
    p('HG-F002', '禾谷东北秋木耳 250g', 'food', 69, 45.9, '秋季采摘，肉厚无根', '泡发率高，凉拌热炒都合适'),
    p('HG-F003', '禾谷云南小粒咖啡挂耳 10g×20包', 'food', 89, 59.9, '云南保山小粒咖啡，中度烘焙', '独立挂耳，热水一冲就好'),
    p('HG-F004', '禾谷每日坚果 25g×30包', 'food', 159, 109, '六种坚果果干科学配比', '每天一包，办公室常备', '独立小包装保持酥脆'),
    p('HG-F005', '禾谷古法手工红糖 500g', 'food', 49, 29.9, '甘蔗熬制，古法工艺', '冲饮、煲汤、做甜品都可以'),
    p('HG-F006', '禾谷内蒙古风干牛肉干 200g', 'food', 119, 79.9, '内蒙古草原牛肉，手撕风干', '原味和香辣两种口味'),
    p('HG-F007', '禾谷低温压榨亚麻籽油 1L', 'food', 99, 69.9, '低温压榨，保留油脂风味', '适合凉拌和低温烹饪'),
    p('HG-F008', '禾谷宁夏头茬枸杞 500g', 'food', 89, 59.9, '宁夏中宁产区头茬果', '颗粒饱满，泡水煲汤都方便', '分装小袋不易受潮'),
    p('HG-F009', '禾谷湘味剁辣椒 300g×2瓶', 'food', 39.9, 25.9, '湖南本地鲜椒手工剁制', '蒸鱼头、拌面下饭都香'),
    p('HG-F010', '禾谷全麦苏打饼干 800g', 'food', 45, 29.9, '全麦粉配方，口感酥脆', '独立小包装，随身带着方便'),
    p('HG-H001', '禾谷维生素C咀嚼片 60片', 'health_food', 128, 89, '保健食品，每片含维生素C 100mg', '橙子风味，可直接嚼服', '保健食品不是药物，不能代替药物治疗疾病'),
    p('HG-H002', '禾谷钙维生素D软胶囊 90粒', 'health_food', 168, 119, '保健食品，补充钙和维生素D', '小粒软胶囊，容易吞咽', '保健食品不是药物，不能代替药物治疗疾病'),
  ],
  apparel: [
    p('SY-A001', '素衣集醋酸缎面通勤衬衫', 'apparel', 399, 269, '醋酸面料垂坠有光泽', '宽松版型，通勤约会都能穿', 'S–XL 四个尺码'),
    p('SY-A002', '素衣集高腰垂感阔腿西裤', 'apparel', 329, 219, '高腰设计拉长腿部比例', '面料垂顺不易起皱'),
    p('SY-A003', '素衣集羊毛混纺针织开衫', 'apparel', 459, 299, '含羊毛 30%，柔软保暖', '开衫设计，叠穿方便', '五个颜色可选'),
    p('SY-A004', '素衣集圆领基础款羊绒衫', 'apparel', 899, 599, '内蒙古山羊绒，亲肤不扎', '基础圆领，单穿内搭都合适'),
    p('SY-A005', '素衣集双面呢中长款大衣', 'apparel', 1599, 1099, '双面呢手工缝制，轻盈有型', '中长款落肩设计，显瘦不挑身材', '附防尘袋'),
    p('SY-A006', '素衣集法式碎花连衣裙', 'apparel', 369, 249, '法式小碎花，收腰显身材', '内衬透气，不透光'),
    p('SY-A007', '素衣集高腰直筒牛仔裤', 'apparel', 299, 199, '微弹面料，久坐不勒', '直筒版型修饰腿型'),
    p('SY-A008', '素衣集冰丝通勤半身裙', 'apparel', 259, 169, '冰丝面料，夏天穿着清爽', '松紧腰头，穿脱方便'),
    p('SY-A009', '素衣集短款白鸭绒羽绒服', 'apparel', 999, 699, '90% 白鸭绒，蓬松保暖', '短款设计，搭配高腰裤显高', '防风立领'),
    p('SY-A010', '素衣集纯棉圆领T恤 2件装', 'apparel', 159, 99, '新疆棉，透气吸汗', '两件装黑白基础色'),
    p('SY-A011', '素衣集V领针织马甲', 'apparel', 229, 149, 'V领设计，叠穿衬衫有层次', '针织细腻，不易起球'),
    p('SY-A012', '素衣集桑蚕丝印花丝巾', 'apparel', 299, 199, '桑蚕丝面料，手感柔滑', '可系领口、包带和发间'),
  ],
};

// ---------------------------------------------------------------------------------------------
// Shows: a team's rooms stream at different times, so one crew can serve both.

export interface ShowPattern {
  /** Part of the session's stable id. */
  slot: string;
  nameZh: string;
  startTime: string;
  endTime: string;
  /** ISO weekdays. */
  weekdays: number[];
}

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];

/** By a room's place among its team's rooms (demo.data order): the main room every evening, the second on weekday afternoons. */
export const DEMO_SHOW_PATTERNS: ShowPattern[] = [
  { slot: 'evening', nameZh: '晚场', startTime: '19:00', endTime: '23:00', weekdays: EVERY_DAY },
  { slot: 'afternoon', nameZh: '午场', startTime: '13:00', endTime: '17:00', weekdays: WEEKDAYS },
  { slot: 'morning', nameZh: '早场', startTime: '08:00', endTime: '12:00', weekdays: WEEKDAYS },
];

/** Believable per-session magnitudes for a team's main room (yuan, average order in yuan, GMV per viewer in yuan). */
// Mid-sized brand rooms: every order of 90 days of demo shows is stored as a raw event (setup/history.seed.ts), so the
// scale also bounds how long loading the demo takes.
const TEAM_SCALE: Record<string, { gmvYuan: number; orderYuan: number; uvValue: number }> = {
  beauty: { gmvYuan: 52_000, orderYuan: 165, uvValue: 3.4 },
  food: { gmvYuan: 36_000, orderYuan: 72, uvValue: 2.1 },
  apparel: { gmvYuan: 42_000, orderYuan: 235, uvValue: 2.8 },
};
const DEFAULT_SCALE = { gmvYuan: 30_000, orderYuan: 120, uvValue: 2.5 };
/** Secondary rooms are smaller accounts, and afternoons draw fewer viewers than evenings. */
const ROOM_SCALE = [1, 0.38, 0.25];

/** Position that fills each crew role. */
const POSITION_FOR_ROLE: Record<SessionRole, string> = {
  host: 'host',
  co_host: 'co_host',
  field_control: 'field_control',
  console: 'console',
  ads: 'promotion',
  customer_service: 'customer_service',
  technician: 'execution',
};

// ---------------------------------------------------------------------------------------------

export interface DemoRoomFacts {
  key: string;
  teamKey: string;
  timeZone: string;
  requiredRoles: SessionRole[];
}

export interface DemoPlanning {
  products: Database['products'][];
  sessions: Database['live_sessions'][];
  crew: Database['session_crew'][];
  slots: Database['session_slots'][];
  checklist: Database['checklist_items'][];
}

interface Draft {
  key: string;
  id: string;
  roomKey: string;
  roomIndex: number;
  pattern: ShowPattern;
  date: string;
  weekLabel: string;
  start: number;
  end: number;
  timeZone: string;
  status: SessionStatus;
  cancelReason: string | null;
  crew: CrewMember[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const round5 = (n: number) => Math.max(5, Math.round(n / 5) * 5);

/**
 * Builds the demo planning rows for `company` around `anchor` (the moment the demo is loaded). Pure: the same inputs
 * give deep-equal rows. `rooms` carries what the database knows about each demo room (its required roles).
 */
export function buildDemoPlanning(company: DemoCompany, rooms: readonly DemoRoomFacts[], checklistTemplate: readonly ChecklistTemplateItem[], anchor: Date): DemoPlanning {
  const now = anchor.getTime();
  const out: DemoPlanning = { products: [], sessions: [], crew: [], slots: [], checklist: [] };

  const productCreated = iso(now - 120 * 86_400_000);
  const productIdsByTeam = new Map<string, { id: string; product: DemoProduct }[]>();
  for (const team of company.teams) {
    const list = (DEMO_PRODUCTS[team.key] ?? []).map((product) => {
      const id = stableId('product', product.sku);
      const rng = rngFor(`product:${product.sku}`);
      out.products.push({
        id,
        sku: product.sku,
        name: product.name,
        category: product.category,
        list_price_fen: Math.round(product.listYuan * 100),
        live_price_fen: Math.round(product.liveYuan * 100),
        stock: between(rng, 8, 120) * 50,
        selling_points: json.stringify(product.sellingPoints),
        image_urls: '[]',
        created_at: productCreated,
        updated_at: productCreated,
      });
      return { id, product };
    });
    productIdsByTeam.set(team.key, list);
  }

  const scheduledUntil = (timeZone: string) => DateTime.fromMillis(now, { zone: timeZone }).plus({ days: SCHEDULED_DAYS }).toISODate()!;
  const checklistFrom = (timeZone: string) => DateTime.fromMillis(now, { zone: timeZone }).minus({ days: CHECKLIST_DAYS_BACK }).toISODate()!;
  for (const team of company.teams) {
    const teamRooms = rooms.filter((r) => r.teamKey === team.key);
    const drafts: Draft[] = [];
    teamRooms.forEach((room, roomIndex) => {
      const pattern = DEMO_SHOW_PATTERNS[roomIndex];
      if (!pattern) return;
      const today = DateTime.fromMillis(now, { zone: room.timeZone }).startOf('day');
      const occurrences = expandRecurrence(
        { fromDate: today.minus({ days: DAYS_BACK }).toISODate()!, toDate: today.plus({ days: DAYS_AHEAD }).toISODate()!, weekdays: pattern.weekdays, startTime: pattern.startTime, endTime: pattern.endTime, timeZone: room.timeZone },
        1000,
      );
      for (const o of occurrences) {
        const key = `${room.key}:${o.date}:${pattern.slot}`;
        const local = DateTime.fromMillis(o.start, { zone: room.timeZone });
        const rng = rngFor(`cancel:${key}`);
        let status: SessionStatus;
        let cancelReason: string | null = null;
        if (o.end <= now) {
          status = o.end < now - REVIEW_AFTER_DAYS * 86_400_000 ? 'reviewed' : 'ended';
          if (rng() < CANCEL_RATE) {
            status = 'cancelled';
            cancelReason = pick(rng, CANCEL_REASONS);
          }
        } else if (o.start <= now) status = 'live';
        // By the room's calendar date, not the instant: no show flips between scheduled and draft with the hour it loads.
        else status = o.date <= scheduledUntil(room.timeZone) ? 'scheduled' : 'draft';
        drafts.push({
          key,
          id: stableId('session', key),
          roomKey: room.key,
          roomIndex,
          pattern,
          date: o.date,
          weekLabel: `${local.weekYear}-W${local.weekNumber}`,
          start: o.start,
          end: o.end,
          timeZone: room.timeZone,
          status,
          cancelReason,
          crew: [],
        });
      }
    });
    // Day by day, the main room first: when the people run short it is the second room that goes without.
    drafts.sort((a, b) => a.date.localeCompare(b.date) || a.roomIndex - b.roomIndex || a.start - b.start);

    const staffed = assignCrews(drafts, company.people, team.key, new Map(teamRooms.map((r) => [r.key, r.requiredRoles])));
    const teamName = team.name.replace(/组$/, '');
    const products = productIdsByTeam.get(team.key) ?? [];
    const scale = TEAM_SCALE[team.key] ?? DEFAULT_SCALE;
    for (const d of staffed) {
      const local = DateTime.fromMillis(d.start, { zone: d.timeZone });
      const created = Math.min(d.start - 10 * 86_400_000, now);
      const updated =
        d.status === 'reviewed' ? Math.min(d.end + 86_400_000, now) : d.status === 'ended' ? d.end : d.status === 'cancelled' ? Math.max(created, Math.min(d.start - 3 * 3_600_000, now)) : d.status === 'live' ? d.start : created;
      out.sessions.push({
        id: d.id,
        room_id: stableId('room', d.roomKey),
        title: `${teamName}${d.pattern.nameZh}·${local.month}月${local.day}日`,
        planned_start: iso(d.start),
        planned_end: iso(d.end),
        ...goalsFor(d, scale),
        notes: notesFor(d),
        status: d.status,
        cancel_reason: d.cancelReason,
        series_id: null,
        is_unplanned: 0,
        created_by: null,
        created_at: iso(created),
        updated_at: iso(updated),
      });
      for (const c of d.crew) out.crew.push({ session_id: d.id, person_id: c.personId, role: c.role });
      out.slots.push(...runOfShow(d, products));
      if (d.status !== 'cancelled' && d.date >= checklistFrom(d.timeZone)) {
        out.checklist.push(...checklistFor(d, checklistTemplate, now));
      }
    }
  }
  return out;
}

/**
 * Staffs a team's sessions day by day from its own active people, checking each pick with the planning rules
 * (planning.rules checkPlan, the default on-air limits) against everything picked before; a rule between two sessions
 * is checked when the second of them is staffed, so the finished plan passes them all. Hosts rotate: the one with the
 * fewest on-air minutes that ISO week goes first. A session whose required roles cannot all be filled is dropped,
 * which is how a team short of hosts skips its second room that day.
 */
function assignCrews(drafts: Draft[], people: readonly DemoPerson[], teamKey: string, requiredByRoom: Map<string, SessionRole[]>): Draft[] {
  const own = people.filter((x) => x.status === 'active' && x.teamKeys.length === 1 && x.teamKeys[0] === teamKey);
  const ids = new Map(own.map((x) => [x.key, stableId('person', x.key)]));
  const rules = new Map<string, WorkRules>();
  for (const x of own) {
    const r = defaultWorkRules[x.positionCode];
    if (r) rules.set(ids.get(x.key)!, r);
  }
  const commitments = new Map<string, Commitment[]>();
  const weekMinutes = new Map<string, number>();
  const totalMinutes = new Map<string, number>();
  const kept: Draft[] = [];

  drafts.forEach((d, n) => {
    const required = requiredByRoom.get(d.roomKey) ?? [];
    const weekend = DateTime.fromMillis(d.start, { zone: d.timeZone }).weekday >= 6;
    const wanted: [SessionRole, boolean][] = [...required.map((r): [SessionRole, boolean] => [r, true]), ...(weekend && !required.includes('co_host') ? [['co_host', false] as [SessionRole, boolean]] : [])];
    const crew: CrewMember[] = [];
    for (const [role, isRequired] of wanted) {
      const onAir = ON_AIR_ROLES.includes(role);
      const pool = own.filter((x) => x.positionCode === POSITION_FOR_ROLE[role]).map((x) => ids.get(x.key)!);
      // Rotation: least on air this week, then least overall, then a turn that moves with the session.
      const ordered = pool
        .map((id, i) => ({ id, turn: (i + n) % pool.length }))
        .sort((a, b) =>
          onAir
            ? (weekMinutes.get(`${a.id}:${d.weekLabel}`) ?? 0) - (weekMinutes.get(`${b.id}:${d.weekLabel}`) ?? 0) || (totalMinutes.get(a.id) ?? 0) - (totalMinutes.get(b.id) ?? 0) || a.turn - b.turn
            : (totalMinutes.get(a.id) ?? 0) - (totalMinutes.get(b.id) ?? 0) || a.turn - b.turn,
        );
      const chosen = ordered.find(({ id }) => {
        if (crew.some((c) => c.personId === id)) return false;
        const near = (commitments.get(id) ?? []).filter((c) => c.end > d.start - FACT_WINDOW_MS && c.start < d.end + FACT_WINDOW_MS);
        // Only the candidate is checked: the people already picked passed their own checks.
        const violations = checkPlan(
          { sessionId: d.id, roomId: d.roomKey, start: d.start, end: d.end, timeZone: d.timeZone, crew: [{ personId: id, role }], requiredRoles: [], slotMinutes: 0, stage: 'draft' },
          { roomSessions: [], commitments: new Map([[id, near]]), rules, inactive: new Set() },
        );
        return !violations.some((v) => v.severity === 'block');
      });
      if (chosen) crew.push({ personId: chosen.id, role });
      else if (isRequired) return;
    }
    const minutes = Math.round((d.end - d.start) / MINUTE);
    for (const c of crew) {
      commitments.set(c.personId, [...(commitments.get(c.personId) ?? []), { sessionId: d.id, start: d.start, end: d.end, roles: [c.role] }]);
      totalMinutes.set(c.personId, (totalMinutes.get(c.personId) ?? 0) + minutes);
      if (ON_AIR_ROLES.includes(c.role)) weekMinutes.set(`${c.personId}:${d.weekLabel}`, (weekMinutes.get(`${c.personId}:${d.weekLabel}`) ?? 0) + minutes);
    }
    kept.push({ ...d, crew });
  });
  return kept;
}

/** Platform sales festivals (MM-DD): the day itself sells far more, the days before it somewhat more. */
const PROMO_DAYS: Record<string, string> = { '03-08': '女神节', '06-18': '618', '11-11': '双11', '12-12': '双12' };
const PROMO_LEAD_DAYS = 3;

function promoOf(date: string): { name: string; isEve: boolean } | null {
  // Plain calendar arithmetic: UTC keeps it independent of the machine's zone.
  const day = Date.parse(`${date}T00:00:00Z`);
  for (let lead = 0; lead <= PROMO_LEAD_DAYS; lead++) {
    const name = PROMO_DAYS[new Date(day + lead * 86_400_000).toISOString().slice(5, 10)];
    if (name) return { name, isEve: lead > 0 };
  }
  return null;
}

/** GMV, viewers and orders: the room's scale, busier at weekends and around sales festivals, with day-to-day noise. */
function goalsFor(d: Draft, scale: { gmvYuan: number; orderYuan: number; uvValue: number }) {
  const rng = rngFor(`goals:${d.key}`);
  const weekday = DateTime.fromMillis(d.start, { zone: d.timeZone }).weekday;
  const promo = promoOf(d.date);
  const dayFactor = (weekday >= 6 ? 1.3 : weekday === 5 ? 1.12 : 1) * (promo ? (promo.isEve ? 1.3 : 2) : 1);
  const gmvYuan = scale.gmvYuan * (ROOM_SCALE[d.roomIndex] ?? 0.2) * dayFactor * (0.82 + rng() * 0.36);
  return {
    goal_gmv_fen: Math.round(gmvYuan / 1000) * 1000 * 100,
    goal_viewers: Math.round(gmvYuan / (scale.uvValue * (0.9 + rng() * 0.2)) / 100) * 100,
    goal_orders: Math.round(gmvYuan / (scale.orderYuan * (0.9 + rng() * 0.2))),
  };
}

function notesFor(d: Draft): string {
  const promo = promoOf(d.date);
  if (!promo) return '';
  return promo.isEve ? `${promo.name}预热场：预告大促机制，引导加购和关注。` : `${promo.name}大促当天：提前备货，福袋和优惠券加量，客服增加人手。`;
}

const SLOT_ORDER: SlotType[] = ['welfare', 'traffic', 'hero', 'profit', 'traffic', 'profit', 'hero', 'welfare', 'profit', 'traffic'];
const SLOT_WEIGHT: Record<SlotType, number> = { welfare: 0.7, traffic: 0.8, profit: 1, hero: 1.4 };
const SHOWCASE: Partial<Record<ProductCategory, string>> = { beauty: '上脸试用', food: '现场试吃', health_food: '讲清适宜人群', apparel: '上身展示' };

function talkingPoints(type: SlotType, product: DemoProduct, rng: Rng): string {
  const [first = '', second = first] = shuffled(rng, product.sellingPoints.filter((s) => !s.startsWith('保健食品不是药物')));
  const show = SHOWCASE[product.category] ?? '实物展示';
  const notice = product.category === 'health_food' ? '口播提示：保健食品不能代替药物。' : '';
  switch (type) {
    case 'welfare':
      return `福利款留人：先${show}，讲${first}；公屏扣“想要”后再放库存。${notice}`;
    case 'traffic':
      return `引流款：直播间价 ${product.liveYuan} 元，讲清${first}，引导新进来的朋友点关注。${notice}`;
    case 'hero':
      return `本场主推：${show}，重点讲${first}，再讲${second}；场控报库存，配合倒计时。${notice}`;
    case 'profit':
      return `利润款：搭配主推讲，突出${first}，不额外压价。${notice}`;
  }
}

function mechanicFor(type: SlotType, product: DemoProduct, rng: Rng): SlotInput['mechanics'][number] | null {
  if (rng() < 0.45) return null;
  switch (type) {
    case 'welfare':
      return { kind: 'lucky_bag', description: '整点福袋：关注主播并发送口令参与' };
    case 'traffic': {
      const threshold = Math.max(99, Math.ceil(product.liveYuan / 50) * 50);
      return { kind: 'coupon', description: `满${threshold}减${Math.round(threshold * 0.12)}店铺券` };
    }
    case 'hero':
      return { kind: 'discount', description: `直播间专享价 ${product.liveYuan} 元（日常价 ${product.listYuan} 元）` };
    case 'profit':
      return { kind: 'bundle', description: '任选两件再减 20 元' };
  }
}

/** 6–10 slots of the team's products whose planned minutes fill most of the session without running over. */
function runOfShow(d: Draft, products: { id: string; product: DemoProduct }[]): Database['session_slots'][] {
  if (!products.length) return [];
  const rng = rngFor(`slots:${d.key}`);
  const count = Math.min(between(rng, 6, 10), products.length);
  const chosen = shuffled(rng, products).slice(0, count);
  const types = SLOT_ORDER.slice(0, count);
  const sessionMinutes = Math.round((d.end - d.start) / MINUTE);
  const target = sessionMinutes - between(rng, 0, 6) * 5;
  const weightSum = types.reduce((a, t) => a + SLOT_WEIGHT[t], 0);
  const minutes = types.map((t) => round5((target * SLOT_WEIGHT[t]) / weightSum));
  // Rounding can push the total past the session: trim the longest slots until it fits.
  while (minutes.reduce((a, m) => a + m, 0) > sessionMinutes) {
    const longest = minutes.indexOf(Math.max(...minutes));
    minutes[longest] = minutes[longest]! - 5;
  }
  return chosen.map(({ id, product }, i) => {
    const type = types[i]!;
    const mechanic = mechanicFor(type, product, rng);
    return {
      id: stableId('session-slot', `${d.key}:${i + 1}`),
      session_id: d.id,
      position: i + 1,
      product_id: id,
      planned_minutes: minutes[i]!,
      slot_type: type,
      talking_points: talkingPoints(type, product, rng),
      mechanics: json.stringify(mechanic ? [mechanic] : []),
    };
  });
}

/**
 * The pre-show checklist. Items already due at the anchor were ticked by the session's field control before they fell
 * due, except that a few upcoming sessions keep their latest due item open, so the demo shows an overdue item.
 */
function checklistFor(d: Draft, items: readonly ChecklistTemplateItem[], now: number): Database['checklist_items'][] {
  const rng = rngFor(`checklist:${d.key}`);
  const ticker = d.crew.find((c) => c.role === 'field_control')?.personId ?? null;
  const rows = items.map((item, i) => {
    const due = d.start - item.dueMinutesBefore * MINUTE;
    const isDue = due < now && ticker !== null;
    return {
      id: stableId('checklist-item', `${d.key}:${i + 1}`),
      session_id: d.id,
      template_id: stableId('checklist-template', 'pre-show'),
      label_zh: item.labelZh,
      label_en: item.labelEn,
      category: item.category,
      due_at: iso(due),
      done_at: isDue ? iso(due - between(rng, 2, 24) * 5 * MINUTE) : null,
      done_by_person_id: isDue ? ticker : null,
      done_by_user_id: null,
    };
  });
  if (d.start > now && rng() < 0.2) {
    const open = rows.filter((r) => r.done_at !== null).sort((a, b) => b.due_at.localeCompare(a.due_at))[0];
    if (open) Object.assign(open, { done_at: null, done_by_person_id: null });
  }
  return rows;
}

async function insertChunked<T extends keyof Database & string>(db: Executor, table: T, rows: readonly Database[T][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely cannot narrow the row type through the generic table name.
    await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

/**
 * Writes the demo planning for the demo company (already loaded in `db`). Runs inside the demo loader's transaction,
 * with bulk inserts: the whole load stays within seconds on both databases.
 */
export async function seedDemoPlanning(db: Executor, company: DemoCompany, anchor: Date): Promise<{ sessions: number; products: number }> {
  const roomRows = await db.selectFrom('rooms').select(['id', 'time_zone', 'required_roles']).execute();
  const rooms: DemoRoomFacts[] = company.rooms.flatMap((r) => {
    const row = roomRows.find((x) => x.id === stableId('room', r.key));
    return row ? [{ key: r.key, teamKey: r.teamKey, timeZone: row.time_zone, requiredRoles: json.parse<SessionRole[]>(row.required_roles, []) }] : [];
  });
  const template = await db.selectFrom('checklist_templates').select('items').where('id', '=', stableId('checklist-template', 'pre-show')).executeTakeFirst();
  // Without the default template (deleted before the demo was loaded) the sessions simply carry no checklist.
  const plan = buildDemoPlanning(company, rooms, template ? json.parse<ChecklistTemplateItem[]>(template.items, []) : [], anchor);
  await insertChunked(db, 'products', plan.products);
  await insertChunked(db, 'live_sessions', plan.sessions);
  await insertChunked(db, 'session_crew', plan.crew);
  await insertChunked(db, 'session_slots', plan.slots);
  await insertChunked(db, 'checklist_items', plan.checklist);
  return { sessions: plan.sessions.length, products: plan.products.length };
}
