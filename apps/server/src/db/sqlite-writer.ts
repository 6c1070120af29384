import type SQLite from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect } from 'kysely';

/**
 * SQLite has one writer per file; the server, the command line and background jobs may all be it. Two rules make
 * them take turns instead of failing:
 *
 * - A transaction starts `BEGIN IMMEDIATE`: it takes the write lock at its start, where SQLite's busy handler
 *   waits for it. A deferred transaction that reads and then writes would get SQLITE_BUSY at once, without
 *   waiting, whenever another process wrote in between (its snapshot is stale and cannot be upgraded).
 * - Taking the lock is retried for a bounded time beyond `busy_timeout`, with a little jitter, so a writer that
 *   found the file busy for longer than one timeout waits its turn rather than reporting an error.
 *
 * Writers in turn keep their transactions short (imports and the demo write in batches), so a wait is short.
 */
export const BUSY_RETRY_MS = 30_000;

export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function beginImmediate(connection: DatabaseConnection): Promise<void> {
  const giveUpAt = Date.now() + BUSY_RETRY_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      return;
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() >= giveUpAt) throw error;
      await sleep(5 + Math.random() * Math.min(200, 10 * 2 ** attempt));
    }
  }
}

/** Kysely's SQLite dialect, its transactions begun `BEGIN IMMEDIATE` (see above). */
export class SqliteWriterDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    // A read-only transaction (a backup's consistent snapshot) must not hold the write lock: it begins deferred.
    driver.beginTransaction = (connection, settings) =>
      settings.accessMode === 'read only'
        ? connection.executeQuery(CompiledQuery.raw('begin')).then(() => undefined)
        : beginImmediate(connection);
    return driver;
  }
}

/** Milliseconds a statement outside a transaction waits for the write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

export function configureWriter(connection: SQLite.Database): void {
  connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}
