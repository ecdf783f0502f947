import type {
  DutyInput,
  DutyUpdateInput,
  DutyView,
  MatrixCell,
  MatrixCellInput,
  MatrixView,
  PositionInput,
  PositionUpdateInput,
  PositionView,
} from '../../../contracts/catalog';
import type { Actor, Deps } from '../../platform/context';
import { json, type Executor, withTransaction } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso, stableId } from '../../platform/ids';
import { changedFields, recordAudit } from '../audit/audit.repository';
import { defaultDuties, defaultMatrix, defaultPositions } from './catalog.defaults';
import * as repo from './catalog.repository';
import { droppedLevelsInUse, matrixFindings } from './catalog.rules';

function positionRow(input: PositionInput, id: string, at: string, createdAt = at): repo.PositionRow {
  return {
    id,
    code: input.code,
    name_zh: input.nameZh,
    name_en: input.nameEn,
    description_zh: input.descriptionZh,
    description_en: input.descriptionEn,
    skills: json.stringify(input.skills),
    selection_criteria: json.stringify(input.selectionCriteria),
    levels: json.stringify(input.levels),
    sort_order: input.sortOrder,
    created_at: createdAt,
    updated_at: at,
  };
}

/**
 * Snaps to the quarter hour the contract promises. zod's multipleOf tolerates float noise (it passes 1e-40), and
 * PostgreSQL keeps the column as a 4-byte real, which fails on such values with an underflow instead of storing them.
 */
const toQuarterHours = (hours: number) => Math.round(hours * 4) / 4;

function dutyRow(input: DutyInput, id: string, at: string, createdAt = at): repo.DutyRow {
  return {
    id,
    code: input.code,
    name_zh: input.nameZh,
    name_en: input.nameEn,
    description_zh: input.descriptionZh,
    description_en: input.descriptionEn,
    area: input.area,
    weekly_hours: toQuarterHours(input.weeklyHours),
    created_at: createdAt,
    updated_at: at,
  };
}

const positionFields = (v: PositionView) => {
  const { id: _i, headcount: _h, createdAt: _c, updatedAt: _u, ...rest } = v;
  return rest;
};
const dutyFields = (v: DutyView) => {
  const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = v;
  return rest;
};

async function headcountOf(db: Executor, positionId: string) {
  return (await repo.listPositions(db)).find((p) => p.id === positionId)?.headcount ?? 0;
}

export async function createPosition(deps: Deps, actor: Actor, input: PositionInput): Promise<PositionView> {
  return withTransaction(deps.db, async (trx) => {
    if (await repo.findPositionByCode(trx, input.code)) throw new DomainError('position/code-taken', [{ path: 'code', message: input.code }]);
    const row = positionRow(input, newId(), nowIso());
    await trx.insertInto('positions').values(row).execute();
    const view = repo.toPositionView(row, 0);
    await recordAudit(trx, actor, { action: 'create', entityType: 'position', entityId: row.id, summary: { zh: `新建岗位 ${input.nameZh}`, en: `Created position ${input.nameEn}` }, after: positionFields(view) });
    return view;
  });
}

export async function updatePosition(deps: Deps, actor: Actor, id: string, input: PositionUpdateInput): Promise<PositionView> {
  return withTransaction(deps.db, async (trx) => {
    const row = await repo.findPositionRow(trx, id);
    if (!row) throw new DomainError('position/not-found');
    const before = repo.toPositionView(row, 0);
    const merged: PositionInput = { ...positionFields(before), ...input };
    if (merged.code !== before.code && (await repo.findPositionByCode(trx, merged.code))) throw new DomainError('position/code-taken', [{ path: 'code', message: merged.code }]);
    if (input.levels) {
      const held = await trx.selectFrom('people').select('level').where('position_id', '=', id).execute();
      const dropped = droppedLevelsInUse(input.levels, held.map((h) => h.level));
      if (dropped.length) throw new DomainError('position/level-in-use', dropped.map((code) => ({ path: 'levels', message: code })));
    }
    const next = positionRow(merged, id, nowIso(), row.created_at);
    await trx.updateTable('positions').set(next).where('id', '=', id).execute();
    const view = repo.toPositionView(next, await headcountOf(trx, id));
    await recordAudit(trx, actor, { action: 'update', entityType: 'position', entityId: id, summary: { zh: `修改岗位 ${view.nameZh}`, en: `Updated position ${view.nameEn}` }, ...changedFields(positionFields(before), positionFields(view)) });
    return view;
  });
}

export async function deletePosition(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const row = await repo.findPositionRow(trx, id);
    if (!row) throw new DomainError('position/not-found');
    const holders = await trx.selectFrom('people').select('id').where('position_id', '=', id).executeTakeFirst();
    if (holders) throw new DomainError('position/in-use');
    await trx.deleteFrom('raci_cells').where('position_id', '=', id).execute();
    await trx.deleteFrom('positions').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'position', entityId: id, summary: { zh: `删除岗位 ${row.name_zh}`, en: `Deleted position ${row.name_en}` }, before: positionFields(repo.toPositionView(row, 0)) });
  });
}

