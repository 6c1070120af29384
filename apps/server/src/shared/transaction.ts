import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Runs `fn` in a transaction: a new one, or the caller's when `db` already is one, so a service can be used inside
 * another service's transaction and its writes commit, or roll back, with the caller's.
 */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
