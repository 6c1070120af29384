import type { Kysely } from 'kysely';

// Frozen: this file describes the database as it was on 2026-11-27. Change the schema with a new migration.
// Portable types only (text, integer), so SQLite and PostgreSQL hold the same values.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('competencies', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('deactivated_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_sort_name').on('users').columns(['sort_name', 'id']).execute();
  await db.schema.createIndex('users_created_at').on('users').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('users_role').on('users').columns(['role', 'sort_name', 'id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('api_tokens_user')
    .on('api_tokens')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('stakeholders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('stakeholders.id'))
    .addColumn('influence', 'integer', (c) => c.notNull())
    .addColumn('interest', 'integer', (c) => c.notNull())
    .addColumn('quadrant', 'text', (c) => c.notNull())
    .addColumn('power', 'integer', (c) => c.notNull())
    .addColumn('legitimacy', 'integer', (c) => c.notNull())
    .addColumn('urgency', 'integer', (c) => c.notNull())
    .addColumn('salience', 'text', (c) => c.notNull())
    .addColumn('engagement_current', 'text')
    .addColumn('engagement_desired', 'text')
    .addColumn('target_influence', 'integer')
    .addColumn('target_interest', 'integer')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('emails', 'text', (c) => c.notNull())
    .addColumn('phones', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One index per list sort (keyset on sort column + id) and per filter, each ending in the default sort.
  for (const column of ['sort_name', 'created_at', 'updated_at', 'influence', 'interest']) {
    await db.schema
      .createIndex(`stakeholders_${column}`)
      .on('stakeholders')
      .columns([column, 'id'])
      .execute();
  }
  for (const column of ['category', 'scope', 'quadrant', 'salience', 'owner_id', 'archived_at']) {
    await db.schema
      .createIndex(`stakeholders_${column}_name`)
      .on('stakeholders')
      .columns([column, 'sort_name', 'id'])
      .execute();
  }
  await db.schema.createIndex('stakeholders_parent').on('stakeholders').column('parent_id').execute();

  await db.schema
    .createTable('stakeholder_tags')
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stakeholder_tags_pk', ['tag', 'stakeholder_id'])
    .execute();
  await db.schema
    .createIndex('stakeholder_tags_stakeholder')
    .on('stakeholder_tags')
    .column('stakeholder_id')
    .execute();

  await db.schema
    .createTable('stakeholder_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('influence', 'integer', (c) => c.notNull())
    .addColumn('interest', 'integer', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stakeholder_assessments_stakeholder_at')
    .on('stakeholder_assessments')
    .columns(['stakeholder_id', 'at', 'id'])
    .execute();
  await db.schema
    .createIndex('stakeholder_assessments_at')
    .on('stakeholder_assessments')
    .column('at')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity', 'entity_id', 'id'])
    .execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'stakeholder_assessments',
    'stakeholder_tags',
    'stakeholders',
    'api_tokens',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
