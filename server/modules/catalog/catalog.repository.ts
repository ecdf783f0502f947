import type { DutyArea, DutyView, Level, MatrixCell, PositionView, Raci } from '../../../contracts/catalog';
import { json, type Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';

export type PositionRow = Database['positions'];
export type DutyRow = Database['duties'];

export function toPositionView(r: PositionRow, headcount: number): PositionView {
  return {
    id: r.id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    descriptionZh: r.description_zh,
    descriptionEn: r.description_en,
    skills: json.parse<string[]>(r.skills, []),
    selectionCriteria: json.parse<string[]>(r.selection_criteria, []),
    levels: json.parse<Level[]>(r.levels, []),
    sortOrder: Number(r.sort_order),
    headcount,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toDutyView(r: DutyRow): DutyView {
  return {
    id: r.id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    descriptionZh: r.description_zh,
    descriptionEn: r.description_en,
    area: r.area as DutyArea,
    weeklyHours: Number(r.weekly_hours),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Positions in catalogue order; headcount counts active people holding each. */
export async function listPositions(db: Executor): Promise<PositionView[]> {
  const rows = await db.selectFrom('positions').selectAll().orderBy('sort_order').orderBy('code').execute();
  const counts = await db
    .selectFrom('people')
    .where('status', '!=', 'left')
    .where('position_id', 'is not', null)
    .select(['position_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('position_id')
    .execute();
  const byId = new Map(counts.map((c) => [c.position_id, Number(c.n)]));
  return rows.map((r) => toPositionView(r, byId.get(r.id) ?? 0));
}

export function findPositionRow(db: Executor, id: string) {
  return db.selectFrom('positions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPositionByCode(db: Executor, code: string) {
  return db.selectFrom('positions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listDuties(db: Executor): Promise<DutyView[]> {
  const rows = await db.selectFrom('duties').selectAll().orderBy('area').orderBy('code').execute();
  return rows.map(toDutyView);
}

export function findDutyRow(db: Executor, id: string) {
  return db.selectFrom('duties').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDutyByCode(db: Executor, code: string) {
  return db.selectFrom('duties').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listCells(db: Executor): Promise<MatrixCell[]> {
  const rows = await db.selectFrom('raci_cells').select(['position_id', 'duty_id', 'value']).execute();
  return rows.map((r) => ({ positionId: r.position_id, dutyId: r.duty_id, value: r.value as Raci }));
}

export function findCell(db: Executor, positionId: string, dutyId: string) {
  return db.selectFrom('raci_cells').selectAll().where('position_id', '=', positionId).where('duty_id', '=', dutyId).executeTakeFirst();
}

export async function upsertCell(db: Executor, cell: MatrixCell, at: string) {
  await db
    .insertInto('raci_cells')
    .values({ position_id: cell.positionId, duty_id: cell.dutyId, value: cell.value, updated_at: at })
    .onConflict((oc) => oc.columns(['position_id', 'duty_id']).doUpdateSet({ value: cell.value, updated_at: at }))
    .execute();
}

export async function deleteCell(db: Executor, positionId: string, dutyId: string) {
  await db.deleteFrom('raci_cells').where('position_id', '=', positionId).where('duty_id', '=', dutyId).execute();
}
