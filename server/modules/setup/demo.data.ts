import type { Role } from '../../../contracts/accounts';
import { DEFAULT_LEVELS } from '../../../contracts/catalog';
import type { PersonStatus } from '../../../contracts/people';
import type { Platform } from '../../../contracts/team';
import { mulberry32, type Rng } from '../../platform/random';
import { defaultPositions } from '../catalog/catalog.defaults';

// The demo company: 3 teams, 6 rooms, 31 people, 9 users. Pure and deterministic: the same seed
// gives the same company, with no clock and no Math.random. Keys are stable and seed-independent
// (`beauty-host-1`, `manager-food`), so links, docs and tests can rely on them; names, dates,
// levels and contact details vary with the seed. All contact details are made up: phone numbers
// are random 13x numbers and ID numbers only have a valid check digit, they belong to no one we know.

export interface DemoTeam {
  key: string;
  name: string;
  description: string;
}

export interface DemoRoom {
  key: string;
  teamKey: string;
  platform: Platform;
  accountId: string;
  displayName: string;
  timeZone: string;
  /** Push-signature secret; set for Douyin rooms only. */
  secret: string | null;
}

export interface DemoPerson {
  key: string;
  displayName: string;
  positionCode: string;
  /** A level code of the position's ladder (DEFAULT_LEVELS), e.g. 'junior'. */
  level: string;
  teamKeys: string[];
  /** YYYY-MM-DD. */
  hireDate: string;
  weeklyCapacityHours: number;
  skills: string[];
  status: PersonStatus;
  phone: string;
  wechat: string;
  idCard: string;
  address: string;
}

export interface DemoUser {
  key: string;
  email: string;
  displayName: string;
  role: Role;
  teamKeys: string[];
  personKey: string | null;
}

export interface DemoCompany {
  teams: DemoTeam[];
  rooms: DemoRoom[];
  people: DemoPerson[];
  users: DemoUser[];
}

export const DEMO_OWNER = { email: 'owner@demo.showrunner.dev', password: 'showrunner-demo' } as const;

const DEFAULT_SEED = 20261101;
/** Hire dates count back from here (at most 4 years) so the demo does not drift with the clock. */
const REFERENCE_DATE_UTC = Date.UTC(2026, 10, 1);
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Random source



const intBetween = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickWeighted<T>(rng: Rng, options: ReadonlyArray<readonly [T, number]>): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng() * total;
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = options[options.length - 1];
  if (!last) throw new Error('pick from an empty list');
  return last[0];
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const digits = (rng: Rng, count: number) => Array.from({ length: count }, () => String(intBetween(rng, 0, 9))).join('');

// ---------------------------------------------------------------------------------------------
// Fixed structure: teams, rooms, who sits where

const TEAMS: DemoTeam[] = [
  { key: 'beauty', name: '美妆组', description: '负责澜栖美妆抖音和天猫直播间，主推护肤、彩妆和美妆工具。' },
  { key: 'food', name: '食品组', description: '负责禾谷优选抖音和快手直播间，主打地方特产、休闲零食和粮油干货。' },
  { key: 'apparel', name: '服饰组', description: '负责素衣集女装抖音和视频号直播间，按季上新，主推通勤女装和针织。' },
];

const ROOMS: Array<Omit<DemoRoom, 'secret' | 'timeZone'>> = [
  { key: 'beauty-douyin', teamKey: 'beauty', platform: 'douyin', accountId: '71928364051', displayName: '澜栖美妆官方旗舰店直播间' },
  { key: 'beauty-taobao', teamKey: 'beauty', platform: 'taobao', accountId: '2215830417', displayName: '澜栖美妆天猫旗舰店' },
  { key: 'food-douyin', teamKey: 'food', platform: 'douyin', accountId: '83017462590', displayName: '禾谷优选官方直播间' },
  { key: 'food-kuaishou', teamKey: 'food', platform: 'kuaishou', accountId: 'hegu_haowu', displayName: '禾谷农家好物直播间' },
  { key: 'apparel-douyin', teamKey: 'apparel', platform: 'douyin', accountId: '92736150487', displayName: '素衣集女装旗舰店直播间' },
  { key: 'apparel-wechat', teamKey: 'apparel', platform: 'wechat_channels', accountId: 'sphAb3kQ7x2mN', displayName: '素衣集视频号直播' },
];

interface Seat {
  key: string;
  positionCode: string;
  teamKeys: string[];
}

