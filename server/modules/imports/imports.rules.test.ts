import { describe, expect, it } from 'vitest';
import type { ImportMappingInput } from '../../../contracts/imports';
import { ImportMapping } from '../../../contracts/imports';
import { checkMapping, convertValue, decodeText, detectHeaderRow, extractRows, headerKey, localToEpoch, matchSession, parseDateTime, parseDuration, parseNumber, parseTimeOfDay } from './imports.rules';

describe('decodeText', () => {
  it('drops a UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('成交金额,a')]))).toEqual({ text: '成交金额,a', encoding: 'utf-8' });
  });
  it('reads bytes that are not UTF-8 as GBK', () => {
    // "成交金额" in GBK.
    expect(decodeText(new Uint8Array([0xb3, 0xc9, 0xbd, 0xbb, 0xbd, 0xf0, 0xb6, 0xee]))).toEqual({ text: '成交金额', encoding: 'gbk' });
  });
});

describe('detectHeaderRow', () => {
  it.each([
    [[['时间', '直播间', 'GMV'], ['2026-11-01', 'a', '1']], 1],
    [[['抖音直播数据导出 2026-11'], ['时间', '直播间', 'GMV'], ['2026-11-01', 'a', '1']], 2],
    [[[], [null, ''], ['a', 'b'], ['1', '2']], 3],
  ])('%j → row %i', (rows, expected) => expect(detectHeaderRow(rows)).toBe(expected));
});

it('headerKey ignores order, case, blank headers and spacing', () => {
  expect(headerKey(['GMV ', '直播间', '', 'Start  Time'])).toBe(headerKey(['start time', 'gmv', '直播间']));
  expect(headerKey(['a', 'b'])).not.toBe(headerKey(['a', 'b', 'c']));
});

describe('parseNumber', () => {
  it.each([
    ['1,234.5', 'auto', { n: 1234.5, percent: false }],
    ['1,234.5', 'thousands', { n: 1234.5, percent: false }],
    ['1,234.5', 'plain', 'invalid'],
    ['1.2万', 'auto', { n: 12000, percent: false }],
    ['3.45w', 'wan', { n: 34500, percent: false }],
    ['1.2万', 'plain', 'invalid'],
    ['12.5%', 'auto', { n: 12.5, percent: true }],
    ['12.5%', 'percent', { n: 12.5, percent: true }],
    ['¥99.90', 'auto', { n: 99.9, percent: false }],
    ['1,2,3', 'auto', 'invalid'],
    ['abc', 'auto', 'invalid'],
    ['', 'auto', 'empty'],
    ['--', 'auto', 'empty'],
    [42, 'plain', { n: 42, percent: false }],
    [null, 'auto', 'empty'],
  ] as const)('%j as %s → %j', (cell, format, expected) => expect(parseNumber(cell, format)).toEqual(expected));
});

describe('parseDuration', () => {
  it.each([
    ['01:02:03', 3723],
    ['12:30', 750],
    ['1899-12-30 01:00:00', 3600],
    ['1899-12-31 02:00:00', 93600],
    [0.5, 43200],
    ['1:2', 'invalid'],
    ['', 'empty'],
  ] as const)('%j → %j', (cell, expected) => expect(parseDuration(cell)).toEqual(expected));
});

describe('convertValue: every unit to its base unit', () => {
  it.each([
    ['1,299.50', 'gmv_fen', 'yuan', 'auto', 129950],
    ['0.29', 'gmv_fen', 'yuan', 'auto', 29],
    ['12990', 'gmv_fen', 'fen', 'auto', 12990],
    ['1.25', 'gmv_fen', 'wan_yuan', 'auto', 1250000],
    ['1.2万', 'gmv_fen', 'yuan', 'auto', 1200000],
    ['90', 'avg_watch_seconds', 'seconds', 'auto', 90],
    ['1.5', 'avg_watch_seconds', 'minutes', 'auto', 90],
    ['00:01:30', 'avg_watch_seconds', 'hms', 'auto', 90],
    ['3.2万', 'viewers', 'count', 'auto', 32000],
    ['3.2', 'viewers', 'count_wan', 'auto', 32000],
    ['12.5%', 'interaction_rate', 'percent', 'auto', 0.125],
    ['12.5', 'interaction_rate', 'percent', 'auto', 0.125],
    ['0.125', 'interaction_rate', 'fraction', 'auto', 0.125],
    ['12.5%', 'refund_rate', 'fraction', 'auto', 0.125],
    ['3.2', 'roi', 'fraction', 'auto', 3.2],
  ] as const)('%j %s in %s → %j', (cell, metric, unit, format, expected) => expect(convertValue(cell, metric, unit, format)).toEqual({ value: expected }));

  it.each([
    ['12', 'gmv_fen', 'percent'],
    ['abc', 'gmv_fen', 'yuan'],
    ['-5', 'orders', 'count'],
    ['12%', 'orders', 'count'],
    ['1:2', 'avg_watch_seconds', 'hms'],
  ] as const)('%j %s in %s → an error in both languages', (cell, metric, unit) => {
    const out = convertValue(cell, metric, unit, 'auto');
    expect(out).toMatchObject({ error: { zh: expect.any(String), en: expect.any(String) } });
  });

  it('an empty cell is no data, never 0', () => expect(convertValue('', 'gmv_fen', 'yuan', 'auto')).toBe('empty'));
});

