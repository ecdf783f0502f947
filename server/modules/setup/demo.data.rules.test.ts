import { describe, expect, it } from 'vitest';
import { Email } from '../../../contracts/accounts';
import { DEFAULT_LEVELS } from '../../../contracts/catalog';
import { IdCard, PersonInput, Phone } from '../../../contracts/people';
import { RoomInput, TeamInput } from '../../../contracts/team';
import { defaultPositions } from '../catalog/catalog.defaults';
import { DEMO_OWNER, generateDemoCompany } from './demo.data';

const company = generateDemoCompany();
const { teams, rooms, people, users } = company;
const teamKeys = new Set(teams.map((t) => t.key));
const personByKey = new Map(people.map((p) => [p.key, p]));

/** Independent oracle for GB 11643 / ISO 7064 MOD 11-2, written from the standard, not the generator. */
function hasValidIdCheckDigit(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] ?? 0);
  // The full 18 characters, with X as 10, must sum to 1 mod 11.
  const last = id[17] === 'X' ? 10 : Number(id[17]);
  return (sum + last) % 11 === 1;
}

describe('the ID check-digit oracle', () => {
  it('accepts the GB 11643 sample number and rejects a corrupted one', () => {
    expect(hasValidIdCheckDigit('11010519491231002X')).toBe(true);
    expect(hasValidIdCheckDigit('110105194912310021')).toBe(false);
    expect(hasValidIdCheckDigit('11010519491231002')).toBe(false);
  });
});

describe('generateDemoCompany: determinism', () => {
  it('gives deep-equal output for the same seed, including the default', () => {
    expect(generateDemoCompany(7)).toEqual(generateDemoCompany(7));
    expect(generateDemoCompany()).toEqual(company);
  });

  it('gives different people for different seeds, with the same stable keys', () => {
    const a = generateDemoCompany(1);
    const b = generateDemoCompany(2);
    expect(a).not.toEqual(b);
    expect(a.people.map((p) => p.displayName)).not.toEqual(b.people.map((p) => p.displayName));
    expect(a.people.map((p) => p.key)).toEqual(b.people.map((p) => p.key));
    expect(a.users.map((u) => u.email)).toEqual(b.users.map((u) => u.email));
  });

  it('does not share mutable state between calls', () => {
    const first = generateDemoCompany(3);
    first.people[0]!.teamKeys.push('mutated');
    first.teams[0]!.name = 'mutated';
    expect(generateDemoCompany(3)).not.toEqual(first);
    expect(generateDemoCompany(3).teams[0]!.name).toBe('美妆组');
  });
});

describe('teams and rooms', () => {
  it('has the three teams, each valid for TeamInput', () => {
    expect(teams.map((t) => [t.key, t.name])).toEqual([
      ['beauty', '美妆组'],
      ['food', '食品组'],
      ['apparel', '服饰组'],
    ]);
    for (const t of teams) TeamInput.parse({ name: t.name, description: t.description });
  });

  it('has 5–6 rooms on at least three platforms, every one in an existing team and valid for RoomInput', () => {
    expect(rooms.length).toBeGreaterThanOrEqual(5);
    expect(rooms.length).toBeLessThanOrEqual(6);
    expect(new Set(rooms.map((r) => r.platform)).size).toBeGreaterThanOrEqual(3);
    for (const platform of ['douyin', 'taobao', 'kuaishou']) expect(rooms.map((r) => r.platform)).toContain(platform);
    for (const room of rooms) {
      expect(teamKeys.has(room.teamKey), room.key).toBe(true);
      expect(room.timeZone).toBe('Asia/Shanghai');
      RoomInput.parse({ ...room, teamId: room.teamKey, secret: room.secret ?? undefined });
    }
    expect(new Set(rooms.map((r) => r.key)).size).toBe(rooms.length);
    expect(new Set(rooms.map((r) => `${r.platform}:${r.accountId}`)).size).toBe(rooms.length);
  });

  it('gives Douyin rooms, and only those, a secret', () => {
    for (const room of rooms) {
      if (room.platform === 'douyin') expect(room.secret, room.key).toMatch(/^[0-9a-f]{32}$/);
      else expect(room.secret, room.key).toBeNull();
    }
  });

  it('gives every team at least one room', () => {
    for (const key of teamKeys) expect(rooms.some((r) => r.teamKey === key), key).toBe(true);
  });
});

