import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import { registerJobHandler, registerPeriodicTask } from '../jobs/jobs.js';
import { storeHealth } from './health.js';

/**
 * Health decays with time (a contact or review becomes overdue, sentiment and surveys leave their windows) without
 * any record changing, so the stored scores of active relationships are worked out again once a day, and filled on
 * start-up for rows never scored (a database upgraded to the stored score, or rows seeded in bulk).
 * Changes of a health input store the score themselves, in their own transaction (`recordHealth`).
 */

export const RESCORE_TASK = 'health.rescore';
/** Relationships scored per transaction: a few grouped signal queries and at most 102 updates each. */
export const RESCORE_CHUNK = 2000;

export interface RescoreOptions {
  /** Only relationships never scored (start-up fill); otherwise every one not scored today. */
  missingOnly?: boolean;
  /** Stops between chunks (a server shutting down). */
  signal?: AbortSignal;
  chunk?: number;
}

/**
 * Scores, chunk by chunk, the active relationships not scored today (or never scored). Each chunk is its own
 * transaction, so a restart resumes where it stopped; a row a change has scored today meanwhile is left as that
 * change wrote it. Returns how many relationships were scored.
 */
export async function rescoreHealth(db: Kysely<DB>, today: string, options: RescoreOptions = {}) {
  const chunk = options.chunk ?? RESCORE_CHUNK;
  let after = '';
  let scored = 0;
  for (;;) {
    if (options.signal?.aborted) return scored;
    const ids = (
      await db
        .selectFrom('relationships')
        .select('id')
        .where('status', '=', 'active')
        .where('archived_at', 'is', null)
        .where((eb) =>
          options.missingOnly
            ? eb('health_scored_on', 'is', null)
            : eb.or([eb('health_scored_on', 'is', null), eb('health_scored_on', '<', today)]),
        )
        .where('id', '>', after)
        .orderBy('id')
        .limit(chunk)
        .execute()
    ).map((row) => row.id);
    if (ids.length === 0) return scored;
    await db.transaction().execute(async (trx) => {
      await storeHealth(trx, ids, today, { staleOnly: true });
      // Answers kept until the audit log moves (the dashboard's health bands) must see the new scores.
      await recordAudit(trx, {
        actorId: null,
        action: 'update',
        entity: 'health_scores',
        entityId: today,
        before: null,
        after: { rescored: ids.length },
      });
    });
    scored += ids.length;
    after = ids[ids.length - 1] as string;
  }
}

/** How many active relationships are still to be scored today (for logs and tests). */
export async function unscoredCount(db: Kysely<DB>, today: string) {
  const row = await db
    .selectFrom('relationships')
    .select(sql<number | string>`count(*)`.as('n'))
    .where('status', '=', 'active')
    .where('archived_at', 'is', null)
    .where((eb) => eb.or([eb('health_scored_on', 'is', null), eb('health_scored_on', '<', today)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Started with the server: scores, in the background, the active relationships never scored, so an upgraded
 * database gets its stored scores without a migration that blocks start-up. `stop` ends it between chunks.
 */
export function startHealthFill(
  db: Kysely<DB>,
  onError: (error: unknown) => void,
  options: Pick<RescoreOptions, 'chunk'> = {},
) {
  const stopping = new AbortController();
  const done = rescoreHealth(db, new Date().toISOString().slice(0, 10), {
    ...options,
    missingOnly: true,
    signal: stopping.signal,
  }).catch((error) => {
    onError(error);
    return 0;
  });
  return {
    /** Resolves with how many relationships were scored. */
    done,
    async stop() {
      stopping.abort();
      await done;
    },
  };
}

registerJobHandler(RESCORE_TASK, async (_payload, { db, now }) => {
  await rescoreHealth(db, now.toISOString().slice(0, 10));
});
// Just after midnight UTC, the day's first pass of the runners (once across instances).
registerPeriodicTask({ name: RESCORE_TASK, every: 'day' });
