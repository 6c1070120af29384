import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type TransactionSettings,
} from 'kysely';

/**
 * SQLite has one writer per file; the server, the command line and background jobs may all be it. They take
 * turns instead of failing:
 *
 * - A transaction starts `BEGIN IMMEDIATE`: it takes the write lock at its start. A deferred transaction that
 *   reads and then writes would get SQLITE_BUSY at once, without waiting, whenever another process wrote in
 *   between (its snapshot is stale and cannot be upgraded).
 * - Waiting is done here, not by SQLite's busy handler (`busy_timeout` is 0): SQLite's handler sleeps inside the
 *   call, which stops the whole Node process, and sleeps longer the longer it waits (up to 100 ms a try), so a
 *   writer that pauses briefly between short batches would starve it. Here a statement or a `BEGIN IMMEDIATE`
 *   that finds the file busy is tried again every few milliseconds, the event loop free meanwhile, for up to
 *   30 s: a busy database is waited for, never reported, unless something holds it that long.
 *
 * Writers in turn keep their transactions short (imports write in batches of about 25 ms and pause between
 * them), so a wait is short.
 */
export const BUSY_RETRY_MS = 30_000;

export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it does not fail with SQLITE_BUSY, or BUSY_RETRY_MS passed. A busy statement did nothing. */
export async function whileBusy<T>(attempt: () => Promise<T>): Promise<T> {
  const giveUpAt = Date.now() + BUSY_RETRY_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() >= giveUpAt) throw error;
      await sleep(1 + Math.random() * 4);
    }
  }
}

function patiently(connection: DatabaseConnection): DatabaseConnection {
  return {
    executeQuery: <R>(query: CompiledQuery) => whileBusy(() => connection.executeQuery<R>(query)),
    streamQuery: <R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> =>
      connection.streamQuery<R>(query, chunkSize),
  };
}

/** Kysely's SQLite dialect, its transactions begun `BEGIN IMMEDIATE` and busy statements retried (see above). */
export class SqliteWriterDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => patiently(await acquire());
    // A read-only transaction (a backup's consistent snapshot) must not hold the write lock: it begins deferred.
    driver.beginTransaction = async (connection: DatabaseConnection, settings: TransactionSettings) => {
      await connection.executeQuery(
        CompiledQuery.raw(settings.accessMode === 'read only' ? 'begin' : 'begin immediate'),
      );
    };
    return driver;
  }
}

/** Opening waits on SQLite's own handler (journal mode, schema reads); afterwards the dialect waits (see above). */
export function configureWriter(connection: SQLite.Database, opening: () => void): void {
  connection.pragma('busy_timeout = 10000');
  opening();
  connection.pragma('busy_timeout = 0');
}
