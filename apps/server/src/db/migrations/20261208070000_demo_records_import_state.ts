import type { Kysely } from 'kysely';

/**
 * Frozen: writers beside the server.
 * - `demo_records`: every row the demo loader wrote (table and id, in order), so the demo can be removed as a
 *   whole and a failed load is recognised as such (`demo_state` of one row).
 * - `imports.state`: `running` while an import writes its batches (its new stakeholders hidden), `publishing`
 *   while they are shown, `done`; `undoing` while an undo removes it in batches. `heartbeat_at` tells a running
 *   import from one whose process died, so the next import or the server cleans or finishes it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demo_records')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demo_records_pk', ['entity', 'id'])
    .execute();
  await db.schema.createIndex('demo_records_seq').on('demo_records').column('seq').execute();
  await db.schema
    .alterTable('imports')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('done'))
    .execute();
  await db.schema.alterTable('imports').addColumn('heartbeat_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('heartbeat_at').execute();
  await db.schema.alterTable('imports').dropColumn('state').execute();
  await db.schema.dropTable('demo_records').execute();
}
