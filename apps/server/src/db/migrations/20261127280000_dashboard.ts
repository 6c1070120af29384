import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * The dashboard's aggregates over the whole organisation, read from indexes alone where they can be:
 * - every active relationship's filter, model and due columns (SQLite only: it keeps a long row — the journey — in overflow
 *   pages, and the columns stored after it are reached only through them; PostgreSQL keeps long values out of
 *   line anyway, and refuses index entries over a third of a page);
 * - a model's relationships with when each was opened, for the time spent in its first steps (SQLite only, same
 *   reason);
 * - recent sentiment per relationship, for health, without reading two million interaction rows;
 * - open follow-ups by due date, for "due this week".
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await db.schema
      .createIndex('relationships_dashboard_active')
      .on('relationships')
      .columns([
        'status',
        'archived_at',
        'id',
        'manager_id',
        'org_unit_id',
        'stakeholder_id',
        'model_id',
        'next_contact_on',
        'next_review_on',
      ])
      .execute();
    await db.schema
      .createIndex('relationships_dashboard_model')
      .on('relationships')
      .columns(['model_id', 'id', 'created_at', 'manager_id', 'org_unit_id', 'stakeholder_id'])
      .execute();
  }
  await db.schema
    .createIndex('interactions_sentiment')
    .on('interactions')
    .columns(['relationship_id', 'occurred_at', 'sentiment', 'confidential', 'archived_at'])
    .execute();
  await db.schema
    .createIndex('follow_ups_open_due')
    .on('follow_ups')
    .columns(['done_at', 'due_on', 'relationship_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('follow_ups_open_due').ifExists().execute();
  await db.schema.dropIndex('interactions_sentiment').ifExists().execute();
  await db.schema.dropIndex('relationships_dashboard_model').ifExists().execute();
  await db.schema.dropIndex('relationships_dashboard_active').ifExists().execute();
}
