import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Frozen: each relationship keeps its current health score, so the dashboard's distribution is one grouped read
 * of an index rather than scoring every relationship. `health_scored_on` is the day it was scored (health decays
 * with overdue contacts and reviews); both stay null here — the server fills them in the background on start-up,
 * so upgrading a large database does not wait on scoring every relationship.
 *
 * The index serves "active relationships by score" under the dashboard's filters (manager, org unit, stakeholder
 * for a group) from the index alone, with whether the score is an override and whether it was scored at all.
 * PostgreSQL also gets a partial index of the active relationships' score columns alone for the unfiltered count
 * (a fiftieth of the size, twice as fast at 200,000 relationships); SQLite does not use a partial index when the
 * status arrives as a bound value, and reads the first index in about the same time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('relationships').addColumn('health_score', 'integer').execute();
  await db.schema.alterTable('relationships').addColumn('health_scored_on', 'text').execute();
  await db.schema
    .createIndex('relationships_health_score')
    .on('relationships')
    .columns([
      'status',
      'archived_at',
      'health_score',
      'health_scored_on',
      'health_override',
      'manager_id',
      'org_unit_id',
      'stakeholder_id',
    ])
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema
      .createIndex('relationships_health_score_active')
      .on('relationships')
      .columns(['health_score', 'health_scored_on', 'health_override'])
      .where(sql<boolean>`status = 'active' and archived_at is null`)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('relationships_health_score_active').ifExists().execute();
  await db.schema.dropIndex('relationships_health_score').ifExists().execute();
  await db.schema.alterTable('relationships').dropColumn('health_scored_on').execute();
  await db.schema.alterTable('relationships').dropColumn('health_score').execute();
}
