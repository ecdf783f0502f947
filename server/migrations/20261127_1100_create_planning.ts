import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rooms').addColumn('required_roles', 'text', (c) => c.notNull().defaultTo('["host","field_control","console"]')).execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('list_price_fen', 'bigint', (c) => c.notNull())
    .addColumn('live_price_fen', 'bigint', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('selling_points', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('image_urls', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('live_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    .addColumn('goal_gmv_fen', 'bigint')
    .addColumn('goal_viewers', 'integer')
    .addColumn('goal_orders', 'integer')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('series_id', 'text')
    .addColumn('is_unplanned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_sessions_room_start_idx').on('live_sessions').columns(['room_id', 'planned_start']).execute();
  await db.schema.createIndex('live_sessions_start_idx').on('live_sessions').columns(['planned_start', 'planned_end']).execute();

  await db.schema
    .createTable('session_crew')
    .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_crew_pk', ['session_id', 'person_id', 'role'])
    .execute();
  await db.schema.createIndex('session_crew_person_idx').on('session_crew').column('person_id').execute();

  await db.schema
    .createTable('session_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('planned_minutes', 'integer', (c) => c.notNull())
    .addColumn('slot_type', 'text', (c) => c.notNull())
    .addColumn('talking_points', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mechanics', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('session_slots_session_idx').on('session_slots').columns(['session_id', 'position']).execute();

  await db.schema
    .createTable('checklist_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('checklist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
    .addColumn('template_id', 'text')
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('done_by_user_id', 'text')
    .execute();
  await db.schema.createIndex('checklist_items_session_idx').on('checklist_items').column('session_id').execute();
  await db.schema.createIndex('checklist_items_due_idx').on('checklist_items').column('due_at').execute();

  await db.schema
    .createTable('work_rules')
    .addColumn('subject_type', 'text', (c) => c.notNull()) // position | person
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('max_continuous_minutes', 'integer')
    .addColumn('min_rest_minutes', 'integer')
    .addColumn('max_daily_minutes', 'integer')
    .addColumn('max_weekly_minutes', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_rules_pk', ['subject_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('rule_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
    .addColumn('violations', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['calendar_feeds', 'rule_overrides', 'work_rules', 'checklist_items', 'checklist_templates', 'session_slots', 'session_crew', 'live_sessions', 'products']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('rooms').dropColumn('required_roles').execute();
}