describe('parseDateTime', () => {
  it.each([
    ['2026-11-01 20:00', 'YYYY-MM-DD HH:mm', '2026-11-01T20:00:00'],
    ['2026-11-01T20:00:30', 'YYYY-MM-DD HH:mm', '2026-11-01T20:00:30'],
    ['2026/11/1 8:05', 'YYYY/M/D H:mm', '2026-11-01T08:05:00'],
    ['11/1/2026 20:00', 'M/D/YYYY H:mm', '2026-11-01T20:00:00'],
    ['2026年11月1日 20:00', 'auto', '2026-11-01T20:00:00'],
    ['2026/11/1 20:00', 'auto', '2026-11-01T20:00:00'],
    [46327.8333333333, 'excel', '2026-11-01T20:00:00'],
    ['46327.8333333333', 'excel', '2026-11-01T20:00:00'],
    [46327.8333333333, 'auto', '2026-11-01T20:00:00'],
  ] as const)('%j as %s → %s', (cell, format, expected) => expect(parseDateTime(cell, format, true)).toBe(expected));

  it.each([
    ['2026/11/1 20:00', 'YYYY-MM-DD HH:mm'],
    ['2026-02-30 20:00', 'auto'],
    ['2026-11-01 25:00', 'auto'],
    ['2026-11-01', 'auto'],
    ['yesterday', 'auto'],
  ] as const)('%j as %s is refused', (cell, format) => expect(parseDateTime(cell, format, true)).toMatchObject({ error: { zh: expect.any(String) } }));

  it('a date column needs no time', () => expect(parseDateTime('2026-11-01', 'auto', false)).toBe('2026-11-01T00:00:00'));
});

describe('parseTimeOfDay', () => {
  it.each([
    ['20:00', '20:00:00'],
    ['8:05:09', '08:05:09'],
    ['1899-12-30 20:00:00', '20:00:00'],
    [0.5, '12:00:00'],
  ] as const)('%j → %s', (cell, expected) => expect(parseTimeOfDay(cell)).toBe(expected));
  it('refuses 24:00', () => expect(parseTimeOfDay('24:00')).toMatchObject({ error: { en: expect.any(String) } }));
});

it('localToEpoch reads wall-clock time in the room time zone', () => {
  expect(new Date(localToEpoch('2026-11-01T20:00:00', 'Asia/Shanghai')).toISOString()).toBe('2026-11-01T12:00:00.000Z');
});

describe('matchSession', () => {
  const h = 3600_000;
  const s = (id: string, start: number, end: number) => ({ id, plannedStart: start * h, plannedEnd: end * h });
  it.each([
    ['inside the planned window', [s('a', 10, 14)], 12, { id: 'a' }],
    ['the containing window wins over one starting nearby', [s('a', 10, 14), s('b', 14, 16)], 13, { id: 'a' }],
    ['starting within 2 h', [s('a', 10, 12)], 8.5, { id: 'a' }],
    ['more than 2 h away', [s('a', 10, 12)], 7.5, 'unmatched'],
    ['two windows contain it', [s('a', 10, 14), s('b', 11, 13)], 12, 'ambiguous'],
    ['two start nearby', [s('a', 10, 11), s('b', 11.5, 12)], 9.5, 'ambiguous'],
    ['no sessions', [], 12, 'unmatched'],
  ] as const)('%s', (_, sessions, at, expected) => expect(matchSession(sessions, at * h)).toEqual(expected));
});

const mapping = (columns: ImportMappingInput['columns']) => ImportMapping.parse({ platform: 'douyin', columns });

