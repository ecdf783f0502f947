import type { TimeWindow } from '../../../contracts/analytics';
import type { Platform } from '../../../contracts/team';
import {
  ImportMapping as ImportMappingSchema,
  PresetInput as PresetInputSchema,
  type ImportFile,
  type ImportRequest,
  type ImportView,
  type MatchedSession,
  type ParseResult,
  type PresetInput,
  type PresetView,
  type PreviewResult,
  type PreviewRow,
  type RowError,
} from '../../../contracts/imports';
import { inScope, type Actor, type Deps, type TeamScope } from '../../platform/context';
import { isUniqueViolation, json, withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';
import { readRows } from './imports.file';
import { checkMapping, detectHeaderRow, extractRows, headerKey, headersOf, localToEpoch, matchSession, type ExtractedRow } from './imports.rules';

/** Rows of metric_values written per statement inside the import's transaction. */
const BATCH = 400;
const PREVIEW_ROWS = 50;
const MAX_ERRORS = 500;

function decode(input: ImportFile): Buffer {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > 50 * 1024 * 1024) throw new DomainError('import/bad-file', [{ path: 'contentBase64', message: 'larger than 50 MB / 文件超过 50 MB' }]);
  return bytes;
}

async function loadSheet(input: ImportFile) {
  const sheet = await readRows(input.fileName, decode(input), input.sheet ?? null);
  const headerRow = input.headerRow ?? detectHeaderRow(sheet.rows);
  if (headerRow > sheet.rows.length) throw new DomainError('import/bad-file', [{ path: 'headerRow', message: `the sheet has ${sheet.rows.length} rows / 表格只有 ${sheet.rows.length} 行` }]);
  const headers = sheet.rows.length ? headersOf(sheet.rows[headerRow - 1]!) : [];
  return { ...sheet, headerRow, headers };
}

// ---------------------------------------------------------------- presets

type PresetRow = { id: string; name: string; platform: string; headers: string; mapping: string; created_at: string; updated_at: string };

