import { type Kysely, sql } from 'kysely';

// Frozen: the practice's contribution to the six value-chain activities (guide figure 3.1), a configurable
// level per activity, and the indexes the heat map's period counts need on the large tables. An activity
// without a row has the domain reference's default level (contracts `valueChainDefaultLevels`): a migration
// writes no rows, so a freshly migrated database stays empty and a backup can be restored into it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('value_chain_contributions')
    .addColumn('activity', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();

  // Active interactions in a period, with their counterpart: a covering range for "interactions logged" and,
  // tested against the supplier/partner stakeholders, "supplier interactions" (millions of rows).
  await db.schema
    .createIndex('interactions_active_occurred')
    .on('interactions')
    .columns(['occurred_at', 'stakeholder_id'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  // Journey moves, survey answers and follow-ups done grow with the interactions; their period counts need
  // an index led by the time.
  await db.schema.createIndex('relationship_moves_at').on('relationship_moves').column('at').execute();
  await db.schema
    .createIndex('survey_answers_answered_at')
    .on('survey_answers')
    .column('answered_at')
    .execute();
  await db.schema
    .createIndex('follow_ups_done_at')
    .on('follow_ups')
    .column('done_at')
    .where(sql.ref('done_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('follow_ups_done_at').execute();
  await db.schema.dropIndex('survey_answers_answered_at').execute();
  await db.schema.dropIndex('relationship_moves_at').execute();
  await db.schema.dropIndex('interactions_active_occurred').execute();
  await db.schema.dropTable('value_chain_contributions').execute();
}
