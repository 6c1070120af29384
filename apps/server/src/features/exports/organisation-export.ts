import { once } from 'node:events';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { type Kysely, Kysely as KyselyClass, SqliteDialect, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { dumpDatabase, type Progress } from '../operations/backup.js';
import { BackupError } from '../operations/backup-format.js';
import { readCatalog } from '../operations/catalog.js';
import { type RestoreSummary, restoreDatabase } from '../operations/restore.js';
import { createExportWriter, exportFileSource } from './organisation-export-format.js';
import { isOrganisationTable } from './organisation-tables.js';

// biome-ignore lint/suspicious/noExplicitAny: the export reads whatever tables the catalog lists
type AnyDb = Kysely<any>;

/**
 * Plays the organisation's tables into `write` as one JSON document, from one consistent snapshot. On a SQLite
 * file it reads through a read-only connection of its own, so a long download never holds the server's
 * connection (WAL lets the server keep writing meanwhile).
 */
export async function exportOrganisation(
  database: Database,
  write: (text: string) => Promise<void>,
  progress: Progress = () => {},
): Promise<void> {
  const emit = createExportWriter(write);
  const file = database.sqliteFile;
  if (database.dialect === 'sqlite' && file && file !== ':memory:') {
    const connection = new SQLite(file, { readonly: true, fileMustExist: true });
    const db: AnyDb = new KyselyClass({ dialect: new SqliteDialect({ database: connection }) });
    try {
      await dumpDatabase(db, 'sqlite', undefined, emit, progress, isOrganisationTable);
    } finally {
      await db.destroy();
    }
    return;
  }
  await dumpDatabase(database.db, database.dialect, database.schema, emit, progress, isOrganisationTable);
}

/** Writes the export to a file (via `FILE.partial`, renamed when complete, as backups are). */
export async function exportOrganisationToFile(
  database: Database,
  file: string,
  progress: Progress = () => {},
) {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  try {
    await exportOrganisation(
      database,
      async (text) => {
        if (!out.write(text)) await once(out, 'drain');
      },
      progress,
    );
    out.end();
    await once(out, 'finish');
    fs.renameSync(partial, file);
  } catch (error) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * The tables whose rows show that an instance is in use: every record is written by a user (and audited), or
 * concerns a stakeholder. Other tables may hold rows in a new instance — reference rows a migration writes, a
 * scheduler's bookkeeping — which the import replaces.
 */
const DATA_ROOTS = ['users', 'stakeholders', 'audit_log'];

async function tablesWithRows(db: AnyDb, names: string[]): Promise<string[]> {
  const filled: string[] = [];
  for (const name of names) {
    const row = await db.selectFrom(name).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) filled.push(name);
  }
  return filled;
}

/**
 * Imports an export into an instance that holds no organisation data, through the restore machinery: the whole
 * file is read and checked first (format, schema not newer, every row's width, counts, checksum), the schema is
 * brought to the export's level, every row is written in one transaction, then later migrations run.
 * Rows an unused instance may already hold (a migration's reference rows, a scheduler's runs) are replaced.
 */
export async function importOrganisation(
  database: Database,
  file: string,
  progress: Progress = () => {},
): Promise<RestoreSummary> {
  const catalog = await readCatalog(database.db, database.dialect, database.schema);
  const present = new Set(catalog.map((table) => table.name));
  const filled = await tablesWithRows(
    database.db,
    DATA_ROOTS.filter((name) => present.has(name)),
  );
  if (filled.length > 0)
    throw new BackupError(
      `This instance already holds data (${filled.join(', ')} have rows). Import into an empty instance: ` +
        'a new database on which only `rapport migrate` (or a first start without an administrator) has run.',
    );
  // Anything else is replaced inside the import's transaction: rows a migration writes (reference data such as
  // default levels, possibly written by the migration to the export's level that the restore runs first) and
  // per-instance state (a scheduler's runs).
  return restoreDatabase(database, exportFileSource(file, progress), {
    force: true,
    progress: (line) => progress(`wrote ${line}`),
  });
}
