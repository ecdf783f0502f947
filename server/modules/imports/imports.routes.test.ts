import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportMappingInput } from '../../../contracts/imports';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
let member: Client;
let otherManager: Client;
let teamId: string;
let roomId: string;
let s1: string;
let s2: string;
let s3: string;

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

/** A platform export as a user might save it: BOM, a title row above the header, Chinese headers. */
const HEADERS = ['直播间', '开播时间', '成交金额(元)', '观看人数', '互动率', '人均观看时长', '备注'];
function csv(rows: string[][], title = '抖音直播数据导出（示例）') {
  return `\uFEFF${title}\r\n${HEADERS.join(',')}\r\n${rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(',')).join('\r\n')}\r\n`;
}
const GOOD = csv([
  ['美妆一号间', '2026-11-01 20:05', '12,345.60', '3.2万', '4.5%', '00:01:30', ''],
  ['美妆一号间', '2026-11-02 19:30', '8800', '12000', '3%', '00:02:00', '提前开播'],
]);
const BAD = csv([
  ['美妆一号间', '2026-11-01 20:05', '12,345.60', '3.2万', '4.5%', '00:01:30', ''],
  ['美妆一号间', '2026-11-02 19:30', '八千八', '12000', '3%', '00:02:00', ''],
  ['不存在的间', '2026-11-02 19:30', '1', '1', '1%', '00:00:10', ''],
  ['美妆一号间', '2026-11-05 20:00', '1', '1', '1%', '00:00:10', ''],
]);

const MAPPING: ImportMappingInput = {
  platform: 'douyin',
  timeWindow: 'live',
  columns: [
    { column: '直播间', target: 'room_name' },
    { column: '开播时间', target: 'start', dateFormat: 'YYYY-MM-DD HH:mm' },
    { column: '成交金额(元)', target: 'metric', metric: 'gmv_fen', unit: 'yuan', numberFormat: 'auto' },
    { column: '观看人数', target: 'metric', metric: 'viewers', unit: 'count' },
    { column: '互动率', target: 'metric', metric: 'interaction_rate', unit: 'percent', basis: 'comments/views' },
    { column: '人均观看时长', target: 'metric', metric: 'avg_watch_seconds', unit: 'hms' },
    { column: '备注', target: 'ignore' },
  ],
};

const file = (name: string, content: string | Buffer) => ({ fileName: name, contentBase64: b64(content) });

async function storedValues(sessionId?: string) {
  let q = ctx.deps.db.selectFrom('metric_values').selectAll().where('source', '=', 'import');
  if (sessionId) q = q.where('session_id', '=', sessionId);
  return q.orderBy('session_id').orderBy('metric').execute();
}

async function sessionAt(start: string, end: string) {
  const res = await owner.post('/api/v1/sessions', { roomId, title: `场次 ${start}`, plannedStart: start, plannedEnd: end });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app, 'en-US');
  teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  const otherTeamId = (await owner.post('/api/v1/teams', { name: '服饰组' })).json().id;
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'douyin', accountId: 'dy_beauty_1', displayName: '美妆一号间', requireApprovedContent: false })).json().id;
  s1 = await sessionAt('2026-11-01T20:00:00+08:00', '2026-11-01T23:00:00+08:00');
  s2 = await sessionAt('2026-11-02T20:00:00+08:00', '2026-11-02T23:00:00+08:00');
  // Two sessions close together on the 5th: a start between them is ambiguous.
  s3 = await sessionAt('2026-11-05T19:00:00+08:00', '2026-11-05T19:30:00+08:00');
  await sessionAt('2026-11-05T20:30:00+08:00', '2026-11-05T21:00:00+08:00');
  member = await inviteAndJoin(owner, 'amy@example.com', 'member', [teamId]);
  otherManager = await inviteAndJoin(owner, 'zed@example.com', 'manager', [otherTeamId]);
}, 60_000);
afterAll(() => ctx.close());

