import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../db/database.js';

/** One table of Rapport's data as the database catalog describes it. */
export interface TableInfo {
  name: string;
  columns: string[];
  notNull: Set<string>;
  primaryKey: string[];
  /** Foreign keys: the columns and the table they point at (possibly the table itself). */
  foreignKeys: { columns: string[]; table: string }[];
}

// biome-ignore lint/suspicious/noExplicitAny: the catalog is read whatever tables exist
type AnyDb = Kysely<any>;

/** Kysely's own bookkeeping, never backed up: the backup header carries the migration names instead. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * Rapport's data tables, read from the catalog so tables added by later migrations are included without a list
 * to keep. Left out: the migrator's tables, SQLite's internal ones, and FTS5 search tables with their shadow
 * and row-key tables (`stakeholder_search*`), which triggers rebuild from `stakeholders` on restore.
 * The answer is in dependency order (referenced tables first, then by name), so a restore rarely defers a key.
 */
export async function readCatalog(db: AnyDb, dialect: Dialect, schema = 'public'): Promise<TableInfo[]> {
  const tables = dialect === 'sqlite' ? await sqliteCatalog(db) : await postgresCatalog(db, schema);
  return dependencyOrder(tables);
}

async function sqliteCatalog(db: AnyDb): Promise<TableInfo[]> {
  const { rows } = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master where type = 'table' order by name`.execute(db);
  const virtual = rows
    .filter((row) => /^create\s+virtual\s+table/i.test(row.sql ?? ''))
    .map((row) => row.name);
  const names = rows
    .map((row) => row.name)
    .filter(
      (name) =>
        !MIGRATOR_TABLES.has(name) &&
        !name.startsWith('sqlite_') &&
        !virtual.some((v) => name === v || name.startsWith(`${v}_`)),
    );
  const tables: TableInfo[] = [];
  for (const name of names) {
    const columns = await sql<{ name: string; notnull: number; pk: number }>`
      select name, "notnull", pk from pragma_table_info(${name}) order by cid`.execute(db);
    const keys = await sql<{ id: number; seq: number; table: string; from: string }>`
      select id, seq, "table", "from" from pragma_foreign_key_list(${name}) order by id, seq`.execute(db);
    const byId = new Map<number, { columns: string[]; table: string }>();
    for (const key of keys.rows) {
      const entry = byId.get(key.id) ?? { columns: [], table: key.table };
      entry.columns.push(key.from);
      byId.set(key.id, entry);
    }
    tables.push({
      name,
      columns: columns.rows.map((column) => column.name),
      notNull: new Set(columns.rows.filter((column) => column.notnull || column.pk).map((c) => c.name)),
      primaryKey: columns.rows
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      foreignKeys: [...byId.values()],
    });
  }
  return tables;
}

async function postgresCatalog(db: AnyDb, schema: string): Promise<TableInfo[]> {
  const columns = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
    select table_name, column_name, is_nullable from information_schema.columns
    where table_schema = ${schema} order by table_name, ordinal_position`.execute(db);
  const baseTables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = ${schema} and table_type = 'BASE TABLE'`.execute(db);
  const constraints = await sql<{ table: string; kind: string; ref: string | null; columns: string[] }>`
    select t.relname as "table", c.contype as kind, r.relname as ref,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, ord)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord) as columns
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    left join pg_class r on r.oid = c.confrelid
    where n.nspname = ${schema} and c.contype in ('p', 'f')
    order by t.relname, c.conname`.execute(db);
  const names = baseTables.rows.map((row) => row.table_name).filter((name) => !MIGRATOR_TABLES.has(name));
  return names.sort().map((name) => {
    const own = columns.rows.filter((row) => row.table_name === name);
    const keys = constraints.rows.filter((row) => row.table === name);
    return {
      name,
      columns: own.map((row) => row.column_name),
      notNull: new Set(own.filter((row) => row.is_nullable === 'NO').map((row) => row.column_name)),
      primaryKey: keys.find((key) => key.kind === 'p')?.columns ?? [],
      foreignKeys: keys
        .filter((key) => key.kind === 'f' && key.ref)
        .map((key) => ({ columns: key.columns, table: key.ref as string })),
    };
  });
}

/** Referenced tables before the tables that reference them; a cycle (none today) is broken by name. */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const remaining = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining.values()].filter((table) =>
      table.foreignKeys.every((key) => key.table === table.name || !remaining.has(key.table)),
    );
    const next = ready.length > 0 ? ready : [[...remaining.values()].sort(byName)[0] as TableInfo];
    for (const table of next.sort(byName)) {
      ordered.push(table);
      remaining.delete(table.name);
    }
  }
  return ordered;
}

const byName = (a: TableInfo, b: TableInfo) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
