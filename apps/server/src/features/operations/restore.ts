import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { migrateTo, migrateToLatest, migrationNames } from '../../db/migrate.js';
import { checkpointWal } from '../../db/wal.js';
import { appliedMigrations, type Progress, sqliteFileSource } from './backup.js';
import { BackupError, type BackupHeader, type BackupSource, backupFileSource } from './backup-format.js';
import { readCatalog, type TableInfo } from './catalog.js';

// biome-ignore lint/suspicious/noExplicitAny: restore writes whatever tables the backup holds
type AnyDb = Kysely<any>;

export interface RestoreOptions {
  /** Replace whatever the database holds (its tables are emptied inside the restoring transaction). */
  force?: boolean;
  progress?: Progress;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  migratedAfter: string[];
}

/** `FILE.db` is read as a SQLite database (an online backup); anything else as the portable format. */
export const sourceOf = (file: string): BackupSource =>
  file.endsWith('.db') ? sqliteFileSource(file) : backupFileSource(file);

/**
 * Restores a backup. The whole file is read and checked first (header, migrations, closing line, counts,
 * digest), then the database's emptiness, so a refusal writes nothing; the schema is brought to the backup's
 * migration level, every row is written in one transaction, and later migrations run afterwards.
 */
export async function restoreDatabase(
  database: Database,
  source: BackupSource,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const progress = options.progress ?? (() => {});
  let header: BackupHeader | null = null;
  const backupTables: { name: string; columns: string[] }[] = [];
  await source((event) => {
    if (event.kind === 'header') header = event.header;
    if (event.kind === 'table') backupTables.push({ name: event.table, columns: event.columns });
  });
  const found = header as BackupHeader | null;
  if (!found) throw new BackupError('The backup has no header.');
  checkMigrations(found.migrations);

  const before = await readCatalog(database.db, database.dialect, database.schema);
  if (!options.force) {
    const filled = await tablesWithRows(database.db, before);
    if (filled.length > 0)
      throw new BackupError(
        `The database is not empty (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''} have rows). ` +
          'Restore into an empty database, or add --force to replace everything in it.',
      );
  }

  const applied = await appliedMigrations(database.db);
  const level = found.migrations[found.migrations.length - 1] as string;
  if (applied.join('\n') !== found.migrations.join('\n')) await migrateTo(database, level);

  const catalog = await readCatalog(database.db, database.dialect, database.schema);
  const byName = new Map(catalog.map((table) => [table.name, table]));
  for (const table of backupTables) {
    const target = byName.get(table.name);
    if (!target) throw new BackupError(`The backup has a table ${table.name} this database does not have.`);
    const missing = table.columns.filter((column) => !target.columns.includes(column));
    if (missing.length > 0)
      throw new BackupError(
        `Table ${table.name} of the backup has columns this database lacks: ${missing.join(', ')}`,
      );
  }

  let rows = 0;
  await database.db.transaction().execute(async (trx) => {
    if (database.dialect === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
    if (options.force) await emptyTables(trx, database.dialect, catalog);
    rows = await load(trx, database.dialect === 'postgres', byName, source, progress);
  });

  const migratedAfter = await migrateToLatest(database);
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);
  // The restore wrote every row through the WAL: fold it into the database and empty it now.
  await checkpointWal(database.db);
  return { tables: backupTables.length, rows, migratedAfter };
}

function checkMigrations(names: string[]) {
  const known = migrationNames();
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new BackupError(
      `This backup was made by a newer version of Rapport: it has migrations this version does not know ` +
        `(${unknown.join(', ')}). Upgrade Rapport, then restore.`,
    );
  if (names.some((name, index) => known[index] !== name))
    throw new BackupError(
      `The backup's migrations (${names.join(', ')}) are not a leading part of this version's; it cannot be restored here.`,
    );
}

async function tablesWithRows(db: AnyDb, tables: TableInfo[]): Promise<string[]> {
  const filled: string[] = [];
  for (const table of tables) {
    const row = await db.selectFrom(table.name).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) filled.push(table.name);
  }
  return filled;
}

