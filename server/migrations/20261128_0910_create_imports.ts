import type { Kysely } from 'kysely';

/**
 * Issue 7, imports area: column-mapping presets per platform and the record of each applied import. The imported
 * values themselves live in metric_values (source 'import', import_id).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('time_window', 'text', (c) => c.notNull())
    .addColumn('preset_id', 'text')
    .addColumn('preset_name', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('value_count', 'integer', (c) => c.notNull())
    /** JSON array of the live_sessions ids the import wrote to. */
    .addColumn('session_ids', 'text', (c) => c.notNull())
    /** JSON array of the teams owning those sessions: an import is listed to members of any of them. */
    .addColumn('team_ids', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by_label', 'text')
    .execute();
  await db.schema.createIndex('imports_created').on('imports').column('created_at').execute();

  await db.schema
    .createTable('import_presets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    /** JSON array of the header texts, as in the file. */
    .addColumn('headers', 'text', (c) => c.notNull())
    /** The header set normalised and sorted: a new file with the same key gets the preset. */
    .addColumn('header_key', 'text', (c) => c.notNull())
    /** JSON ImportMapping. */
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('import_presets_name', ['platform', 'name'])
    .execute();
  await db.schema.createIndex('import_presets_header_key').on('import_presets').column('header_key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_presets').execute();
  await db.schema.dropTable('imports').execute();
}
