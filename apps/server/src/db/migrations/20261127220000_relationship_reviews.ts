import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: reviews of relationships (the relationship, the period looked back on, the exception that prompted it),
// and lessons learned, searchable and attachable to a relationship model as guidance.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('reviews')
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id'))
    .execute();
  await db.schema.alterTable('reviews').addColumn('period_from', 'text').execute();
  await db.schema.alterTable('reviews').addColumn('period_to', 'text').execute();
  // No foreign key: exceptions are a feature of their own, and an installation may have reviews before them.
  await db.schema.alterTable('reviews').addColumn('trigger_exception_id', 'text').execute();
  // A relationship's reviews, newest first or by date; and "has it a planned review?" for the due list.
  for (const column of ['scheduled_on', 'created_at'] as const) {
    await db.schema
      .createIndex(`reviews_relationship_${column}`)
      .on('reviews')
      .columns(['relationship_id', column, 'id'])
      .execute();
  }
  await db.schema
    .createIndex('reviews_relationship_status')
    .on('reviews')
    .columns(['relationship_id', 'status', 'held_on'])
    .execute();
  // Relationships whose next review date has come: one index range.
  await db.schema
    .createIndex('relationships_next_review')
    .on('relationships')
    .columns(['next_review_on', 'id'])
    .execute();

  await db.schema
    .createTable('lessons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.references('stakeholder_groups.id'))
    .addColumn('model_id', 'text', (c) => c.references('relationship_models.id'))
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id'))
    .addColumn('source_review_id', 'text', (c) => c.references('reviews.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['sort_name', 'created_at'] as const) {
    await db.schema.createIndex(`lessons_${column}`).on('lessons').columns([column, 'id']).execute();
  }
  for (const column of ['group_id', 'model_id', 'relationship_id', 'source_review_id'] as const) {
    await db.schema
      .createIndex(`lessons_${column}`)
      .on('lessons')
      .columns([column, 'created_at', 'id'])
      .execute();
  }
  // Tags, lower-cased, for the `tag` filter.
  await db.schema
    .createTable('lesson_tags')
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id'))
    .addColumn('tag_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_tags_pk', ['tag_key', 'lesson_id'])
    .execute();
  await db.schema.createIndex('lesson_tags_lesson').on('lesson_tags').column('lesson_id').execute();
  // Names sort by code point on PostgreSQL too, as they do on SQLite.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table lessons alter column sort_name type text collate "C"`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lesson_tags').execute();
  await db.schema.dropTable('lessons').execute();
  await db.schema.dropIndex('relationships_next_review').execute();
  for (const index of [
    'reviews_relationship_status',
    'reviews_relationship_created_at',
    'reviews_relationship_scheduled_on',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of ['trigger_exception_id', 'period_to', 'period_from', 'relationship_id']) {
    await db.schema.alterTable('reviews').dropColumn(column).execute();
  }
}
