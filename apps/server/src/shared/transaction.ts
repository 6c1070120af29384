import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Runs `fn` in a transaction: a new one, or the caller's when `db` already is one, so a service can be used inside
 * another service's transaction and its writes commit, or roll back, with the caller's.
 */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * The transaction `trx` as a database whose `transaction()` joins it instead of failing, for code that loads many
 * services as one all-or-nothing unit (the demo): each service's own transaction becomes part of the caller's.
 */
export function joinable(trx: Kysely<DB>): Kysely<DB> {
  const joined: Kysely<DB> = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') {
        const builder = {
          execute: <T>(fn: (inner: Kysely<DB>) => Promise<T>) => fn(joined),
          setIsolationLevel: () => builder,
          setAccessMode: () => builder,
        };
        return () => builder;
      }
      const value = Reflect.get(target, property, target);
      // Kysely keeps its state in private fields: its methods must run on the real object.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return joined;
}
