import type { Kysely } from 'kysely';

/**
 * Frozen: "relationships ended in a period" (the KPI of relationships ended because the approach was not followed,
 * its breakdown by reason and its drill-down) answered from an index alone, filters included. The index of the KPI
 * migration held the day and the reason but not whether the relationship is archived nor the filter columns, so
 * every ended relationship of the six periods was looked up in the table (long rows, with their journey). It is
 * replaced: the new one starts with the same column and serves every query the old one did. (`if not exists`:
 * the PostgreSQL scale benchmark database was given it by hand while it was measured.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('relationships_ended_kpi')
    .ifNotExists()
    .on('relationships')
    .columns(['ended_on', 'archived_at', 'end_reason', 'manager_id', 'org_unit_id', 'stakeholder_id', 'id'])
    .execute();
  await db.schema.dropIndex('relationships_ended_on').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('relationships_ended_on')
    .on('relationships')
    .columns(['ended_on', 'end_reason', 'id'])
    .execute();
  await db.schema.dropIndex('relationships_ended_kpi').ifExists().execute();
}
