import type { Kysely } from 'kysely';

/** Issue 6, incidents area: incidents with their timeline and playbook checklist, emergency playbooks, the risk register. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('playbooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('default_severity', 'text', (c) => c.notNull())
    /** JSON [{ positionId, textZh, textEn }] in order. */
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('room_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('playbook_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    /** SEV1 | SEV2 | SEV3 | SEV4 */
    .addColumn('severity', 'text', (c) => c.notNull())
    /** investigating | mitigated | resolved | postmortem | closed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('commander_person_id', 'text')
    .addColumn('communications_person_id', 'text')
    .addColumn('scribe_person_id', 'text')
    .addColumn('opened_by', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('mitigated_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('root_cause', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('impact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes_affected', 'integer')
    .addColumn('gmv_at_risk_fen', 'bigint')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_team_idx').on('incidents').columns(['team_id', 'opened_at']).execute();

  /** The timeline: what happened, when and by whom (alerts' own occurrences are read from `alerts`). */
  await db.schema
    .createTable('incident_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    /** opened | alert | status | severity | role | step | note | postmortem */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('actor_label', 'text')
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_events_idx').on('incident_events').columns(['incident_id', 'at']).execute();

  /** A playbook's steps copied onto an incident, so later edits of the playbook leave a running incident alone. */
  await db.schema
    .createTable('incident_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('position_id', 'text')
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by_user_id', 'text')
    .execute();
  await db.schema.createIndex('incident_steps_idx').on('incident_steps').columns(['incident_id', 'ord']).execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    /** content | technical | network_security | legal | opinion | privacy */
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('likelihood', 'integer', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('owner_person_id', 'text')
    .addColumn('mitigations', 'text', (c) => c.notNull().defaultTo(''))
    /** YYYY-MM-DD */
    .addColumn('next_review_date', 'text', (c) => c.notNull())
    /** JSON string[] */
    .addColumn('playbook_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('incident_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['risks', 'incident_steps', 'incident_events', 'incidents', 'playbooks']) await db.schema.dropTable(t).execute();
}
