import type { Kysely } from 'kysely';

/**
 * Issue 6, sentiment area: the analyser's lexicon as users edit it. The shipped lexicon stays in code; a row here
 * adds an entry or overrides a shipped one (same term), or switches a shipped one off (`enabled` 0).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sentiment_lexicon')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('term', 'text', (c) => c.notNull().unique())
    /** An EntryKind of the analyser's lexicon: positive, negative, purchase, negator, degree, question, irony, … */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** Opinion words: their strength; negators and degree words: their multiplier; null: the kind's default. */
    .addColumn('weight', 'double precision')
    /** A SentimentAspect, or null. */
    .addColumn('aspect', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sentiment_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('sentiment_revision').values({ id: 1, revision: 0, updated_at: new Date(0).toISOString() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sentiment_revision').execute();
  await db.schema.dropTable('sentiment_lexicon').execute();
}