function toPresetView(r: PresetRow): PresetView {
  return {
    id: r.id,
    name: r.name,
    platform: r.platform as Platform,
    headers: json.parse<string[]>(r.headers, []),
    mapping: ImportMappingSchema.parse(json.parse(r.mapping, {})),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listPresets(db: Executor): Promise<PresetView[]> {
  const rows = await db.selectFrom('import_presets').selectAll().orderBy('platform').orderBy('name').execute();
  return rows.map(toPresetView);
}

async function requirePreset(db: Executor, id: string): Promise<PresetView> {
  const r = await db.selectFrom('import_presets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('import/preset-not-found');
  return toPresetView(r);
}

/** The newest preset made from the same set of headers, or null. */
export async function findPresetFor(db: Executor, headers: readonly string[]): Promise<PresetView | null> {
  const r = await db.selectFrom('import_presets').selectAll().where('header_key', '=', headerKey(headers)).orderBy('updated_at', 'desc').orderBy('id').executeTakeFirst();
  return r ? toPresetView(r) : null;
}

export async function savePreset(deps: Deps, actor: Actor, raw: PresetInput, id?: string): Promise<PresetView> {
  const input = PresetInputSchema.parse(raw);
  const problems = checkMapping(input.mapping, input.headers);
  if (problems.length) throw new DomainError('import/bad-mapping', problems.map((p) => ({ path: p.path, message: `${p.en} / ${p.zh}` })));
  try {
    return await withTransaction(deps.db, async (trx) => {
      const before = id ? await requirePreset(trx, id) : undefined;
      const at = nowIso();
      const values = {
        name: input.name,
        platform: input.mapping.platform,
        headers: json.stringify(input.headers),
        header_key: headerKey(input.headers),
        mapping: json.stringify(input.mapping),
        updated_at: at,
      };
      if (id) await trx.updateTable('import_presets').set(values).where('id', '=', id).execute();
      else {
        id = newId();
        await trx.insertInto('import_presets').values({ id, ...values, created_by: actor.userId, created_at: at }).execute();
      }
      await recordAudit(trx, actor, {
        action: before ? 'update' : 'create',
        entityType: 'import-preset',
        entityId: id,
        summary: { zh: `保存导入映射预设「${input.name}」`, en: `Saved import mapping preset "${input.name}"` },
        ...(before ? { before: { ...before } } : {}),
        after: { ...input },
      });
      return requirePreset(trx, id);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('import/preset-name-taken', [{ path: 'name', message: input.name }]);
    throw e;
  }
}

export async function deletePreset(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const p = await requirePreset(trx, id);
    await trx.deleteFrom('import_presets').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'import-preset', entityId: id, summary: { zh: `删除导入映射预设「${p.name}」`, en: `Deleted import mapping preset "${p.name}"` } });
  });
}

// ---------------------------------------------------------------- parse, preview

export async function parseFile(db: Executor, input: ImportFile): Promise<ParseResult> {
  const s = await loadSheet(input);
  return {
    fileName: input.fileName,
    format: s.format,
    encoding: s.encoding,
    sheets: s.sheets,
    sheet: s.sheet,
    headerRow: s.headerRow,
    headers: s.headers,
    topRows: s.rows.slice(0, 8),
    sampleRows: s.rows.slice(s.headerRow, s.headerRow + 5),
    rowCount: s.rows.slice(s.headerRow).filter((r) => r.some((c) => c !== null && String(c).trim() !== '')).length,
    preset: s.headers.length ? await findPresetFor(db, s.headers) : null,
  };
}

interface ResolvedRow extends ExtractedRow {
  session: (MatchedSession & { teamId: string }) | null;
}

const rowErr = (row: number, column: string | null, zh: string, en: string): RowError => ({ row, column, zh, en });

/** Reads the file with the mapping and finds each row's session; every problem becomes a row error. */
async function analyse(db: Executor, scope: TeamScope, input: ImportRequest): Promise<{ rows: ResolvedRow[]; headerRow: number }> {
  const sheet = await loadSheet(input);
  const problems = checkMapping(input.mapping, sheet.headers);
  if (problems.length) throw new DomainError('import/bad-mapping', problems.map((p) => ({ path: p.path, message: `${p.en} / ${p.zh}` })));
  const extracted = extractRows(sheet.rows, sheet.headerRow, sheet.headers, input.mapping);
  const platform = input.mapping.platform;
  const colOf = (t: string) => input.mapping.columns.find((c) => c.target === t)?.column ?? null;

  const rooms = (await db.selectFrom('rooms').select(['id', 'team_id', 'platform', 'account_id', 'display_name', 'time_zone']).execute()).filter((r) => inScope(scope, r.team_id));
  const roomById = new Map(rooms.map((r) => [r.id, r]));

  // Sessions named by id.
  const ids = [...new Set(extracted.flatMap((r) => (r.key && 'sessionId' in r.key ? [r.key.sessionId] : [])))];
  const byId = new Map<string, { id: string; title: string; room_id: string; planned_start: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const s of await db.selectFrom('live_sessions').select(['id', 'title', 'room_id', 'planned_start']).where('id', 'in', chunk).execute()) byId.set(s.id, s);
  }

  // Sessions found by room and start: the candidate rooms' sessions around the file's time span.
  const roomRows = extracted.flatMap((r) => (r.key && 'room' in r.key ? [r.key] : []));
  const roomsOf = (key: { by: 'account' | 'name'; value: string }) =>
    rooms.filter((r) => r.platform === platform && (key.by === 'account' ? r.account_id === key.value : r.display_name === key.value));
  const candidateRoomIds = [...new Set(roomRows.flatMap((k) => roomsOf(k.room).map((r) => r.id)))];
  const sessionsByRoom = new Map<string, { id: string; title: string; planned_start: string; planned_end: string; plannedStart: number; plannedEnd: number }[]>();
  if (candidateRoomIds.length) {
    const starts = roomRows.map((k) => k.start).sort();
    const from = new Date(Date.parse(`${starts[0]}Z`) - 3 * 86400_000).toISOString();
    const to = new Date(Date.parse(`${starts[starts.length - 1]}Z`) + 3 * 86400_000).toISOString();
    for (let i = 0; i < candidateRoomIds.length; i += 500) {
      const found = await db
        .selectFrom('live_sessions')
        .select(['id', 'title', 'room_id', 'planned_start', 'planned_end'])
        .where('room_id', 'in', candidateRoomIds.slice(i, i + 500))
        .where('status', '!=', 'cancelled')
        .where('planned_start', '>=', from)
        .where('planned_start', '<=', to)
        .execute();
      for (const s of found) {
        const list = sessionsByRoom.get(s.room_id) ?? [];
        list.push({ ...s, plannedStart: Date.parse(s.planned_start), plannedEnd: Date.parse(s.planned_end) });
        sessionsByRoom.set(s.room_id, list);
      }
    }
  }

  const firstRowOf = new Map<string, number>();
  const rows = extracted.map((r): ResolvedRow => {
    const errors = [...r.errors];
    let session: ResolvedRow['session'] = null;
    if (r.key && 'sessionId' in r.key) {
      const s = byId.get(r.key.sessionId);
      const room = s ? roomById.get(s.room_id) : undefined;
      if (!s || !room) errors.push(rowErr(r.row, colOf('session_id'), `找不到场次「${r.key.sessionId}」`, `no session "${r.key.sessionId}"`));
      else session = { id: s.id, title: s.title, roomId: room.id, roomName: room.display_name, plannedStart: s.planned_start, teamId: room.team_id };
    } else if (r.key) {
      const roomCol = colOf(r.key.room.by === 'account' ? 'room_account' : 'room_name');
      const startCol = colOf('start') ?? colOf('date');
      const found = roomsOf(r.key.room);
      if (found.length === 0) errors.push(rowErr(r.row, roomCol, `找不到${platform}直播间「${r.key.room.value}」`, `no ${platform} room "${r.key.room.value}"`));
      else if (found.length > 1) errors.push(rowErr(r.row, roomCol, `有多个直播间叫「${r.key.room.value}」，请改用账号 ID 匹配`, `several rooms are named "${r.key.room.value}"; match by account id instead`));
      else {
        const room = found[0]!;
        const at = localToEpoch(r.key.start, room.time_zone);
        const match = matchSession(sessionsByRoom.get(room.id) ?? [], at);
        const when = r.key.start.replace('T', ' ').slice(0, 16);
        if (match === 'unmatched') errors.push(rowErr(r.row, startCol, `直播间「${room.display_name}」在 ${when} 前后 2 小时内没有场次`, `room "${room.display_name}" has no session at or within 2 h of ${when}`));
        else if (match === 'ambiguous') errors.push(rowErr(r.row, startCol, `直播间「${room.display_name}」在 ${when} 附近有多个场次，无法确定`, `room "${room.display_name}" has several sessions near ${when}; cannot tell which`));
        else {
          const s = sessionsByRoom.get(room.id)!.find((x) => x.id === match.id)!;
          session = { id: s.id, title: s.title, roomId: room.id, roomName: room.display_name, plannedStart: s.planned_start, teamId: room.team_id };
        }
      }
    }
    if (session) {
      const first = firstRowOf.get(session.id);
      if (first !== undefined) errors.push(rowErr(r.row, null, `与第 ${first} 行是同一场次`, `same session as row ${first}`));
      else firstRowOf.set(session.id, r.row);
    }
    return { ...r, errors, session };
  });
  return { rows, headerRow: sheet.headerRow };
}