export async function createDuty(deps: Deps, actor: Actor, input: DutyInput): Promise<DutyView> {
  return withTransaction(deps.db, async (trx) => {
    if (await repo.findDutyByCode(trx, input.code)) throw new DomainError('duty/code-taken', [{ path: 'code', message: input.code }]);
    const row = dutyRow(input, newId(), nowIso());
    await trx.insertInto('duties').values(row).execute();
    const view = repo.toDutyView(row);
    await recordAudit(trx, actor, { action: 'create', entityType: 'duty', entityId: row.id, summary: { zh: `新建职责 ${input.nameZh}`, en: `Created duty ${input.nameEn}` }, after: dutyFields(view) });
    return view;
  });
}

export async function updateDuty(deps: Deps, actor: Actor, id: string, input: DutyUpdateInput): Promise<DutyView> {
  return withTransaction(deps.db, async (trx) => {
    const row = await repo.findDutyRow(trx, id);
    if (!row) throw new DomainError('duty/not-found');
    const before = repo.toDutyView(row);
    const merged: DutyInput = { ...dutyFields(before), ...input };
    if (merged.code !== before.code && (await repo.findDutyByCode(trx, merged.code))) throw new DomainError('duty/code-taken', [{ path: 'code', message: merged.code }]);
    const next = dutyRow(merged, id, nowIso(), row.created_at);
    await trx.updateTable('duties').set(next).where('id', '=', id).execute();
    const view = repo.toDutyView(next);
    await recordAudit(trx, actor, { action: 'update', entityType: 'duty', entityId: id, summary: { zh: `修改职责 ${view.nameZh}`, en: `Updated duty ${view.nameEn}` }, ...changedFields(dutyFields(before), dutyFields(view)) });
    return view;
  });
}

export async function deleteDuty(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const row = await repo.findDutyRow(trx, id);
    if (!row) throw new DomainError('duty/not-found');
    await trx.deleteFrom('raci_cells').where('duty_id', '=', id).execute();
    await trx.deleteFrom('duties').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'duty', entityId: id, summary: { zh: `删除职责 ${row.name_zh}`, en: `Deleted duty ${row.name_en}` }, before: dutyFields(repo.toDutyView(row)) });
  });
}

export async function getMatrix(db: Executor): Promise<MatrixView> {
  const [positions, duties, cells] = await Promise.all([repo.listPositions(db), repo.listDuties(db), repo.listCells(db)]);
  return { positions, duties, cells, findings: matrixFindings(duties.map((d) => d.id), cells) };
}

export async function setMatrixCell(deps: Deps, actor: Actor, input: MatrixCellInput): Promise<MatrixCell | null> {
  return withTransaction(deps.db, async (trx) => {
    const position = await repo.findPositionRow(trx, input.positionId);
    if (!position) throw new DomainError('position/not-found', [{ path: 'positionId', message: input.positionId }]);
    const duty = await repo.findDutyRow(trx, input.dutyId);
    if (!duty) throw new DomainError('duty/not-found', [{ path: 'dutyId', message: input.dutyId }]);
    const before = (await repo.findCell(trx, input.positionId, input.dutyId))?.value ?? null;
    if (input.value === null) await repo.deleteCell(trx, input.positionId, input.dutyId);
    else await repo.upsertCell(trx, { positionId: input.positionId, dutyId: input.dutyId, value: input.value }, nowIso());
    if (before !== input.value) {
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'matrix',
        entityId: `${position.id}:${duty.id}`,
        summary: { zh: `职责矩阵 ${position.name_zh} × ${duty.name_zh}：${before ?? '—'} → ${input.value ?? '—'}`, en: `RACI ${position.name_en} × ${duty.name_en}: ${before ?? '—'} → ${input.value ?? '—'}` },
        before: { position: position.code, duty: duty.code, value: before },
        after: { position: position.code, duty: duty.code, value: input.value },
      });
    }
    return input.value === null ? null : { positionId: input.positionId, dutyId: input.dutyId, value: input.value };
  });
}

/**
 * Fills an empty catalogue with the planning document's positions, duties and RACI matrix.
 * Ids are stable (derived from the codes), so demo data and tests can name them. Does nothing when positions exist.
 */
export async function seedDefaultCatalog(db: Executor): Promise<boolean> {
  const existing = await db.selectFrom('positions').select('id').limit(1).execute();
  if (existing.length) return false;
  const at = nowIso();
  await db.insertInto('positions').values(defaultPositions.map((p) => positionRow(p, stableId('position', p.code), at))).execute();
  await db.insertInto('duties').values(defaultDuties.map((d) => dutyRow(d, stableId('duty', d.code), at))).execute();
  if (defaultMatrix.length) {
    await db
      .insertInto('raci_cells')
      .values(defaultMatrix.map((c) => ({ position_id: stableId('position', c.positionCode), duty_id: stableId('duty', c.dutyCode), value: c.value, updated_at: at })))
      .execute();
  }
  return true;
}
