import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen. PostgreSQL only (SQLite already compares bytes and has no trigram index):
// - names sort by code point ("C" collation), as on SQLite, and faster than a locale's collation;
// - a trigram index lets `search_text LIKE '%…%'` find matches without reading every row. pg_trgm ships with
//   PostgreSQL but creating an extension may need privileges: without them search still works, only slower.
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of ['stakeholders', 'users', 'stakeholder_groups']) {
    await sql`alter table ${sql.table(table)} alter column sort_name type text collate "C"`.execute(db);
  }
  await sql`savepoint rapport_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index stakeholders_search_trgm on stakeholders using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
    await sql`release savepoint rapport_trgm`.execute(db);
  } catch {
    await sql`rollback to savepoint rapport_trgm`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index if exists stakeholders_search_trgm`.execute(db);
  for (const table of ['stakeholders', 'users', 'stakeholder_groups']) {
    await sql`alter table ${sql.table(table)} alter column sort_name type text collate "default"`.execute(db);
  }
}