function summarise(rows: ResolvedRow[]): PreviewResult {
  const errors = rows.flatMap((r) => r.errors);
  return {
    rowCount: rows.length,
    validRows: rows.filter((r) => r.errors.length === 0).length,
    sessionCount: new Set(rows.flatMap((r) => (r.session ? [r.session.id] : []))).size,
    valueCount: rows.reduce((n, r) => n + r.values.length, 0),
    rows: rows.slice(0, PREVIEW_ROWS).map((r): PreviewRow => ({ row: r.row, session: r.session ? { id: r.session.id, title: r.session.title, roomId: r.session.roomId, roomName: r.session.roomName, plannedStart: r.session.plannedStart } : null, values: r.values, ok: r.errors.length === 0 })),
    errors: errors.slice(0, MAX_ERRORS),
  };
}

export async function previewImport(db: Executor, actor: Actor, input: ImportRequest): Promise<PreviewResult> {
  return summarise((await analyse(db, actor.scope, input)).rows);
}

// ---------------------------------------------------------------- apply, list, undo

type ImportRow = Awaited<ReturnType<typeof importRows>>[number];

function importRows(db: Executor) {
  return db.selectFrom('imports').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

const visible = (scope: TeamScope, r: ImportRow) => scope === 'all' || json.parse<string[]>(r.team_ids, []).some((t) => scope.includes(t));

function toImportView(r: ImportRow): ImportView {
  return {
    id: r.id,
    fileName: r.file_name,
    platform: r.platform as Platform,
    timeWindow: r.time_window as TimeWindow,
    presetId: r.preset_id,
    presetName: r.preset_name,
    rowCount: Number(r.row_count),
    valueCount: Number(r.value_count),
    sessionIds: json.parse<string[]>(r.session_ids, []),
    createdBy: r.created_by_label,
    createdAt: r.created_at,
    undoneAt: r.undone_at,
    undoneBy: r.undone_by_label,
  };
}

export async function listImports(db: Executor, scope: TeamScope): Promise<ImportView[]> {
  return (await importRows(db)).filter((r) => visible(scope, r)).map(toImportView);
}

async function requireImport(db: Executor, scope: TeamScope, id: string): Promise<ImportRow> {
  const r = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r || !visible(scope, r)) throw new DomainError('import/not-found');
  return r;
}

