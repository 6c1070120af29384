import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: relationships and their journeys (guide §3.2.2): the tailored copy of a model's journey, the steps a
// relationship is in now, every move between steps, and the ticked activities of its checklists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('relationships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id'))
    .addColumn('from_stakeholder_id', 'text', (c) => c.references('stakeholders.id'))
    .addColumn('org_unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('service', 'integer', (c) => c.notNull())
    .addColumn('our_role', 'text')
    .addColumn('characteristics', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text', (c) => c.references('users.id'))
    .addColumn('agent_id', 'text', (c) => c.references('users.id'))
    .addColumn('maturity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('end_note', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.references('relationship_models.id'))
    .addColumn('model_version', 'integer')
    .addColumn('journey', 'text')
    .addColumn('current_steps', 'text', (c) => c.notNull())
    .addColumn('next_review_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['sort_name', 'started_on', 'updated_at'] as const) {
    await db.schema
      .createIndex(`relationships_${column}`)
      .on('relationships')
      .columns([column, 'id'])
      .execute();
  }
  for (const column of [
    'stakeholder_id',
    'from_stakeholder_id',
    'manager_id',
    'agent_id',
    'model_id',
  ] as const) {
    await db.schema
      .createIndex(`relationships_${column}`)
      .on('relationships')
      .columns([column, 'sort_name', 'id'])
      .execute();
  }
  await db.schema
    .createIndex('relationships_status')
    .on('relationships')
    .columns(['status', 'sort_name', 'id'])
    .execute();

  await db.schema
    .createTable('relationship_positions')
    .addColumn('relationship_id', 'text', (c) => c.notNull().references('relationships.id'))
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relationship_positions_pk', ['relationship_id', 'step_key'])
    .execute();
  await db.schema
    .createIndex('relationship_positions_step')
    .on('relationship_positions')
    .columns(['step_key', 'relationship_id'])
    .execute();

  await db.schema
    .createTable('relationship_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('relationship_id', 'text', (c) => c.notNull().references('relationships.id'))
    .addColumn('from_steps', 'text', (c) => c.notNull())
    .addColumn('to_steps', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('relationship_moves_relationship')
    .on('relationship_moves')
    .columns(['relationship_id', 'at', 'id'])
    .execute();

  await db.schema
    .createTable('relationship_checklist')
    .addColumn('relationship_id', 'text', (c) => c.notNull().references('relationships.id'))
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('activity_key', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relationship_checklist_pk', ['relationship_id', 'step_key', 'activity_key'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table relationships alter column sort_name type text collate "C"`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'relationship_checklist',
    'relationship_moves',
    'relationship_positions',
    'relationships',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
