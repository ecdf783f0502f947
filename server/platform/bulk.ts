// Bulk inserts with bound parameters, a statement per few thousand rows: the demo data and the benchmarks' fixtures.
import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Executor } from './db';

/** Parameters per multi-row insert on SQLite (at most 32,766). */
const MAX_PARAMS = 30_000;
/** Rows per unnest() insert on PostgreSQL. */
const PG_ROWS = 20_000;

/** PostgreSQL column types by table (udt names: text, int4, int8, float8), read once per process. */
const pgTypes = new Map<string, Map<string, string>>();

async function pgColumnTypes(db: Executor, table: string): Promise<Map<string, string>> {
  let types = pgTypes.get(table);
  if (!types) {
    const { rows } = await db.executeQuery<{ column_name: string; udt_name: string }>(
      CompiledQuery.raw('select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = $1', [table]),
    );
    types = new Map(rows.map((r) => [r.column_name, r.udt_name]));
    pgTypes.set(table, types);
  }
  return types;
}

/**
 * Inserts rows (the columns of the first row) in multi-row statements. On PostgreSQL one array per column through
 * unnest(): binding tens of thousands of single values is what makes a bulk insert slow there.
 */
export async function insertMany<T extends object>(db: Executor, table: string, rows: readonly T[]) {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!) as (keyof T & string)[];
  const names = columns.map((c) => `"${c}"`).join(', ');
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const types = await pgColumnTypes(db, table);
    const casts = columns.map((c, i) => `$${i + 1}::${types.get(c) ?? 'text'}[]`).join(', ');
    for (let i = 0; i < rows.length; i += PG_ROWS) {
      const chunk = rows.slice(i, i + PG_ROWS);
      const arrays = columns.map((c) => chunk.map((r) => r[c] ?? null));
      await db.executeQuery(CompiledQuery.raw(`insert into "${table}" (${names}) select * from unnest(${casts})`, arrays));
    }
    return;
  }
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `insert into "${table}" (${names}) values `;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (const c of columns) {
        params.push(row[c]);
        marks.push('?');
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', '), params));
  }
}