/**
 * Applies the whole file or nothing: any row error → 400 import/rows-invalid with the errors, nothing written.
 * Re-importing a session's metric replaces the earlier imported value (metric_values is keyed by session, metric and
 * source); manual values are untouched and still win in the review.
 */
export async function applyImport(deps: Deps, actor: Actor, input: ImportRequest): Promise<ImportView> {
  const { rows } = await analyse(deps.db, actor.scope, input);
  const errors = rows.flatMap((r) => r.errors);
  if (!rows.length) errors.push(rowErr(0, null, '文件中没有数据行', 'the file has no data rows'));
  if (errors.length) throw new DomainError('import/rows-invalid', undefined, { errors: errors.slice(0, MAX_ERRORS), errorCount: errors.length });
  const preset = input.presetId ? await deps.db.selectFrom('import_presets').select(['id', 'name']).where('id', '=', input.presetId).executeTakeFirst() : undefined;
  if (input.presetId && !preset) throw new DomainError('import/preset-not-found', [{ path: 'presetId', message: input.presetId }]);

  const id = newId();
  const at = nowIso();
  const { platform, timeWindow } = input.mapping;
  const values = rows.flatMap((r) =>
    r.values.map((v) => ({ session_id: r.session!.id, metric: v.metric, source: 'import', value: v.value, basis: v.basis, platform, time_window: timeWindow, import_id: id, updated_at: at })),
  );
  const sessionIds = [...new Set(rows.map((r) => r.session!.id))];
  const teamIds = [...new Set(rows.map((r) => r.session!.teamId))];
  await withTransaction(deps.db, async (trx) => {
    await trx
      .insertInto('imports')
      .values({
        id,
        file_name: input.fileName,
        platform,
        time_window: timeWindow,
        preset_id: preset?.id ?? null,
        preset_name: preset?.name ?? null,
        row_count: rows.length,
        value_count: values.length,
        session_ids: json.stringify(sessionIds),
        team_ids: json.stringify(teamIds),
        created_by: actor.userId,
        created_by_label: actor.label,
        created_at: at,
        undone_at: null,
        undone_by_label: null,
      })
      .execute();
    for (let i = 0; i < values.length; i += BATCH) {
      await trx
        .insertInto('metric_values')
        .values(values.slice(i, i + BATCH))
        .onConflict((oc) =>
          oc.columns(['session_id', 'metric', 'source']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            basis: eb.ref('excluded.basis'),
            platform: eb.ref('excluded.platform'),
            time_window: eb.ref('excluded.time_window'),
            import_id: eb.ref('excluded.import_id'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'create',
      entityType: 'import',
      entityId: id,
      teamId: teamIds.length === 1 ? teamIds[0] : null,
      summary: { zh: `导入「${input.fileName}」：${rows.length} 行，${sessionIds.length} 个场次，${values.length} 个数值`, en: `Imported "${input.fileName}": ${rows.length} rows, ${sessionIds.length} sessions, ${values.length} values` },
      after: { fileName: input.fileName, platform, timeWindow, presetId: preset?.id ?? null, rows: rows.length, values: values.length, sessionIds },
    });
  });
  return toImportView(await requireImport(deps.db, 'all', id));
}

/** Removes the values an import wrote that no later import has replaced. */
export async function undoImport(deps: Deps, actor: Actor, id: string): Promise<ImportView> {
  await withTransaction(deps.db, async (trx) => {
    const r = await requireImport(trx, actor.scope, id);
    if (r.undone_at) throw new DomainError('import/already-undone');
    const teamIds = json.parse<string[]>(r.team_ids, []);
    if (teamIds.some((t) => !inScope(actor.scope, t))) throw new DomainError('auth/forbidden');
    const removed = await trx.deleteFrom('metric_values').where('import_id', '=', id).where('source', '=', 'import').executeTakeFirst();
    await trx.updateTable('imports').set({ undone_at: nowIso(), undone_by_label: actor.label }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'delete',
      entityType: 'import',
      entityId: id,
      teamId: teamIds.length === 1 ? teamIds[0] : null,
      summary: { zh: `撤销导入「${r.file_name}」，删除 ${Number(removed.numDeletedRows)} 个数值`, en: `Undid import "${r.file_name}", removing ${Number(removed.numDeletedRows)} values` },
      before: { ...toImportView(r) },
    });
  });
  return toImportView(await requireImport(deps.db, 'all', id));
}
