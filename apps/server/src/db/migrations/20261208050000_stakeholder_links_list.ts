import type { Kysely } from 'kysely';

/**
 * Frozen: the organisation's links listed page by page (`GET /stakeholder-links`, oldest or newest first) walk
 * this index and stop after a page, like every other list.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('stakeholder_links_created')
    .on('stakeholder_links')
    .columns(['created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stakeholder_links_created').execute();
}
