import type { Kysely } from 'kysely';

// Frozen: KPI settings (the target of each KPI, versioned) and the values of manual KPIs entered per period.
// The indexes the KPI aggregates need on existing tables are added here too.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kpi_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('target', 'double precision')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('kpi_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    // The inclusive days the value describes.
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kpi_entries_key')
    .on('kpi_entries')
    .columns(['key', 'period_to', 'id'])
    .execute();

  // The KPIs that look at every relationship open at a day read this index alone (SQLite keeps long rows,
  // with their journey, in overflow pages; a covering index avoids reading them).
  await db.schema
    .createIndex('relationships_kpi')
    .on('relationships')
    .columns([
      'started_on',
      'ended_on',
      'archived_at',
      'status',
      'model_id',
      'contact_every_days',
      'last_contact_at',
      'manager_id',
      'org_unit_id',
      'stakeholder_id',
      'id',
    ])
    .execute();
  // "An interaction of this relationship between two times" answered from the index alone.
  await db.schema
    .createIndex('interactions_relationship_kpi')
    .on('interactions')
    .columns(['relationship_id', 'occurred_at', 'archived_at'])
    .execute();
  // Relationships ended in a period, by reason.
  await db.schema
    .createIndex('relationships_ended_on')
    .on('relationships')
    .columns(['ended_on', 'end_reason', 'id'])
    .execute();
  // Relationship reviews by the day they were due.
  await db.schema
    .createIndex('reviews_subject_scheduled')
    .on('reviews')
    .columns(['subject', 'scheduled_on', 'status', 'held_on'])
    .execute();
  // Exceptions by the day they were due.
  await db.schema
    .createIndex('exceptions_due_on_kpi')
    .on('exceptions')
    .columns(['due_on', 'resolved_at', 'type'])
    .execute();
  // Survey answers of a kind in a period.
  await db.schema
    .createIndex('survey_answers_kind_answered')
    .on('survey_answers')
    .columns(['kind', 'answered_at', 'stakeholder_id', 'csat', 'nps', 'score'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'relationships_kpi',
    'interactions_relationship_kpi',
    'relationships_ended_on',
    'reviews_subject_scheduled',
    'exceptions_due_on_kpi',
    'survey_answers_kind_answered',
  ]) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  await db.schema.dropTable('kpi_entries').execute();
  await db.schema.dropTable('kpi_settings').execute();
}
