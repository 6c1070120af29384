import { type Kysely, sql } from 'kysely';

// Frozen: groups, links, imports and the derived columns the analysis views filter and sort on.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stakeholders').addColumn('external_ref', 'text').execute();
  await db.schema.alterTable('stakeholders').addColumn('name_key', 'text').execute();
  await db.schema.alterTable('stakeholders').addColumn('engagement_gap', 'integer').execute();
  await db.schema.alterTable('stakeholders').addColumn('last_assessed_at', 'text').execute();
  await sql`update stakeholders set last_assessed_at = (
      select max(a.at) from stakeholder_assessments a where a.stakeholder_id = stakeholders.id)`.execute(db);
  await sql`update stakeholders set engagement_gap = (
      case engagement_desired when 'unaware' then 0 when 'resistant' then 1 when 'neutral' then 2
        when 'supportive' then 3 when 'leading' then 4 end)
    - (case engagement_current when 'unaware' then 0 when 'resistant' then 1 when 'neutral' then 2
        when 'supportive' then 3 when 'leading' then 4 end)`.execute(db);
  await db.schema
    .createIndex('stakeholders_external_ref')
    .on('stakeholders')
    .column('external_ref')
    .execute();
  await db.schema.createIndex('stakeholders_name_key').on('stakeholders').column('name_key').execute();
  await db.schema
    .createIndex('stakeholders_engagement_gap')
    .on('stakeholders')
    .columns(['engagement_gap', 'id'])
    .execute();
  await db.schema
    .createIndex('stakeholders_last_assessed')
    .on('stakeholders')
    .columns(['last_assessed_at', 'id'])
    .execute();

  await db.schema
    .createTable('stakeholder_emails')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('stakeholder_emails_pk', ['email', 'stakeholder_id'])
    .execute();
  await db.schema
    .createIndex('stakeholder_emails_stakeholder')
    .on('stakeholder_emails')
    .column('stakeholder_id')
    .execute();
  await backfillNameKeysAndEmails(db);

  await db.schema
    .createTable('stakeholder_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('key_group', 'integer', (c) => c.notNull())
    .addColumn('reassess_days', 'integer')
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stakeholder_groups_sort_name')
    .on('stakeholder_groups')
    .columns(['sort_name', 'id'])
    .execute();

  await db.schema
    .createTable('stakeholder_group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_groups.id').onDelete('cascade'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id').onDelete('cascade'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stakeholder_group_members_pk', ['group_id', 'stakeholder_id'])
    .execute();
  await db.schema
    .createIndex('stakeholder_group_members_stakeholder')
    .on('stakeholder_group_members')
    .columns(['stakeholder_id', 'group_id'])
    .execute();

  await db.schema
    .createTable('stakeholder_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_id', 'text', (c) => c.notNull().references('stakeholders.id').onDelete('cascade'))
    .addColumn('to_id', 'text', (c) => c.notNull().references('stakeholders.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stakeholder_links_unique', ['from_id', 'to_id', 'type'])
    .execute();
  await db.schema
    .createIndex('stakeholder_links_to')
    .on('stakeholder_links')
    .columns(['to_id', 'type'])
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('created', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema
    .createTable('import_rows')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'stakeholder_id'])
    .execute();

  await db.schema
    .createTable('import_mappings')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('header_key', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_pk', ['user_id', 'header_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'import_mappings',
    'import_rows',
    'imports',
    'stakeholder_links',
    'stakeholder_group_members',
    'stakeholder_groups',
    'stakeholder_emails',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const index of [
    'stakeholders_external_ref',
    'stakeholders_name_key',
    'stakeholders_engagement_gap',
    'stakeholders_last_assessed',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of ['external_ref', 'name_key', 'engagement_gap', 'last_assessed_at']) {
    await db.schema.alterTable('stakeholders').dropColumn(column).execute();
  }
}

// A frozen copy of the name key of 2026-11-27 (shared/name-key.ts may change; this migration may not).
function nameKeyOf(name: string): string {
  const suffixWords = new Set([
    'ltd',
    'limited',
    'inc',
    'co',
    'corp',
    'corporation',
    'llc',
    'gmbh',
    'ag',
    'plc',
    'sa',
    'the',
  ]);
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word && !suffixWords.has(word))
    .sort();
  let key = words.join('');
  for (const suffix of ['股份有限公司', '有限责任公司', '有限公司', '公司', '集团']) {
    if (key.endsWith(suffix) && key.length > suffix.length) {
      key = key.slice(0, -suffix.length);
      break;
    }
  }
  return key;
}

async function backfillNameKeysAndEmails(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows: { id: string; name: string; emails: string }[] = await db
      .selectFrom('stakeholders')
      .select(['id', 'name', 'emails'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      await db
        .updateTable('stakeholders')
        .set({ name_key: nameKeyOf(row.name) })
        .where('id', '=', row.id)
        .execute();
      const emails = [...new Set(JSON.parse(row.emails) as string[])];
      if (emails.length > 0) {
        await db
          .insertInto('stakeholder_emails')
          .values(emails.map((email) => ({ email, stakeholder_id: row.id })))
          .execute();
      }
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
}
