import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Compliance (issue 5): stored, editable rule packs; content items under review with versions, comments and waivers;
 * findings of live scanning; in-console notifications; the per-room "approved content before scheduling" setting.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const serial = (t: string) => db.schema.createTable(t).addColumn('id', isPg ? 'bigserial' : 'integer', (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()));

  // ---- rule packs -------------------------------------------------------------------------------------------------
  await db.schema
    .createTable('compliance_categories')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('compliance_packs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    /** JSON EvasionSwitches. */
    .addColumn('evasion', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('compliance_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pack_id', 'text', (c) => c.notNull().references('compliance_packs.id').onDelete('cascade'))
    /** The rule id findings carry ('ad-law.art9.absolute'); unique across packs. */
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('basis_zh', 'text', (c) => c.notNull())
    .addColumn('basis_en', 'text', (c) => c.notNull())
    /** Null for a word-list rule; a PatternKind for a pattern rule. */
    .addColumn('pattern', 'text')
    .addColumn('high_risk', 'integer', (c) => c.notNull().defaultTo(0))
    /** JSON arrays or null (= any). */
    .addColumn('product_categories', 'text')
    .addColumn('contexts', 'text')
    .addColumn('suggestion', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await serial('compliance_terms')
    .addColumn('rule_id', 'text', (c) => c.notNull().references('compliance_rules.id').onDelete('cascade'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('compliance_terms_uq', ['rule_id', 'term'])
    .execute();

  await serial('compliance_allow')
    .addColumn('pack_id', 'text', (c) => c.notNull().references('compliance_packs.id').onDelete('cascade'))
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('compliance_allow_uq', ['pack_id', 'word'])
    .execute();

  /** The editable look-alike / homophone table (薇 → 微, 扣扣 → QQ). */
  await serial('compliance_lookalikes')
    .addColumn('variant', 'text', (c) => c.notNull().unique())
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  /** One row, bumped by every rule change; scanners compiled from an older revision are rebuilt. */
  await db.schema
    .createTable('compliance_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('compliance_revision').values({ id: 1, revision: 0, updated_at: new Date(0).toISOString() }).execute();

  // ---- content review ---------------------------------------------------------------------------------------------
  await db.schema
    .createTable('content_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('room_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('product_id', 'text')
    /** script | title | cover_text | product_copy */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** The product category the medical/efficacy rules use; null = general. */
    .addColumn('category', 'text')
    /** draft | in_review | approved | changes_requested */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_items_session_idx').on('content_items').columns(['session_id', 'kind']).execute();
  await db.schema.createIndex('content_items_state_idx').on('content_items').columns(['state', 'updated_at']).execute();

  await db.schema
    .createTable('content_versions')
    .addColumn('item_id', 'text', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('author_id', 'text')
    /** JSON ScanFinding[] of this version, scanned when it was saved. */
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_versions_pk', ['item_id', 'number'])
    .execute();

  await serial('content_comments')
    .addColumn('item_id', 'text', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** UTF-16 offsets into that version's body, end exclusive; null for a comment on the whole item. */
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('quote', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_comments_item_idx').on('content_comments').columns(['item_id', 'id']).execute();

  await serial('content_waivers')
    .addColumn('item_id', 'text', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('waived_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_waivers_item_idx').on('content_waivers').columns(['item_id', 'version']).execute();

  await db.schema
    .alterTable('rooms')
    .addColumn('require_approved_content', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // ---- findings of live scanning ----------------------------------------------------------------------------------
  await serial('compliance_findings')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    /** live_events.id of the comment or transcript line. */
    .addColumn('event_id', 'bigint', (c) => c.notNull())
    /** comment | transcript */
    .addColumn('source', 'text', (c) => c.notNull())
    /** The session's host (people.id) when the event was scanned; the report groups by it. */
    .addColumn('host_person_id', 'text')
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('evasion', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('compliance_findings_session_idx').on('compliance_findings').columns(['session_id', 'event_id']).execute();
  await db.schema.createIndex('compliance_findings_at_idx').on('compliance_findings').columns(['at']).execute();

  // ---- notifications ----------------------------------------------------------------------------------------------
  await serial('notifications')
    .addColumn('user_id', 'text', (c) => c.notNull())
    /** compliance.block_speech | content.review_requested | content.changes_requested | content.approved … */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** A console path to open ('/live/…', '/content/…'). */
    .addColumn('link', 'text')
    .addColumn('session_id', 'text')
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'id']).execute();
  void sql;
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'notifications', 'compliance_findings', 'content_waivers', 'content_comments', 'content_versions', 'content_items',
    'compliance_revision', 'compliance_lookalikes', 'compliance_allow', 'compliance_terms', 'compliance_rules', 'compliance_packs', 'compliance_categories',
  ]) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('rooms').dropColumn('require_approved_content').execute();
}