describe('parse', () => {
  it('reads a CSV with a BOM and a title row: the header row is found, sample rows shown, no preset yet', async () => {
    const res = await owner.post('/api/v1/imports/parse', file('douyin.csv', GOOD));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ format: 'csv', encoding: 'utf-8', headerRow: 2, headers: HEADERS, rowCount: 2, preset: null });
    expect(body.topRows[0]).toEqual(['抖音直播数据导出（示例）']);
    expect(body.sampleRows[0].slice(0, 3)).toEqual(['美妆一号间', '2026-11-01 20:05', '12,345.60']);
  });

  it('reads the shipped example file, labelled as not an official format', async () => {
    const example = fs.readFileSync(path.join(__dirname, 'fixtures/example-export.csv'));
    const res = await owner.post('/api/v1/imports/parse', file('example-export.csv', example));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ headerRow: 2, rowCount: 2, headers: ['直播间', '开播时间', '成交金额(元)', '成交订单数', '观看人数', '互动率', '人均观看时长'] });
    expect(String(res.json().topRows[0][0])).toContain('非平台官方');
    const preview = await owner.post('/api/v1/imports/preview', {
      ...file('example-export.csv', example),
      mapping: {
        ...MAPPING,
        columns: [
          ...MAPPING.columns.filter((c) => c.column !== '备注' && c.column !== '开播时间'),
          { column: '开播时间', target: 'start', dateFormat: 'auto' },
          { column: '成交订单数', target: 'metric', metric: 'orders', unit: 'count' },
        ],
      },
    });
    expect(preview.statusCode).toBe(200);
    // Two date styles in one column, read with 'auto'; both rows find their session of 美妆一号间.
    expect(preview.json().errors).toEqual([]);
    expect(preview.json().rows.map((r: { session: { id: string }; values: { metric: string; value: number }[] }) => [r.session.id, r.values.find((v) => v.metric === 'orders')?.value])).toEqual([
      [s1, 321],
      [s2, 150],
    ]);
  });

  it('reads a GBK CSV (Excel’s Chinese default)', async () => {
    // "场次,GMV\r\nx,1" with 场次 in GBK (b3 a1 b4 ce).
    const bytes = Buffer.concat([Buffer.from([0xb3, 0xa1, 0xb4, 0xce]), Buffer.from(',GMV\r\nx,1\r\n')]);
    const res = await owner.post('/api/v1/imports/parse', file('gbk.csv', bytes));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ encoding: 'gbk', headers: ['场次', 'GMV'] });
  });

  it('refuses what is not a spreadsheet', async () => {
    const res = await owner.post('/api/v1/imports/parse', file('x.xlsx', Buffer.from('PK\u0003\u0004 not really a zip')));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('import/bad-file');
  });

  it('refuses a binary file sent as CSV (found by the property test: a NUL reached PostgreSQL)', async () => {
    const res = await owner.post('/api/v1/imports/parse', { fileName: 'host', contentBase64: '+/cA ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('import/bad-file');
  });
});