// Staffing after domain.md 2.4: each team runs its own on-air crew (2–3 hosts for rooms live most of
// the day, a co-host, field control, console, an ops lead); promotion, sourcing, service and data are
// central and shared across teams.
const HOSTS_PER_TEAM: Record<string, number> = { beauty: 3, food: 2, apparel: 3 };

const SEATS: Seat[] = [
  ...TEAMS.flatMap((team): Seat[] => [
    { key: `${team.key}-ops`, positionCode: 'ops_manager', teamKeys: [team.key] },
    ...Array.from({ length: HOSTS_PER_TEAM[team.key] ?? 2 }, (_, i) => ({
      key: `${team.key}-host-${i + 1}`,
      positionCode: 'host',
      teamKeys: [team.key],
    })),
    { key: `${team.key}-co-host`, positionCode: 'co_host', teamKeys: [team.key] },
    { key: `${team.key}-field-control`, positionCode: 'field_control', teamKeys: [team.key] },
    { key: `${team.key}-console`, positionCode: 'console', teamKeys: [team.key] },
  ]),
  { key: 'planner-1', positionCode: 'planner', teamKeys: ['beauty', 'apparel'] },
  { key: 'planner-2', positionCode: 'planner', teamKeys: ['food'] },
  { key: 'execution-1', positionCode: 'execution', teamKeys: ['beauty', 'food'] },
  { key: 'execution-2', positionCode: 'execution', teamKeys: ['apparel', 'food'] },
  { key: 'promotion-1', positionCode: 'promotion', teamKeys: ['beauty', 'apparel'] },
  { key: 'promotion-2', positionCode: 'promotion', teamKeys: ['food', 'apparel'] },
  { key: 'sourcing-1', positionCode: 'sourcing', teamKeys: ['beauty'] },
  { key: 'sourcing-2', positionCode: 'sourcing', teamKeys: ['food', 'apparel'] },
  { key: 'customer-service-1', positionCode: 'customer_service', teamKeys: ['beauty', 'food', 'apparel'] },
  { key: 'customer-service-2', positionCode: 'customer_service', teamKeys: ['beauty', 'food', 'apparel'] },
  { key: 'data-analyst', positionCode: 'data_analyst', teamKeys: ['beauty', 'food', 'apparel'] },
];

/** Hosts who get a member login; they must stay active. */
const MEMBER_HOSTS = ['beauty-host-1', 'food-host-1', 'apparel-host-1', 'beauty-host-2'];

// ---------------------------------------------------------------------------------------------
// Names and contact details

const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'],
  ['黄', 'huang'], ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'],
  ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'],
  ['罗', 'luo'], ['高', 'gao'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'],
  ['沈', 'shen'], ['叶', 'ye'], ['蒋', 'jiang'], ['苏', 'su'], ['程', 'cheng'], ['方', 'fang'],
];

const FEMALE_GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['婷', 'ting'], ['雪', 'xue'], ['梦', 'meng'], ['佳', 'jia'], ['欣', 'xin'], ['悦', 'yue'],
  ['雨', 'yu'], ['琪', 'qi'], ['静', 'jing'], ['颖', 'ying'], ['露', 'lu'], ['瑶', 'yao'],
  ['思', 'si'], ['怡', 'yi'], ['晓', 'xiao'], ['诗', 'shi'], ['雯', 'wen'], ['娜', 'na'],
  ['丹', 'dan'], ['倩', 'qian'], ['菲', 'fei'], ['萱', 'xuan'], ['彤', 'tong'], ['蕾', 'lei'],
];

const MALE_GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['浩', 'hao'], ['宇', 'yu'], ['轩', 'xuan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'],
  ['磊', 'lei'], ['强', 'qiang'], ['鹏', 'peng'], ['俊', 'jun'], ['博', 'bo'], ['晨', 'chen'],
  ['凯', 'kai'], ['斌', 'bin'], ['峰', 'feng'], ['昊', 'hao'], ['阳', 'yang'], ['伟', 'wei'],
  ['超', 'chao'], ['文', 'wen'], ['航', 'hang'], ['宁', 'ning'], ['泽', 'ze'], ['睿', 'rui'],
];

/** Birth-registration areas (GB/T 2260) for the ID numbers: 北京朝阳, 上海徐汇, 深圳南山, 杭州西湖, … */
const ID_REGIONS = ['110105', '310104', '440305', '330106', '320102', '510104', '420106', '430104', '350203', '410105'];

