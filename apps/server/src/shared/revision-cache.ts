import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Answers that are expensive to compute (aggregates over the whole organisation) kept per key while a cheap
 * revision of the data is unchanged. The caller reads the revision *before* computing, so a change that
 * commits during a computation makes the next request's revision differ and the answer is rebuilt: a cached
 * answer is never older than the revision it is stored under.
 *
 * A miss shared by concurrent requests computes once (the pending promise is what is cached); a failed
 * computation is forgotten, so the next request tries again. Entries are also dropped after `maxAgeMs`
 * whatever the revision says, a backstop for what a revision cannot see (several instances whose clocks
 * differ). The cache lives in one process: each instance keeps its own.
 */
export function revisionCache<T>(options: { size: number; maxAgeMs: number }) {
  const entries = new Map<string, { revision: string; at: number; value: Promise<T> }>();
  return {
    get(key: string, revision: string, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.revision === revision && Date.now() - hit.at < options.maxAgeMs) return hit.value;
      const entry = { revision, at: Date.now(), value: compute() };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > options.size) entries.delete(entries.keys().next().value as string);
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return entry.value;
    },
    clear() {
      entries.clear();
    },
  };
}

const BUCKET_MS = 5 * 60_000;

/** The smallest UUIDv7 of a moment: ids written at or after it sort after it. */
const uuidv7Floor = (millis: number) => {
  const hex = millis.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
};

/**
 * A cheap revision of everything that writes an audit entry — which every change does, in its own
 * transaction: the newest audit id, and how many entries were written since the start of the previous
 * five-minute bucket. The newest id alone would miss, on PostgreSQL, a transaction that drew its id before
 * a newer one committed and committed after it; the count of recent entries still moves when it commits.
 * Both are index lookups on the primary key (ids are time-ordered UUIDv7s).
 */
export async function auditRevision(db: Kysely<DB>): Promise<string> {
  const since = uuidv7Floor(Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS - BUCKET_MS);
  const newest = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  const recent = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('id', '>=', since)
    .executeTakeFirstOrThrow();
  return `${newest.id ?? ''}|${Number(recent.n)}`;
}
