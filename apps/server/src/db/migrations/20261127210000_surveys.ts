import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: surveys by link (SPEC §6): satisfaction (CSAT, NPS) and climate surveys, invitations holding only the
// SHA-256 digest of their single-use token, and answers stored once per invitation.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('low_score_threshold', 'integer')
    .addColumn('expires_after_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['sort_name', 'created_at'] as const) {
    await db.schema
      .createIndex(`surveys_${column}`)
      .on('surveys')
      .columns([column, 'id', 'kind', 'status'])
      .execute();
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table surveys alter column sort_name type text collate "C"`.execute(db);
  }

  await db.schema
    .createTable('survey_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id'))
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id'))
    .addColumn('group_id', 'text', (c) => c.references('stakeholder_groups.id'))
    // The token itself is never stored: only its SHA-256 digest (hex), unique so a lookup is one index probe.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_invitations_survey')
    .on('survey_invitations')
    .columns(['survey_id', 'id'])
    .execute();
  await db.schema
    .createIndex('survey_invitations_relationship')
    .on('survey_invitations')
    .columns(['relationship_id', 'survey_id'])
    .execute();
  await db.schema
    .createIndex('survey_invitations_stakeholder')
    .on('survey_invitations')
    .columns(['stakeholder_id', 'survey_id'])
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Unique: an invitation is answered once, even by two requests at the same moment.
    .addColumn('invitation_id', 'text', (c) => c.notNull().unique().references('survey_invitations.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id'))
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('csat', 'integer')
    .addColumn('nps', 'integer')
    .addColumn('score', 'integer')
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_answers_survey')
    .on('survey_answers')
    .columns(['survey_id', 'answered_at', 'id'])
    .execute();
  // The health signal and the relationship's own view: answers of one relationship in a period.
  await db.schema
    .createIndex('survey_answers_relationship')
    .on('survey_answers')
    .columns(['relationship_id', 'answered_at', 'kind', 'csat', 'nps'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['survey_answers', 'survey_invitations', 'surveys']) {
    await db.schema.dropTable(table).execute();
  }
}