/** The company sits in Hangzhou; most people live nearby. */
const STREETS = [
  '杭州市余杭区文一西路',
  '杭州市西湖区文三路',
  '杭州市滨江区江南大道',
  '杭州市拱墅区莫干山路',
  '杭州市上城区解放路',
  '杭州市萧山区市心中路',
  '杭州市余杭区五常大道',
  '杭州市滨江区滨盛路',
  '杭州市西湖区古墩路',
  '杭州市临平区迎宾路',
  '上海市徐汇区漕溪北路',
];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character (ISO 7064 MOD 11-2) for the first 17 digits. */
function idCardCheckCharacter(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return ID_CHECK[sum % 11] as string;
}

const isoDate = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

type LevelCode = (typeof DEFAULT_LEVELS)[number]['code'];

// Most of the crew is junior or intermediate; ops leads are senior people.
const LEVEL_WEIGHTS: ReadonlyArray<readonly [LevelCode, number]> = [
  ['junior', 40],
  ['intermediate', 35],
  ['senior', 17],
  ['expert', 8],
];
const LEAD_LEVEL_WEIGHTS: ReadonlyArray<readonly [LevelCode, number]> = [
  ['senior', 60],
  ['expert', 40],
];

/** Tenure in days and birth years that fit each level, so an expert is not a 2003-born new hire. */
const LEVEL_PROFILE: Record<string, { tenureDays: [number, number]; birthYears: [number, number] }> = {
  junior: { tenureDays: [30, 540], birthYears: [1996, 2003] },
  intermediate: { tenureDays: [180, 1100], birthYears: [1992, 2001] },
  senior: { tenureDays: [400, 1400], birthYears: [1990, 1998] },
  expert: { tenureDays: [700, 1460], birthYears: [1988, 1995] },
};

// ---------------------------------------------------------------------------------------------

