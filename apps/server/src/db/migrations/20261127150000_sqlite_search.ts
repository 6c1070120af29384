import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Frozen. SQLite only: a trigram full-text index of the search text, so `q` of three or more characters finds
// its matches without reading every stakeholder (PostgreSQL has its trigram index since the last migration).
// FTS5 rows are keyed by an INTEGER PRIMARY KEY of their own (stable across VACUUM, unlike the implicit rowid
// of a table with a text key), kept in step with `stakeholders` by triggers, whatever code writes the rows.
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`create table stakeholder_search_rows (
      rowid integer primary key,
      stakeholder_id text not null unique)`.execute(db);
  await sql`create virtual table stakeholder_search using fts5(search_text, tokenize = 'trigram')`.execute(
    db,
  );
  await sql`insert into stakeholder_search_rows (stakeholder_id) select id from stakeholders`.execute(db);
  await sql`insert into stakeholder_search (rowid, search_text)
      select r.rowid, s.search_text from stakeholder_search_rows r join stakeholders s on s.id = r.stakeholder_id`.execute(
    db,
  );
  await sql`create trigger stakeholder_search_insert after insert on stakeholders begin
      insert into stakeholder_search_rows (stakeholder_id) values (new.id);
      insert into stakeholder_search (rowid, search_text)
        values ((select rowid from stakeholder_search_rows where stakeholder_id = new.id), new.search_text);
    end`.execute(db);
  await sql`create trigger stakeholder_search_update after update of search_text on stakeholders begin
      update stakeholder_search set search_text = new.search_text
        where rowid = (select rowid from stakeholder_search_rows where stakeholder_id = new.id);
    end`.execute(db);
  await sql`create trigger stakeholder_search_delete after delete on stakeholders begin
      delete from stakeholder_search where rowid = (select rowid from stakeholder_search_rows where stakeholder_id = old.id);
      delete from stakeholder_search_rows where stakeholder_id = old.id;
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  for (const trigger of [
    'stakeholder_search_insert',
    'stakeholder_search_update',
    'stakeholder_search_delete',
  ]) {
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table stakeholder_search`.execute(db);
  await sql`drop table stakeholder_search_rows`.execute(db);
}