/** Inside the restoring transaction: PostgreSQL truncates all at once; SQLite defers its key checks to commit. */
async function emptyTables(trx: AnyDb, dialect: Database['dialect'], catalog: TableInfo[]) {
  if (catalog.length === 0) return;
  if (dialect === 'postgres') {
    await sql`truncate table ${sql.join(catalog.map((table) => sql.table(table.name)))}`.execute(trx);
    return;
  }
  for (const table of [...catalog].reverse()) await trx.deleteFrom(table.name).execute();
}

interface Deferred {
  table: TableInfo;
  column: string;
  /** [primary key values…, value] of each row whose reference is written after every table is in. */
  pending: unknown[][];
}

/**
 * Writes every row in the file's order (referenced tables first). On PostgreSQL, whose keys are checked per
 * statement, a reference to a table not written yet (a parent in the same table, say) is written as null and
 * set once every row is in; SQLite checks keys at commit (`defer_foreign_keys`).
 */
async function load(
  trx: AnyDb,
  deferKeys: boolean,
  tables: Map<string, TableInfo>,
  source: BackupSource,
  progress: Progress,
): Promise<number> {
  const written = new Set<string>();
  const deferred: Deferred[] = [];
  let table: TableInfo | null = null;
  let columns: string[] = [];
  let later: { index: number; entry: Deferred }[] = [];
  let keyIndexes: number[] = [];
  let batch: Record<string, unknown>[] = [];
  let batchSize = 1;
  let tableRows = 0;
  let rows = 0;

  const flush = async () => {
    if (!table || batch.length === 0) return;
    await trx.insertInto(table.name).values(batch).execute();
    batch = [];
  };
  const finishTable = async () => {
    await flush();
    if (table) {
      written.add(table.name);
      progress(`${table.name}: ${tableRows} rows`);
    }
  };

  await source(async (event) => {
    if (event.kind === 'table') {
      await finishTable();
      table = tables.get(event.table) as TableInfo;
      columns = event.columns;
      tableRows = 0;
      // Both databases take at least 32,766 parameters per statement; stay well below.
      batchSize = Math.max(1, Math.min(500, Math.floor(20_000 / columns.length)));
      keyIndexes = table.primaryKey.map((key) => columns.indexOf(key));
      later = [];
      if (deferKeys) {
        for (const key of table.foreignKeys) {
          if (written.has(key.table)) continue;
          for (const column of key.columns) {
            const index = columns.indexOf(column);
            if (index < 0 || later.some((entry) => entry.index === index)) continue;
            if (table.notNull.has(column))
              throw new BackupError(
                `${table.name}.${column} refers to a table restored later and cannot be null.`,
              );
            const entry: Deferred = { table, column, pending: [] };
            deferred.push(entry);
            later.push({ index, entry });
          }
        }
      }
      return;
    }
    if (event.kind !== 'row' || !table) return;
    const values = [...event.values];
    for (const { index, entry } of later) {
      if (values[index] === null) continue;
      entry.pending.push([...keyIndexes.map((key) => values[key]), values[index]]);
      values[index] = null;
    }
    const row: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      row[column] = values[index];
    });
    batch.push(row);
    tableRows += 1;
    rows += 1;
    if (batch.length >= batchSize) await flush();
  });
  await finishTable();

  for (const entry of deferred) {
    const keys = entry.table.primaryKey;
    for (let start = 0; start < entry.pending.length; start += 200) {
      const chunk = entry.pending.slice(start, start + 200);
      const match = (values: unknown[]) =>
        sql.join(
          keys.map((key, index) => sql`${sql.ref(key)} = ${values[index]}`),
          sql` and `,
        );
      const cases = sql.join(
        chunk.map((values) => sql`when ${match(values)} then ${values[keys.length]}`),
        sql` `,
      );
      await trx
        .updateTable(entry.table.name)
        .set({ [entry.column]: sql`case ${cases} end` })
        .where(
          sql<boolean>`${sql.join(
            chunk.map((values) => sql`(${match(values)})`),
            sql` or `,
          )}`,
        )
        .execute();
    }
  }
  return rows;
}
