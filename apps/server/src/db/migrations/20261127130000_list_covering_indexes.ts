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

// They replace the plain (sort column, id) indexes, which every write had to keep up as well; a list that
// includes archived records (rare) sorts what it finds instead.
const replaced = [
  'stakeholders_archived_at_name',
  'stakeholders_sort_name',
  'stakeholders_created_at',
  'stakeholders_updated_at',
  'stakeholders_influence',
  'stakeholders_interest',
  'stakeholders_engagement_gap',
  'stakeholders_last_assessed',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const index of replaced) await db.schema.dropIndex(index).execute();
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
  const original: [string, string[]][] = [
    ['stakeholders_archived_at_name', ['archived_at', 'sort_name', 'id']],
    ['stakeholders_sort_name', ['sort_name', 'id']],
    ['stakeholders_created_at', ['created_at', 'id']],
    ['stakeholders_updated_at', ['updated_at', 'id']],
    ['stakeholders_influence', ['influence', 'id']],
    ['stakeholders_interest', ['interest', 'id']],
    ['stakeholders_engagement_gap', ['engagement_gap', 'id']],
    ['stakeholders_last_assessed', ['last_assessed_at', 'id']],
  ];
  for (const [name, columns] of original)
    await db.schema.createIndex(name).on('stakeholders').columns(columns).execute();
}