describe('people', () => {
  // Invariants must hold for any seed, not just the default: check a spread of them.
  const seeds = [undefined, 0, 42, 20261101, 987654321, 0xffffffff, ...Array.from({ length: 40 }, (_, i) => i * 7919 + 1)];

  it('has about 30 people with unique keys and unique names', () => {
    expect(people.length).toBeGreaterThanOrEqual(28);
    expect(people.length).toBeLessThanOrEqual(34);
    expect(new Set(people.map((p) => p.key)).size).toBe(people.length);
    for (const seed of seeds) {
      const names = generateDemoCompany(seed).people.map((p) => p.displayName);
      expect(new Set(names).size, `seed ${seed}`).toBe(names.length);
    }
  });

  it('covers all 11 positions with at least one active person each', () => {
    for (const seed of seeds) {
      const active = generateDemoCompany(seed).people.filter((p) => p.status === 'active');
      expect(new Set(active.map((p) => p.positionCode)), `seed ${seed}`).toEqual(new Set(defaultPositions.map((p) => p.code)));
    }
  });

  it('staffs every team with 2–4 hosts, a co-host, field control, console and an ops lead', () => {
    for (const team of teamKeys) {
      const inTeam = people.filter((p) => p.teamKeys.includes(team));
      const count = (code: string) => inTeam.filter((p) => p.positionCode === code).length;
      expect(count('host'), team).toBeGreaterThanOrEqual(2);
      expect(count('host'), team).toBeLessThanOrEqual(4);
      for (const code of ['co_host', 'field_control', 'console', 'ops_manager']) expect(count(code), `${team} ${code}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps an active host, field control, console and ops lead in every team whatever the seed', () => {
    for (const seed of seeds) {
      const c = generateDemoCompany(seed);
      for (const team of teamKeys) {
        for (const code of ['host', 'co_host', 'field_control', 'console', 'ops_manager']) {
          const holders = c.people.filter((p) => p.status === 'active' && p.positionCode === code && p.teamKeys.includes(team));
          expect(holders.length, `seed ${seed} ${team} ${code}`).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('puts every person in existing teams only', () => {
    for (const p of people) {
      expect(p.teamKeys.length, p.key).toBeGreaterThanOrEqual(1);
      for (const key of p.teamKeys) expect(teamKeys.has(key), `${p.key} → ${key}`).toBe(true);
    }
    expect(people.some((p) => p.teamKeys.length > 1)).toBe(true);
  });

  it('gives each person a level, skills and capacity that fit their position', () => {
    const levelCodes = DEFAULT_LEVELS.map((l) => l.code);
    for (const p of people) {
      const position = defaultPositions.find((pos) => pos.code === p.positionCode);
      expect(position, p.key).toBeDefined();
      expect(levelCodes, p.key).toContain(p.level);
      expect(p.skills.length, p.key).toBeGreaterThanOrEqual(1);
      for (const skill of p.skills) expect(position?.skills, p.key).toContain(skill);
      expect([30, 40, 44], p.key).toContain(p.weeklyCapacityHours);
    }
  });

  it('weights levels toward junior and intermediate, and mostly 40-hour weeks', () => {
    const all = seeds.flatMap((seed) => generateDemoCompany(seed).people);
    const lower = all.filter((p) => p.level === 'junior' || p.level === 'intermediate').length;
    expect(lower / all.length).toBeGreaterThan(0.5);
    expect(all.filter((p) => p.weeklyCapacityHours === 40).length / all.length).toBeGreaterThan(0.6);
  });

  it('has 1–2 people on leave and exactly one who left, none of them linked to a user', () => {
    for (const seed of seeds) {
      const c = generateDemoCompany(seed);
      const onLeave = c.people.filter((p) => p.status === 'on_leave');
      const left = c.people.filter((p) => p.status === 'left');
      expect(onLeave.length, `seed ${seed}`).toBeGreaterThanOrEqual(1);
      expect(onLeave.length, `seed ${seed}`).toBeLessThanOrEqual(2);
      expect(left, `seed ${seed}`).toHaveLength(1);
      const linked = new Set(c.users.map((u) => u.personKey));
      for (const p of [...onLeave, ...left]) expect(linked.has(p.key), p.key).toBe(false);
    }
  });

  it('hires everyone within the 4 years before 2026-11-01', () => {
    for (const p of people) {
      expect(p.hireDate, p.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.hireDate >= '2022-11-01', p.key).toBe(true);
      expect(p.hireDate <= '2026-11-01', p.key).toBe(true);
    }
  });

  it('parses every person with PersonInput once keys are mapped to ids', () => {
    for (const seed of seeds) {
      for (const p of generateDemoCompany(seed).people) {
        const { key, teamKeys: teams, positionCode, ...rest } = p;
        const parsed = PersonInput.parse({ ...rest, positionId: positionCode, teamIds: teams });
        expect(parsed.displayName, key).toBe(p.displayName);
        expect(parsed.idCard, key).toBe(p.idCard);
        expect(parsed.phone, key).toBe(p.phone);
      }
    }
  });

  it('gives every person well-formed, unique, fictional contact details', () => {
    for (const seed of seeds) {
      const ps = generateDemoCompany(seed).people;
      for (const p of ps) {
        expect(Phone.parse(p.phone), p.key).toBe(p.phone);
        expect(p.phone, p.key).toMatch(/^13\d{9}$/);
        expect(IdCard.parse(p.idCard), p.key).toBe(p.idCard);
        expect(p.wechat, p.key).toMatch(/^wx_[a-z]+\d*$/);
        expect(p.address, p.key).toMatch(/^(杭州|上海)市.+区.+(路|大道)\d+号/);
      }
      for (const field of ['phone', 'wechat', 'idCard'] as const) {
        expect(new Set(ps.map((p) => p[field])).size, `seed ${seed} ${field}`).toBe(ps.length);
      }
    }
  });

  it('gives every ID card a correct check digit, a real birth date making the holder an adult at hire', () => {
    for (const seed of seeds) {
      for (const p of generateDemoCompany(seed).people) {
        expect(hasValidIdCheckDigit(p.idCard), `${p.key} ${p.idCard}`).toBe(true);
        const birth = `${p.idCard.slice(6, 10)}-${p.idCard.slice(10, 12)}-${p.idCard.slice(12, 14)}`;
        const parsed = new Date(`${birth}T00:00:00Z`);
        expect(parsed.toISOString().slice(0, 10), p.key).toBe(birth);
        const year = Number(birth.slice(0, 4));
        expect(year, p.key).toBeGreaterThanOrEqual(1988);
        expect(year, p.key).toBeLessThanOrEqual(2003);
        const eighteenth = `${year + 18}${birth.slice(4)}`;
        expect(p.hireDate >= eighteenth, `${p.key} born ${birth} hired ${p.hireDate}`).toBe(true);
      }
    }
  });
});

describe('users', () => {
  it('has exactly one owner, with the demo owner email', () => {
    const owners = users.filter((u) => u.role === 'owner');
    expect(owners).toHaveLength(1);
    expect(owners[0]?.email).toBe(DEMO_OWNER.email);
    expect(users.filter((u) => u.email === DEMO_OWNER.email)).toHaveLength(1);
  });

  it('has unique keys and valid, unique, lower-case emails', () => {
    expect(new Set(users.map((u) => u.key)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    for (const u of users) expect(Email.parse(u.email), u.key).toBe(u.email);
  });

  it('links only to existing people and teams, each person at most once', () => {
    for (const u of users) {
      for (const key of u.teamKeys) expect(teamKeys.has(key), `${u.key} → ${key}`).toBe(true);
      if (u.personKey !== null) {
        const p = personByKey.get(u.personKey);
        expect(p, u.key).toBeDefined();
        expect(p?.displayName, u.key).toBe(u.displayName);
        expect(p?.status, u.key).toBe('active');
      }
    }
    const linked = users.map((u) => u.personKey).filter((k) => k !== null);
    expect(new Set(linked).size).toBe(linked.length);
  });

  it('has one manager per team, linked to that team\'s ops lead', () => {
    for (const team of teamKeys) {
      const managers = users.filter((u) => u.role === 'manager' && u.teamKeys.includes(team));
      expect(managers, team).toHaveLength(1);
      expect(managers[0]?.email).toBe(`manager.${team}@demo.showrunner.dev`);
      const lead = personByKey.get(managers[0]?.personKey ?? '');
      expect(lead?.positionCode, team).toBe('ops_manager');
      expect(lead?.teamKeys, team).toContain(team);
    }
  });

  it('has 3–4 members linked to hosts and one viewer', () => {
    const members = users.filter((u) => u.role === 'member');
    expect(members.length).toBeGreaterThanOrEqual(3);
    expect(members.length).toBeLessThanOrEqual(4);
    for (const m of members) {
      const host = personByKey.get(m.personKey ?? '');
      expect(host?.positionCode, m.key).toBe('host');
      expect(m.teamKeys, m.key).toEqual(host?.teamKeys);
    }
    expect(users.filter((u) => u.role === 'viewer')).toHaveLength(1);
  });
});
