import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS, DutyArea, DutyInput, PositionInput } from '../../../contracts/catalog';
import { defaultDuties, defaultMatrix, defaultPositions } from './catalog.defaults';

const positionCodes = defaultPositions.map((p) => p.code);
const dutyCodes = defaultDuties.map((d) => d.code);

const REQUIRED_POSITIONS = [
  'ops_manager',
  'host',
  'co_host',
  'field_control',
  'console',
  'planner',
  'execution',
  'promotion',
  'sourcing',
  'customer_service',
  'data_analyst',
];

const REQUIRED_DUTIES = [
  'make_live_plan',
  'coordinate_resources',
  'run_live_show',
  'onsite_coordination',
  'equipment_setup',
  'content_creation',
  'content_review',
  'content_optimisation',
  'handle_complaints',
  'customer_inquiries',
  'maintain_customer_records',
  'data_analysis',
  'audience_profiling',
  'channel_promotion',
  'ad_campaigns',
  'product_selection',
  'product_listing',
  'product_presentation',
  'pacing',
  'team_management',
  'strategy',
  'host_training',
  'session_review',
  'opinion_monitoring',
];

describe('defaultPositions', () => {
  it('has exactly the 11 positions, in the documented order', () => {
    expect(positionCodes).toEqual(REQUIRED_POSITIONS);
  });

  it.each(defaultPositions.map((p) => [p.code, p] as const))('%s parses with PositionInput unchanged', (_code, position) => {
    expect(PositionInput.parse(position)).toEqual(position);
  });

  it.each(defaultPositions.map((p) => [p.code, p] as const))('%s is filled in in both languages', (_code, p) => {
    expect(p.descriptionZh.length).toBeGreaterThan(20);
    expect(p.descriptionEn.length).toBeGreaterThan(40);
    expect(p.skills.length).toBeGreaterThanOrEqual(4);
    expect(p.skills.length).toBeLessThanOrEqual(7);
    expect(new Set(p.skills).size).toBe(p.skills.length);
    expect(p.selectionCriteria.length).toBeGreaterThanOrEqual(3);
    expect(p.selectionCriteria.length).toBeLessThanOrEqual(5);
    expect(p.levels).toEqual(DEFAULT_LEVELS);
  });

  it('does not share level objects between positions or with DEFAULT_LEVELS', () => {
    const [first, second] = defaultPositions;
    expect(first?.levels).not.toBe(second?.levels);
    expect(first?.levels[0]).not.toBe(DEFAULT_LEVELS[0]);
  });

  it('numbers sortOrder 10, 20, 30 …', () => {
    expect(defaultPositions.map((p) => p.sortOrder)).toEqual(defaultPositions.map((_, i) => (i + 1) * 10));
  });
});

describe('defaultDuties', () => {
  it('has unique codes and includes every duty the planning document lists', () => {
    expect(new Set(dutyCodes).size).toBe(dutyCodes.length);
    for (const code of REQUIRED_DUTIES) expect(dutyCodes).toContain(code);
  });

  it.each(defaultDuties.map((d) => [d.code, d] as const))('%s parses with DutyInput unchanged', (_code, duty) => {
    expect(DutyInput.parse(duty)).toEqual(duty);
    expect(duty.descriptionZh).not.toBe('');
    expect(duty.descriptionEn).not.toBe('');
  });

  it('keeps weekly hours believable: positive and no more than one full-time person', () => {
    for (const duty of defaultDuties) {
      expect(duty.weeklyHours, duty.code).toBeGreaterThan(0);
      expect(duty.weeklyHours, duty.code).toBeLessThanOrEqual(40);
    }
  });

  it('covers every duty area', () => {
    expect(new Set(defaultDuties.map((d) => d.area))).toEqual(new Set(DutyArea.options));
  });
});

describe('defaultMatrix', () => {
  it('names only existing positions and duties', () => {
    for (const cell of defaultMatrix) {
      expect(positionCodes, JSON.stringify(cell)).toContain(cell.positionCode);
      expect(dutyCodes, JSON.stringify(cell)).toContain(cell.dutyCode);
    }
  });

  it('has at most one value per cell', () => {
    const keys = defaultMatrix.map((c) => `${c.positionCode}/${c.dutyCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(dutyCodes)('%s has exactly one A and at least one R', (dutyCode) => {
    const cells = defaultMatrix.filter((c) => c.dutyCode === dutyCode);
    expect(cells.filter((c) => c.value === 'A')).toHaveLength(1);
    expect(cells.filter((c) => c.value === 'R').length).toBeGreaterThanOrEqual(1);
  });

  it('gives every position except the manager at least one duty it is responsible for', () => {
    // The manager answers for (A) nearly every duty; a cell holds one letter, so it carries no R.
    for (const code of positionCodes.filter((c) => c !== 'ops_manager')) {
      expect(
        defaultMatrix.some((c) => c.positionCode === code && c.value === 'R'),
        code,
      ).toBe(true);
    }
    expect(defaultMatrix.filter((c) => c.positionCode === 'ops_manager' && c.value === 'A').length).toBeGreaterThan(20);
  });

  it('follows the brief for data analysis: R analyst, A manager, C planner, I host', () => {
    const row = Object.fromEntries(
      defaultMatrix.filter((c) => c.dutyCode === 'data_analysis').map((c) => [c.positionCode, c.value]),
    );
    expect(row).toMatchObject({ data_analyst: 'R', ops_manager: 'A', planner: 'C', host: 'I' });
  });
});
