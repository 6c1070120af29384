import { type Kysely, PostgresAdapter } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Long writes (imports, their undo) go in short transactions so the server and other writers get the database
 * between them: each step aims at `targetMs` (well under the 50 ms a server write may wait) (the batch size follows the measured time), and on SQLite the writer
 * pauses after each so a waiting writer (which tries every few milliseconds, db/sqlite-writer.ts) takes its turn.
 */
export interface ShortSteps {
  /** Rows to write in the next step. */
  readonly size: number;
  /** Runs one step in its own transaction, measures it, pauses. */
  step<T>(work: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
  /** The longest step so far, in milliseconds (a measure for the operator). */
  readonly longestMs: number;
}

export function shortSteps(
  db: Kysely<DB>,
  { targetMs = 30, pauseMs = 5, initial = 200, min = 100, max = 2000 } = {},
): ShortSteps {
  const sqlite = !(db.getExecutor().adapter instanceof PostgresAdapter);
  let size = initial;
  let longestMs = 0;
  return {
    get size() {
      return size;
    },
    get longestMs() {
      return longestMs;
    },
    async step(work) {
      const started = performance.now();
      const result = await db.transaction().execute(work);
      const took = performance.now() - started;
      longestMs = Math.max(longestMs, took);
      // The floor keeps an overloaded machine (where every step is slow, however small) from crawling.
      if (took > targetMs * 1.5) size = Math.max(min, Math.floor(size / 2));
      else if (took < targetMs / 2) size = Math.min(max, Math.ceil(size * 1.5));
      if (sqlite) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      return result;
    },
  };
}
