import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type QueryExecutorProvider, SqliteDialect, sql } from 'kysely';
import type { Database, Dialect } from '../../db/database.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupEvent,
  type BackupSource,
  createBackupWriter,
} from './backup-format.js';
import { readCatalog, type TableInfo } from './catalog.js';

// biome-ignore lint/suspicious/noExplicitAny: backup reads whatever tables the catalog lists
type AnyDb = Kysely<any>;

/** Rows read per query: keyset pages by primary key, so memory holds one page whatever the table's size. */
const PAGE = 1000;

export type Progress = (line: string) => void;

export interface BackupSummary {
  file: string;
  kind: 'portable' | 'sqlite-file';
  tables: number;
  rows: number;
}

/**
 * Backs up the database while Rapport may be running. `FILE.db` of a SQLite database is SQLite's online backup
 * (a copy of the database file, page by page); any other name is the portable format both dialects read.
 */
export async function backupDatabase(database: Database, file: string, progress: Progress = () => {}) {
  // A backup into a folder that does not exist yet makes the folder, as `cp` users expect of a backup tool; an
  // error here (a file in the way, no permission) is thrown before any transaction is open.
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (file.endsWith('.db')) {
    const sqlitePath = database.sqliteFile;
    if (!sqlitePath || sqlitePath === ':memory:')
      throw new BackupError(
        'A .db backup is a SQLite file copy: only for a SQLite database. Use FILE.jsonl.gz.',
      );
    return sqliteOnlineBackup(sqlitePath, file, progress);
  }
  const writer = createBackupWriter(file);
  let tables = 0;
  let rows = 0;
  try {
    await dumpDatabase(
      database.db,
      database.dialect,
      database.schema,
      async (event) => {
        if (event.kind === 'table') tables += 1;
        if (event.kind === 'row') rows += 1;
        await writer.write(event);
      },
      progress,
    );
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return { file, kind: 'portable', tables, rows } satisfies BackupSummary;
}

async function sqliteOnlineBackup(source: string, file: string, progress: Progress): Promise<BackupSummary> {
  const connection = new SQLite(source, { readonly: true, fileMustExist: true });
  let reported = -1;
  try {
    await connection.backup(`${file}.partial`, {
      progress: ({ totalPages, remainingPages }) => {
        const percent = Math.floor(((totalPages - remainingPages) / Math.max(totalPages, 1)) * 10) * 10;
        if (percent > reported) progress(`copied ${percent}% of ${totalPages} pages`);
        reported = Math.max(reported, percent);
        // The rest in one step: in WAL mode the server keeps writing meanwhile, and a copy made in many small
        // steps would start again after each of its writes.
        return 1_000_000_000;
      },
    });
  } finally {
    connection.close();
  }
  fs.renameSync(`${file}.partial`, file);
  const copy = sqliteFileSource(file);
  let tables = 0;
  let rows = 0;
  await copy((event) => {
    if (event.kind === 'table') tables += 1;
    if (event.kind === 'row') rows += 1;
  });
  return { file: path.resolve(file), kind: 'sqlite-file', tables, rows };
}

/**
 * Plays every table of the database as backup events, from one consistent snapshot: on PostgreSQL a
 * REPEATABLE READ READ ONLY transaction, on SQLite a read transaction (in WAL mode the server keeps writing).
 */
export async function dumpDatabase(
  db: AnyDb,
  dialect: Dialect,
  schema: string | undefined,
  emit: (event: BackupEvent) => Promise<void> | void,
  progress: Progress = () => {},
  /** Which tables to play (all by default); the organisation export leaves out secrets and machine state. */
  include: (table: string) => boolean = () => true,
): Promise<void> {
  const read = async (trx: AnyDb) => {
    const migrations = await appliedMigrations(trx);
    await emit({
      kind: 'header',
      header: {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        migrations,
        createdAt: new Date().toISOString(),
        dialect,
      },
    });
    const counts: Record<string, number> = {};
    for (const table of await readCatalog(trx, dialect, schema)) {
      if (!include(table.name)) continue;
      counts[table.name] = await dumpTable(trx, table, emit);
      progress(`${table.name}: ${counts[table.name]} rows`);
    }
    await emit({ kind: 'end', tables: counts });
  };
  if (dialect === 'postgres') {
    await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
  } else {
    // Read only: a snapshot beside the writers, never their write lock (db/sqlite-writer.ts).
    await db.transaction().setAccessMode('read only').execute(read);
  }
}

async function dumpTable(
  trx: AnyDb,
  table: TableInfo,
  emit: (event: BackupEvent) => Promise<void> | void,
): Promise<number> {
  if (table.primaryKey.length === 0)
    throw new BackupError(`Table ${table.name} has no primary key, so it cannot be read page by page.`);
  await emit({ kind: 'table', table: table.name, columns: table.columns });
  const keyIndexes = table.primaryKey.map((key) => table.columns.indexOf(key));
  let after: unknown[] | null = null;
  let count = 0;
  for (;;) {
    const keys = sql.join(table.primaryKey.map((key) => sql.ref(key)));
    const last = after;
    let query = trx
      .selectFrom(table.name)
      .select(table.columns.map((column) => sql.ref(column).as(column)))
      .$if(last !== null, (query) =>
        query.where(sql<boolean>`(${keys}) > (${sql.join((last ?? []).map((value) => sql`${value}`))})`),
      )
      .limit(PAGE);
    for (const key of table.primaryKey) query = query.orderBy(sql.ref(key));
    const page = await query.execute();
    for (const row of page as Record<string, unknown>[]) {
      await emit({ kind: 'row', values: table.columns.map((column) => row[column] ?? null) });
    }
    count += page.length;
    if (page.length < PAGE) return count;
    const lastRow = page[page.length - 1] as Record<string, unknown>;
    after = keyIndexes.map((index) => lastRow[table.columns[index] as string]);
  }
}

export async function appliedMigrations(db: QueryExecutorProvider): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return rows.map((row) => row.name);
  } catch {
    return [];
  }
}

/** A SQLite database file (an online backup) read as backup events, without changing it. */
export function sqliteFileSource(file: string): BackupSource {
  return async (emit) => {
    let connection: SQLite.Database;
    try {
      connection = new SQLite(file, { readonly: true, fileMustExist: true });
      const check = connection.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    } catch (error) {
      throw new BackupError(`${file} is not a readable SQLite database (${(error as Error).message}).`);
    }
    const db: AnyDb = new Kysely({ dialect: new SqliteDialect({ database: connection }) });
    try {
      await dumpDatabase(db, 'sqlite', undefined, emit);
    } finally {
      await db.destroy();
    }
  };
}