describe('preview', () => {
  it('shows each row’s session and every bad row with its row number, column and message', async () => {
    const res = await owner.post('/api/v1/imports/preview', { ...file('bad.csv', BAD), mapping: MAPPING });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ rowCount: 4, validRows: 1, sessionCount: 2 });
    expect(body.rows[0]).toMatchObject({ row: 3, ok: true, session: { id: s1, roomName: '美妆一号间' } });
    expect(body.rows[0].values).toEqual([
      { metric: 'gmv_fen', value: 1234560, basis: null },
      { metric: 'viewers', value: 32000, basis: null },
      { metric: 'interaction_rate', value: 0.045, basis: 'comments/views' },
      { metric: 'avg_watch_seconds', value: 90, basis: null },
    ]);
    // 19:30 is 30 minutes before the 20:00 session: matched within ±2 h.
    expect(body.rows[1]).toMatchObject({ row: 4, ok: false, session: { id: s2 } });
    expect(body.errors.map((e: { row: number; column: string | null }) => [e.row, e.column])).toEqual([
      [4, '成交金额(元)'],
      [5, '直播间'],
      [6, '开播时间'],
    ]);
    expect(body.errors[0]).toMatchObject({ zh: expect.stringContaining('八千八'), en: expect.stringContaining('not a number') });
    expect(body.errors[2].en).toContain('several sessions');
  });

  it('refuses an incomplete mapping with field messages', async () => {
    const res = await owner.post('/api/v1/imports/preview', { ...file('good.csv', GOOD), mapping: { platform: 'douyin', columns: [{ column: '成交金额(元)', target: 'metric', metric: 'gpm_fen', unit: 'yuan' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('import/bad-mapping');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['mapping.columns.0.basis', 'mapping.columns']));
  });
});

describe('apply', () => {
  let firstImport: string;

  it('writes nothing when any row is bad, and says which rows', async () => {
    const res = await owner.post('/api/v1/imports', { ...file('bad.csv', BAD), mapping: MAPPING });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('import/rows-invalid');
    expect(res.json().error.details.errors).toHaveLength(3);
    expect(await storedValues()).toEqual([]);
    expect((await owner.get('/api/v1/imports')).json().items).toEqual([]);
  });

  it('applies a good file: base units, source import, basis, platform, window; the import is listed and audited', async () => {
    const res = await owner.post('/api/v1/imports', { ...file('good.csv', GOOD), mapping: MAPPING });
    expect(res.statusCode).toBe(201);
    firstImport = res.json().id;
    expect(res.json()).toMatchObject({ fileName: 'good.csv', platform: 'douyin', rowCount: 2, valueCount: 8, undoneAt: null });
    expect([...res.json().sessionIds].sort()).toEqual([s1, s2].sort());
    const rows = await storedValues(s1);
    expect(rows.map((r) => [r.metric, Number(r.value), r.basis, r.platform, r.time_window, r.import_id])).toEqual([
      ['avg_watch_seconds', 90, null, 'douyin', 'live', firstImport],
      ['gmv_fen', 1234560, null, 'douyin', 'live', firstImport],
      ['interaction_rate', 0.045, 'comments/views', 'douyin', 'live', firstImport],
      ['viewers', 32000, null, 'douyin', 'live', firstImport],
    ]);
    const list = (await owner.get('/api/v1/imports')).json().items;
    expect(list.map((i: { id: string }) => i.id)).toEqual([firstImport]);
    const audit = (await owner.get('/api/v1/audit?entityType=import')).json().items;
    expect(audit[0]).toMatchObject({ action: 'create', entityId: firstImport });
  });

  it('the session review metrics show the imported values with source import', async () => {
    const res = await owner.get(`/api/v1/sessions/${s1}/metrics`);
    expect(res.statusCode).toBe(200);
    const metrics = res.json().metrics as { metric: string; value: number | null; source: string | null; basis: string | null }[];
    expect(metrics.find((m) => m.metric === 'gmv_fen')).toMatchObject({ value: 1234560, source: 'import' });
    expect(metrics.find((m) => m.metric === 'viewers')).toMatchObject({ value: 32000, source: 'import' });
    expect(metrics.find((m) => m.metric === 'interaction_rate')).toMatchObject({ value: 0.045, source: 'import', basis: 'comments/views' });
  });

  let xlsxImport: string;
  it('reads an XLSX (chosen sheet, date and time in two columns, real dates, a percent cell) and replaces re-imported values', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['这是说明页']);
    const ws = wb.addWorksheet('场次数据');
    ws.addRow(['账号ID', '日期', '开播', 'GMV(万元)', '退款率']);
    ws.addRow(['dy_beauty_1', new Date(Date.UTC(2026, 10, 1)), '20:10', 2.5, 0.031]);
    ws.getCell('E2').numFmt = '0.0%';
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const parsed = await owner.post('/api/v1/imports/parse', { ...file('export.xlsx', buffer), sheet: '场次数据' });
    expect(parsed.statusCode).toBe(200);
    expect(parsed.json()).toMatchObject({ format: 'xlsx', sheets: ['说明', '场次数据'], sheet: '场次数据', headerRow: 1, headers: ['账号ID', '日期', '开播', 'GMV(万元)', '退款率'] });
    expect(parsed.json().sampleRows[0]).toEqual(['dy_beauty_1', '2026-11-01 00:00:00', '20:10', 2.5, '3.1%']);

    const mapping: ImportMappingInput = {
      platform: 'douyin',
      timeWindow: 't+1',
      columns: [
        { column: '账号ID', target: 'room_account' },
        { column: '日期', target: 'date' },
        { column: '开播', target: 'time' },
        { column: 'GMV(万元)', target: 'metric', metric: 'gmv_fen', unit: 'wan_yuan' },
        { column: '退款率', target: 'metric', metric: 'refund_rate', unit: 'percent', basis: 'amount' },
      ],
    };
    const res = await owner.post('/api/v1/imports', { ...file('export.xlsx', buffer), sheet: '场次数据', mapping });
    expect(res.statusCode).toBe(201);
    xlsxImport = res.json().id;
    const rows = await storedValues(s1);
    expect(rows.map((r) => [r.metric, Number(r.value), r.time_window, r.import_id])).toEqual([
      ['avg_watch_seconds', 90, 'live', firstImport],
      ['gmv_fen', 2500000, 't+1', xlsxImport],
      ['interaction_rate', 0.045, 'live', firstImport],
      ['refund_rate', 0.031, 't+1', xlsxImport],
      ['viewers', 32000, 'live', firstImport],
    ]);
  });

  it('undoes an import: its values go, values it did not write stay; undone twice is a conflict', async () => {
    const res = await owner.delete(`/api/v1/imports/${xlsxImport}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().undoneAt).not.toBeNull();
    expect((await storedValues(s1)).map((r) => r.metric)).toEqual(['avg_watch_seconds', 'interaction_rate', 'viewers']);
    expect((await storedValues(s2)).length).toBe(4);
    expect((await owner.delete(`/api/v1/imports/${xlsxImport}`)).json().error.code).toBe('import/already-undone');
    const audit = (await owner.get('/api/v1/audit?entityType=import')).json().items;
    expect(audit[0]).toMatchObject({ action: 'delete', entityId: xlsxImport });
  });

  it('matches a row by session id too', async () => {
    const text = `场次ID,点赞\r\n${s3},1.5万\r\n`;
    const res = await owner.post('/api/v1/imports', {
      ...file('ids.csv', text),
      mapping: { platform: 'douyin', columns: [{ column: '场次ID', target: 'session_id' }, { column: '点赞', target: 'metric', metric: 'likes', unit: 'count' }] },
    });
    expect(res.statusCode).toBe(201);
    expect((await storedValues(s3)).map((r) => [r.metric, Number(r.value)])).toEqual([['likes', 15000]]);
  });
});

describe('a large file', () => {
  it('applies in batches inside one transaction: 450 sessions × 2 metrics', async () => {
    const at = '2026-10-01T00:00:00.000Z';
    const ids = Array.from({ length: 450 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
    await ctx.deps.db
      .insertInto('live_sessions')
      .values(ids.map((id, i) => ({ id, room_id: roomId, title: id, planned_start: new Date(Date.UTC(2026, 0, 1, i)).toISOString(), planned_end: new Date(Date.UTC(2026, 0, 1, i, 30)).toISOString(), goal_gmv_fen: null, goal_viewers: null, goal_orders: null, notes: '', status: 'ended', cancel_reason: null, series_id: null, is_unplanned: 0, created_by: null, created_at: at, updated_at: at })))
      .execute();
    const text = `场次ID,成交订单,点赞\r\n${ids.map((id, i) => `${id},${i + 1},${(i + 1) * 10}`).join('\r\n')}\r\n`;
    const mapping: ImportMappingInput = {
      platform: 'douyin',
      columns: [
        { column: '场次ID', target: 'session_id' },
        { column: '成交订单', target: 'metric', metric: 'orders', unit: 'count' },
        { column: '点赞', target: 'metric', metric: 'likes', unit: 'count' },
      ],
    };
    const res = await owner.post('/api/v1/imports', { ...file('bulk.csv', text), mapping });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ rowCount: 450, valueCount: 900 });
    const rows = await ctx.deps.db.selectFrom('metric_values').select(['session_id', 'metric', 'value']).where('import_id', '=', res.json().id).execute();
    expect(rows).toHaveLength(900);
    expect(rows.filter((r) => r.metric === 'likes').reduce((n, r) => n + Number(r.value), 0)).toBe((450 * 451 / 2) * 10);
    // One bad row at the end of a large file: nothing of the first 449 rows is written.
    const bad = text.replace(`${ids[449]},450,4500`, `${ids[449]},450,lots`);
    const refused = await owner.post('/api/v1/imports', { ...file('bulk.csv', bad), mapping: { ...mapping, columns: mapping.columns.map((c) => (c.metric === 'likes' ? { ...c, metric: 'shares' } : c)) } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.errors).toEqual([{ row: 451, column: '点赞', zh: expect.any(String), en: '"lots" is not a number' }]);
    expect(await ctx.deps.db.selectFrom('metric_values').select('session_id').where('metric', '=', 'shares').execute()).toEqual([]);
  });
});

describe('presets', () => {
  let presetId: string;
  it('saves a named preset per platform and refuses a duplicate name', async () => {
    const res = await owner.post('/api/v1/import-presets', { name: '抖音罗盘场次导出', headers: HEADERS, mapping: MAPPING });
    expect(res.statusCode).toBe(201);
    presetId = res.json().id;
    expect(res.json()).toMatchObject({ name: '抖音罗盘场次导出', platform: 'douyin', headers: HEADERS });
    const dup = await owner.post('/api/v1/import-presets', { name: '抖音罗盘场次导出', headers: HEADERS, mapping: MAPPING });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('import/preset-name-taken');
  });

  it('a later file with the same header set (any order) gets the preset; other headers do not', async () => {
    const reordered = `${[...HEADERS].reverse().join(',')}\r\n${'x,'.repeat(HEADERS.length - 1)}x\r\n`;
    const res = await owner.post('/api/v1/imports/parse', file('again.csv', reordered));
    expect(res.json().preset).toMatchObject({ id: presetId, name: '抖音罗盘场次导出' });
    const other = await owner.post('/api/v1/imports/parse', file('other.csv', '场次ID,点赞\r\n1,2\r\n'));
    expect(other.json().preset).toBeNull();
  });

  it('records the preset with the import, renames and deletes it', async () => {
    const res = await owner.post('/api/v1/imports', { ...file('good.csv', GOOD), mapping: MAPPING, presetId });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ presetId, presetName: '抖音罗盘场次导出' });
    const put = await owner.put(`/api/v1/import-presets/${presetId}`, { name: '罗盘导出', headers: HEADERS, mapping: MAPPING });
    expect(put.json().name).toBe('罗盘导出');
    expect((await owner.get('/api/v1/import-presets')).json().items.map((p: { name: string }) => p.name)).toEqual(['罗盘导出']);
    expect((await owner.delete(`/api/v1/import-presets/${presetId}`)).statusCode).toBe(204);
    expect((await owner.get('/api/v1/import-presets')).json().items).toEqual([]);
    expect((await owner.delete(`/api/v1/import-presets/${presetId}`)).json().error.code).toBe('import/preset-not-found');
  });

  it('refuses a preset whose mapping does not fit its headers', async () => {
    const res = await owner.post('/api/v1/import-presets', { name: 'x', headers: ['a'], mapping: MAPPING });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('import/bad-mapping');
  });
});

describe('permissions', () => {
  it('a member reads imports and presets but cannot import, preview, undo or save presets', async () => {
    expect((await member.get('/api/v1/imports')).statusCode).toBe(200);
    expect((await member.get('/api/v1/import-presets')).statusCode).toBe(200);
    for (const res of [
      await member.post('/api/v1/imports/parse', file('good.csv', GOOD)),
      await member.post('/api/v1/imports/preview', { ...file('good.csv', GOOD), mapping: MAPPING }),
      await member.post('/api/v1/imports', { ...file('good.csv', GOOD), mapping: MAPPING }),
      await member.post('/api/v1/import-presets', { name: 'm', headers: HEADERS, mapping: MAPPING }),
      await member.delete('/api/v1/imports/whatever'),
    ])
      expect(res.json().error.code).toBe('auth/forbidden');
  });

  it('a manager of another team neither sees this team’s imports nor finds its rooms', async () => {
    expect((await otherManager.get('/api/v1/imports')).json().items).toEqual([]);
    const res = await otherManager.post('/api/v1/imports', { ...file('good.csv', GOOD), mapping: MAPPING });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors.every((e: { column: string }) => e.column === '直播间')).toBe(true);
    const list = (await owner.get('/api/v1/imports')).json().items as { id: string }[];
    expect((await otherManager.delete(`/api/v1/imports/${list[0]!.id}`)).json().error.code).toBe('import/not-found');
  });

  it('signed out is 401', async () => {
    expect((await new Client(ctx.app).get('/api/v1/imports')).statusCode).toBe(401);
  });
});