/** Builds the demo company. The same seed always yields a deep-equal result. */
export function generateDemoCompany(seed: number = DEFAULT_SEED): DemoCompany {
  const rng = mulberry32(seed);

  const rooms: DemoRoom[] = ROOMS.map((room) => ({
    ...room,
    timeZone: 'Asia/Shanghai',
    secret: room.platform === 'douyin' ? Array.from({ length: 32 }, () => pick(rng, [...'0123456789abcdef'])).join('') : null,
  }));

  const usedNames = new Set<string>();
  const usedHandles = new Set<string>();
  const usedPhones = new Set<string>();
  const usedIdCards = new Set<string>();

  const people: DemoPerson[] = SEATS.map((seat) => {
    const position = defaultPositions.find((p) => p.code === seat.positionCode);
    if (!position) throw new Error(`demo seat ${seat.key} names unknown position ${seat.positionCode}`);

    // On-camera roles skew female in beauty and apparel rooms, as they do in practice.
    const onCamera = seat.positionCode === 'host' || seat.positionCode === 'co_host';
    const isFemale = rng() < (onCamera ? 0.8 : 0.55);

    let displayName = '';
    let handle = '';
    do {
      const [surname, surnamePinyin] = pick(rng, SURNAMES);
      const pool = isFemale ? FEMALE_GIVEN : MALE_GIVEN;
      const first = pick(rng, pool);
      let given = first[0];
      let givenPinyin = first[1];
      if (rng() < 0.7) {
        const second = pick(rng, pool.filter((g) => g !== first));
        given += second[0];
        givenPinyin += second[1];
      }
      displayName = surname + given;
      handle = surnamePinyin + givenPinyin;
    } while (usedNames.has(displayName));
    usedNames.add(displayName);

    const level =
      seat.positionCode === 'ops_manager' ? pickWeighted(rng, LEAD_LEVEL_WEIGHTS) : pickWeighted(rng, LEVEL_WEIGHTS);
    const profile = LEVEL_PROFILE[level];
    if (!profile) throw new Error(`no profile for level ${level}`);
    const hireDate = isoDate(REFERENCE_DATE_UTC - intBetween(rng, ...profile.tenureDays) * DAY_MS);

    const birthYear = intBetween(rng, ...profile.birthYears);
    const birthDate = isoDate(Date.UTC(birthYear, 0, 1) + intBetween(rng, 0, 364) * DAY_MS);
    // Sequence code: its last digit is odd for men and even for women (GB 11643).
    const sequence = `${digits(rng, 2)}${2 * intBetween(rng, 0, 4) + (isFemale ? 0 : 1)}`;
    let idCard = '';
    do {
      const first17 = pick(rng, ID_REGIONS) + birthDate.replaceAll('-', '') + sequence;
      idCard = first17 + idCardCheckCharacter(first17);
    } while (usedIdCards.has(idCard));
    usedIdCards.add(idCard);

    let phone = '';
    do phone = `13${digits(rng, 9)}`;
    while (usedPhones.has(phone));
    usedPhones.add(phone);

    let wechat = rng() < 0.5 ? `wx_${handle}` : `wx_${handle}${String(birthYear).slice(2)}`;
    while (usedHandles.has(wechat)) wechat = `wx_${handle}${digits(rng, 3)}`;
    usedHandles.add(wechat);

    const street = pick(rng, STREETS);
    const houseNumber = intBetween(rng, 1, 120) * (rng() < 0.5 ? 1 : 8);
    const flat = rng() < 0.75 ? `${intBetween(rng, 1, 12)}幢${intBetween(rng, 1, 3)}单元${intBetween(rng, 2, 18)}0${intBetween(rng, 1, 4)}室` : '';
    const address = `${street}${houseNumber}号${flat}`;

    const skillCount = intBetween(rng, 2, Math.min(4, position.skills.length));
    const chosen = new Set(shuffled(rng, position.skills).slice(0, skillCount));
    const skills = position.skills.filter((s) => chosen.has(s));

    const weeklyCapacityHours = pickWeighted(rng, [
      [40, 80],
      [44, 12],
      [30, 8],
    ] as const);

    return {
      key: seat.key,
      displayName,
      positionCode: seat.positionCode,
      level,
      teamKeys: [...seat.teamKeys],
      hireDate,
      weeklyCapacityHours,
      skills,
      status: 'active' as PersonStatus,
      phone,
      wechat,
      idCard,
      address,
    };
  });

  markAbsences(rng, people);

  const personByKey = new Map(people.map((p) => [p.key, p]));
  const person = (key: string) => {
    const found = personByKey.get(key);
    if (!found) throw new Error(`demo user links unknown person ${key}`);
    return found;
  };
  const allTeamKeys = TEAMS.map((t) => t.key);

  const users: DemoUser[] = [
    { key: 'owner', email: DEMO_OWNER.email, displayName: '王总', role: 'owner', teamKeys: allTeamKeys, personKey: null },
    ...TEAMS.map((team): DemoUser => {
      const lead = person(`${team.key}-ops`);
      return {
        key: `manager-${team.key}`,
        email: `manager.${team.key}@demo.showrunner.dev`,
        displayName: lead.displayName,
        role: 'manager',
        teamKeys: [team.key],
        personKey: lead.key,
      };
    }),
    ...MEMBER_HOSTS.map((hostKey): DemoUser => {
      const host = person(hostKey);
      const [teamKey, , index] = hostKey.split('-');
      return {
        key: `member-${hostKey}`,
        email: `host${index}.${teamKey}@demo.showrunner.dev`,
        displayName: host.displayName,
        role: 'member',
        teamKeys: [...host.teamKeys],
        personKey: host.key,
      };
    }),
    { key: 'viewer', email: 'viewer@demo.showrunner.dev', displayName: '财务·李会计', role: 'viewer', teamKeys: allTeamKeys, personKey: null },
  ];

  return { teams: TEAMS.map((t) => ({ ...t })), rooms, people, users };
}

/**
 * One person has left and one or two are on leave. Each comes from a seat another active person of
 * the same position still covers in every one of their teams (so no team loses its only field
 * control), never a user-linked host or an ops lead, and never two from the same position.
 */
function markAbsences(rng: Rng, people: DemoPerson[]): void {
  const statuses: PersonStatus[] = ['left', 'on_leave', ...(rng() < 0.5 ? (['on_leave'] as const) : [])];
  const candidates = shuffled(
    rng,
    people.filter((p) => p.positionCode !== 'ops_manager' && !MEMBER_HOSTS.includes(p.key)),
  );
  const touchedPositions = new Set<string>();
  for (const candidate of candidates) {
    const status = statuses[touchedPositions.size];
    if (!status) break;
    if (touchedPositions.has(candidate.positionCode)) continue;
    const isCovered = candidate.teamKeys.every((team) =>
      people.some(
        (other) =>
          other !== candidate &&
          other.status === 'active' &&
          other.positionCode === candidate.positionCode &&
          other.teamKeys.includes(team),
      ),
    );
    if (!isCovered) continue;
    touchedPositions.add(candidate.positionCode);
    candidate.status = status;
  }
}
