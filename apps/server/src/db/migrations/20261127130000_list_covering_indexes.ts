import type { Kysely } from 'kysely';

// Frozen. Lists filter on archived_at and a few low-cardinality columns and sort by one column. An index that
// starts with (archived_at, sort column, id) and carries the filter columns lets the database walk rows in
// order and test the filters inside the index, stopping after one page, instead of sorting every match.
const filterColumns = ['category', 'scope', 'quadrant', 'salience', 'owner_id'];
const sortColumns = [
  'influence',
  'interest',
  'created_at',
  'updated_at',
  'engagement_gap',
  'last_assessed_at',
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stakeholders_archived_at_name').execute();
  // Name order also carries the search text, so a search is decided inside the index.
  await db.schema
    .createIndex('stakeholders_list_name')
    .on('stakeholders')
    .columns(['archived_at', 'sort_name', 'id', ...filterColumns, 'search_text'])
    .execute();
  for (const column of sortColumns) {
    await db.schema
      .createIndex(`stakeholders_list_${column}`)
      .on('stakeholders')
      .columns(['archived_at', column, 'id', ...filterColumns])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stakeholders_list_name').execute();
  for (const column of sortColumns) await db.schema.dropIndex(`stakeholders_list_${column}`).execute();
  await db.schema
    .createIndex('stakeholders_archived_at_name')
    .on('stakeholders')
    .columns(['archived_at', 'sort_name', 'id'])
    .execute();
}
