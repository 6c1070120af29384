import { type Kysely, sql } from 'kysely';

// Frozen. Lists show active stakeholders, filter on a few low-cardinality columns and sort by one column. A
// partial index over active rows, ordered by (sort column, id) and carrying the filter columns, lets both
// SQLite and PostgreSQL walk rows in order and test the filters inside the index, stopping after one page,
// instead of sorting every match. (An index led by archived_at does not work for PostgreSQL: IS NULL does not
// fix a column for ordering the way `=` does.)
const filterColumns = ['category', 'scope', 'quadrant', 'salience', 'owner_id'];
const sortColumns = [
  'influence',
  'interest',
  'created_at',
  'updated_at',
  'engagement_gap',
  'last_assessed_at',
];

// They replace the plain (sort column, id) indexes and the (filter column, name) ones, which every write had
// to keep up as well and which tempted the planners into sorting a whole category for one page. A list that
// includes archived records (rare) sorts what it finds instead. The owner index stays: "my stakeholders" is
// selective enough for it to be the right choice.
const replaced = [
  'stakeholders_archived_at_name',
  'stakeholders_category_name',
  'stakeholders_scope_name',
  'stakeholders_quadrant_name',
  'stakeholders_salience_name',
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
    .columns(['sort_name', 'id', ...filterColumns, 'search_text'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  for (const column of sortColumns) {
    await db.schema
      .createIndex(`stakeholders_list_${column}`)
      .on('stakeholders')
      .columns([column, 'id', ...filterColumns])
      .where(sql.ref('archived_at'), 'is', null)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stakeholders_list_name').execute();
  for (const column of sortColumns) await db.schema.dropIndex(`stakeholders_list_${column}`).execute();
  const original: [string, string[]][] = [
    ['stakeholders_archived_at_name', ['archived_at', 'sort_name', 'id']],
    ['stakeholders_category_name', ['category', 'sort_name', 'id']],
    ['stakeholders_scope_name', ['scope', 'sort_name', 'id']],
    ['stakeholders_quadrant_name', ['quadrant', 'sort_name', 'id']],
    ['stakeholders_salience_name', ['salience', 'sort_name', 'id']],
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
