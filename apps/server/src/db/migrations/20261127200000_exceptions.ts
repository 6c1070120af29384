import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: the exception register (guide §2.2.2): exceptions on relationships or between stakeholders, the
// stakeholders each involves (for the stakeholder filter), and each status change as a row of history.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id'))
    .addColumn('stakeholder_ids', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('toxic_behaviour', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('severity_rank', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.references('users.id'))
    .addColumn('reporter_hidden', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_on', 'text')
    .addColumn('occurred_on', 'text')
    .addColumn('mediation_notes', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.references('relationship_models.id'))
    .addColumn('model_version', 'integer')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One index per sort, (column, id), carrying the common filters so a page is one walk of the index.
  for (const column of ['created_at', 'due_on', 'severity_rank'] as const) {
    await db.schema
      .createIndex(`exceptions_${column}`)
      .on('exceptions')
      .columns([column, 'id', 'status', 'type', 'severity', 'owner_id'])
      .execute();
  }
  await db.schema
    .createIndex('exceptions_relationship')
    .on('exceptions')
    .columns(['relationship_id', 'created_at', 'id'])
    .execute();
  // Health: the open exceptions of a page of relationships, grouped by severity.
  await db.schema
    .createIndex('exceptions_relationship_status')
    .on('exceptions')
    .columns(['relationship_id', 'status', 'severity'])
    .execute();
  await db.schema.createIndex('exceptions_owner').on('exceptions').columns(['owner_id', 'status']).execute();
  await db.schema
    .createIndex('exceptions_status_due')
    .on('exceptions')
    .columns(['status', 'due_on'])
    .execute();
  await db.schema.createIndex('exceptions_type').on('exceptions').columns(['type', 'created_at']).execute();
  await db.schema.createIndex('exceptions_model').on('exceptions').column('model_id').execute();

  // Every stakeholder an exception involves: those named and the parties of its relationship.
  await db.schema
    .createTable('exception_stakeholders')
    .addColumn('exception_id', 'text', (c) => c.notNull().references('exceptions.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id'))
    .addPrimaryKeyConstraint('exception_stakeholders_pk', ['exception_id', 'stakeholder_id'])
    .execute();
  await db.schema
    .createIndex('exception_stakeholders_stakeholder')
    .on('exception_stakeholders')
    .columns(['stakeholder_id', 'exception_id'])
    .execute();

  await db.schema
    .createTable('exception_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exception_id', 'text', (c) => c.notNull().references('exceptions.id'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('exception_transitions_exception')
    .on('exception_transitions')
    .columns(['exception_id', 'at', 'id'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table exceptions alter column sort_name type text collate "C"`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['exception_transitions', 'exception_stakeholders', 'exceptions']) {
    await db.schema.dropTable(table).execute();
  }
}
