import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: the common approach to relationships (guide §3.2.1): org units, culture assessments, principles and
// relationship models with their versions, training materials with acknowledgements, reviews, improvements.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_units_sort_name').on('org_units').columns(['sort_name', 'id']).execute();
  await db.schema.createIndex('org_units_created_at').on('org_units').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();

  await db.schema
    .alterTable('stakeholders')
    .addColumn('org_unit_id', 'text', (c) => c.references('org_units.id'))
    .execute();
  await db.schema.createIndex('stakeholders_org_unit').on('stakeholders').column('org_unit_id').execute();

  await db.schema
    .createTable('culture_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('dominant_type', 'text', (c) => c.notNull())
    .addColumn('toxic_behaviours', 'text', (c) => c.notNull())
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('risks', 'text', (c) => c.notNull())
    .addColumn('strategic_requirements', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('culture_assessments_assessed_on')
    .on('culture_assessments')
    .columns(['assessed_on', 'id'])
    .execute();
  await db.schema
    .createIndex('culture_assessments_sort_name')
    .on('culture_assessments')
    .columns(['sort_name', 'id'])
    .execute();
  await db.schema
    .createIndex('culture_assessments_org_unit')
    .on('culture_assessments')
    .columns(['org_unit_id', 'assessed_on', 'id'])
    .execute();

  for (const [head, versions] of [
    ['principles', 'principle_versions'],
    ['relationship_models', 'relationship_model_versions'],
  ] as const) {
    await db.schema
      .createTable(head)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('sort_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('current_version', 'integer', (c) => c.notNull())
      .addColumn('agreed_version', 'integer')
      .addColumn('agreed_at', 'text')
      .addColumn('agreed_by', 'text', (c) => c.references('users.id'))
      .addColumn('proposed_at', 'text')
      .addColumn('next_review_on', 'text')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('archived_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    for (const column of ['sort_name', 'updated_at', 'next_review_on'] as const) {
      await db.schema.createIndex(`${head}_${column}`).on(head).columns([column, 'id']).execute();
    }
    await db.schema.createIndex(`${head}_status`).on(head).column('status').execute();

    await db.schema
      .createTable(versions)
      .addColumn('document_id', 'text', (c) => c.notNull().references(`${head}.id`))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('change_note', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('proposed_by', 'text', (c) => c.references('users.id'))
      .addColumn('proposed_at', 'text')
      .addColumn('agreed_by', 'text', (c) => c.references('users.id'))
      .addColumn('agreed_at', 'text')
      .addColumn('agreement_note', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .addColumn('retirement_note', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${versions}_pk`, ['document_id', 'number'])
      .execute();
  }

  await db.schema
    .createTable('relationship_model_groups')
    .addColumn('model_id', 'text', (c) => c.notNull().references('relationship_models.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_groups.id'))
    .addPrimaryKeyConstraint('relationship_model_groups_pk', ['model_id', 'group_id'])
    .execute();
  await db.schema
    .createIndex('relationship_model_groups_group')
    .on('relationship_model_groups')
    .columns(['group_id', 'model_id'])
    .execute();

  await db.schema
    .createTable('materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('principle_id', 'text', (c) => c.references('principles.id'))
    .addColumn('model_id', 'text', (c) => c.references('relationship_models.id'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['sort_name', 'updated_at'] as const) {
    await db.schema.createIndex(`materials_${column}`).on('materials').columns([column, 'id']).execute();
  }
  await db.schema.createIndex('materials_principle').on('materials').column('principle_id').execute();
  await db.schema.createIndex('materials_model').on('materials').column('model_id').execute();

  await db.schema
    .createTable('material_acknowledgements')
    .addColumn('material_id', 'text', (c) => c.notNull().references('materials.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('material_acknowledgements_pk', ['material_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('material_acknowledgements_user')
    .on('material_acknowledgements')
    .columns(['user_id', 'material_id'])
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('trigger_note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scheduled_on', 'text')
    .addColumn('held_on', 'text')
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('lessons_learned', 'text', (c) => c.notNull())
    .addColumn('satisfaction', 'integer')
    .addColumn('effective', 'integer')
    .addColumn('communicated_to', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['scheduled_on', 'held_on', 'created_at'] as const) {
    await db.schema.createIndex(`reviews_${column}`).on('reviews').columns([column, 'id']).execute();
  }
  await db.schema
    .createIndex('reviews_subject_status')
    .on('reviews')
    .columns(['subject', 'status', 'scheduled_on'])
    .execute();
  await db.schema.createIndex('reviews_status').on('reviews').columns(['status', 'scheduled_on']).execute();

  await db.schema
    .createTable('improvements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('expected_benefit', 'text', (c) => c.notNull())
    .addColumn('realised_benefit', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['sort_name', 'due_on', 'created_at'] as const) {
    await db.schema
      .createIndex(`improvements_${column}`)
      .on('improvements')
      .columns([column, 'id'])
      .execute();
  }
  await db.schema
    .createIndex('improvements_source')
    .on('improvements')
    .columns(['source_type', 'source_id'])
    .execute();
  await db.schema.createIndex('improvements_owner').on('improvements').column('owner_id').execute();
  await db.schema.createIndex('improvements_status').on('improvements').column('status').execute();

  // Names sort by code point on PostgreSQL too, as they do on SQLite (see 20261127140000_postgres_search).
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of sortedTables) {
      await sql`alter table ${sql.table(table)} alter column sort_name type text collate "C"`.execute(db);
    }
  }
}

const sortedTables = [
  'org_units',
  'culture_assessments',
  'principles',
  'relationship_models',
  'materials',
  'reviews',
  'improvements',
];

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'improvements',
    'reviews',
    'material_acknowledgements',
    'materials',
    'relationship_model_groups',
    'relationship_model_versions',
    'relationship_models',
    'principle_versions',
    'principles',
    'culture_assessments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('stakeholders_org_unit').execute();
  await db.schema.alterTable('stakeholders').dropColumn('org_unit_id').execute();
  await db.schema.dropTable('org_units').execute();
}
