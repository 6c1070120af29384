import fs from 'node:fs';
import { type Kysely, SqliteAdapter, sql } from 'kysely';

/** SQLite cuts its WAL back to this size when a checkpoint resets it (`journal_size_limit`). */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

/** How often a running server folds the WAL into the database and empties it. */
export const WAL_CHECKPOINT_INTERVAL_MS = 60_000;

export interface CheckpointResult {
  /** 1 when another connection kept the checkpoint from finishing (it is tried again later). */
  busy: number;
  /** Frames in the WAL, and those copied into the database (-1 when not in WAL mode). */
  log: number;
  checkpointed: number;
}

// biome-ignore lint/suspicious/noExplicitAny: works on whichever schema the caller has
const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/** The longest a TRUNCATE checkpoint waits for readers: meanwhile it keeps other writers out. */
const TRUNCATE_WAIT_MS = 200;

/**
 * After a large write (an import, a restore, the demo, a seed) the WAL holds every page it wrote, and SQLite
 * never shrinks it on its own: `wal_checkpoint(TRUNCATE)` copies it into the database and empties the file.
 * The heavy copy runs PASSIVE first, beside readers and writers; TRUNCATE then only has to reset the file, and
 * waits at most `TRUNCATE_WAIT_MS` for readers (it holds writers back while it waits): when it cannot, it
 * answers `busy` and the next checkpoint tries again. PostgreSQL manages its own WAL: nothing to do there.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on whichever schema the caller has
export async function checkpointWal(db: Kysely<any>): Promise<CheckpointResult | null> {
  if (!isSqlite(db)) return null;
  return db.connection().execute(async (connection) => {
    await sql`pragma wal_checkpoint(passive)`.execute(connection);
    const { rows: timeouts } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection);
    const previous = Number(timeouts[0]?.timeout ?? 5000);
    await sql.raw(`pragma busy_timeout = ${TRUNCATE_WAIT_MS}`).execute(connection);
    try {
      const { rows } = await sql<CheckpointResult>`pragma wal_checkpoint(truncate)`.execute(connection);
      return rows[0] ?? null;
    } finally {
      await sql.raw(`pragma busy_timeout = ${previous}`).execute(connection);
    }
  });
}

/** The SQLite database file and its WAL, in bytes (a missing WAL is 0). */
export function sqliteFileSizes(file: string): { file: number; wal: number } {
  const sizeOf = (path: string) => {
    try {
      return fs.statSync(path).size;
    } catch {
      return 0;
    }
  };
  return { file: sizeOf(file), wal: sizeOf(`${file}-wal`) };
}

/**
 * Checkpoints the WAL every `intervalMs` while the server runs, so an idle Rapport's WAL stays empty whatever
 * wrote last (the server, `rapport import` beside it, a job). A busy database is simply tried next time.
 */
export function startWalCheckpoints(
  // biome-ignore lint/suspicious/noExplicitAny: works on whichever schema the caller has
  db: Kysely<any>,
  onError: (error: unknown) => void,
  intervalMs = WAL_CHECKPOINT_INTERVAL_MS,
): { stop(): Promise<void> } {
  if (!isSqlite(db)) return { stop: async () => {} };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = checkpointWal(db)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