describe('checkMapping', () => {
  const headers = ['直播间', '开播时间', '成交金额', 'GPM', '日期', '时间', '场次ID'];
  it('accepts room + start + metric', () => {
    expect(checkMapping(mapping([{ column: '直播间', target: 'room_name' }, { column: '开播时间', target: 'start' }, { column: '成交金额', target: 'metric', metric: 'gmv_fen', unit: 'yuan' }]), headers)).toEqual([]);
  });
  it('accepts date and time in two columns, and a session id alone', () => {
    expect(checkMapping(mapping([{ column: '直播间', target: 'room_account' }, { column: '日期', target: 'date' }, { column: '时间', target: 'time' }, { column: '成交金额', target: 'metric', metric: 'gmv_fen', unit: 'fen' }]), headers)).toEqual([]);
    expect(checkMapping(mapping([{ column: '场次ID', target: 'session_id' }, { column: '成交金额', target: 'metric', metric: 'gmv_fen', unit: 'fen' }]), headers)).toEqual([]);
  });
  it.each([
    ['no session key', [{ column: '成交金额', target: 'metric', metric: 'gmv_fen', unit: 'yuan' }], 'mapping.columns'],
    ['a date without a time', [{ column: '直播间', target: 'room_name' }, { column: '日期', target: 'date' }, { column: '成交金额', target: 'metric', metric: 'gmv_fen', unit: 'yuan' }], 'mapping.columns'],
    ['no metric', [{ column: '场次ID', target: 'session_id' }], 'mapping.columns'],
    ['a unit that does not fit', [{ column: '场次ID', target: 'session_id' }, { column: '成交金额', target: 'metric', metric: 'gmv_fen', unit: 'percent' }], 'mapping.columns.1.unit'],
    ['GPM without its basis', [{ column: '场次ID', target: 'session_id' }, { column: 'GPM', target: 'metric', metric: 'gpm_fen', unit: 'yuan' }], 'mapping.columns.1.basis'],
    ['a column the file lacks', [{ column: '场次ID', target: 'session_id' }, { column: '退款', target: 'metric', metric: 'refund_fen', unit: 'yuan' }], 'mapping.columns.1'],
    ['the same metric twice', [{ column: '场次ID', target: 'session_id' }, { column: '成交金额', target: 'metric', metric: 'gmv_fen', unit: 'yuan' }, { column: 'GPM', target: 'metric', metric: 'gmv_fen', unit: 'yuan' }], 'mapping.columns.2.metric'],
  ] as const)('refuses %s', (_, columns, path) => {
    const problems = checkMapping(mapping(columns as never), headers);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.every((p) => p.zh && p.en)).toBe(true);
  });
});

describe('extractRows', () => {
  const headers = ['直播间', '开播时间', '成交金额', '观看人数', '互动率'];
  const m = mapping([
    { column: '直播间', target: 'room_name' },
    { column: '开播时间', target: 'start', dateFormat: 'YYYY-MM-DD HH:mm' },
    { column: '成交金额', target: 'metric', metric: 'gmv_fen', unit: 'yuan' },
    { column: '观看人数', target: 'metric', metric: 'viewers', unit: 'count' },
    { column: '互动率', target: 'metric', metric: 'interaction_rate', unit: 'percent', basis: 'comments/views' },
  ]);
  it('reads keys and base-unit values, skips blank rows and empty cells, numbers rows as the sheet does', () => {
    const rows = [['标题'], headers, ['一号间', '2026-11-01 20:00', '1,234.56', '3.2万', '4.5%'], [], ['一号间', '2026-11-02 20:00', '', '100', '']];
    const out = extractRows(rows, 2, headers, m);
    expect(out).toEqual([
      {
        row: 3,
        key: { room: { by: 'name', value: '一号间' }, start: '2026-11-01T20:00:00' },
        values: [
          { metric: 'gmv_fen', value: 123456, basis: null },
          { metric: 'viewers', value: 32000, basis: null },
          { metric: 'interaction_rate', value: 0.045, basis: 'comments/views' },
        ],
        errors: [],
      },
      { row: 5, key: { room: { by: 'name', value: '一号间' }, start: '2026-11-02T20:00:00' }, values: [{ metric: 'viewers', value: 100, basis: null }], errors: [] },
    ]);
  });
  it('reports each bad cell with its row and column', () => {
    const out = extractRows([headers, ['', '2026/11/01 20:00', 'abc', '10', '5%']], 1, headers, m);
    expect(out[0]!.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '直播间'],
      [2, '开播时间'],
      [2, '成交金额'],
    ]);
    expect(out[0]!.key).toBeNull();
  });
});
