import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { now } from '../../shared/time.js';
import { rollBackImport } from './import.takeback.js';
import { finishUndo } from './import.undo.js';
import { publishImport } from './import.writer.js';

/** An import whose heartbeat is older than this is taken for dead (a batch takes milliseconds, a wait seconds). */
export const STALE_IMPORT_MS = 60_000;

/**
 * Finishes what an import left when its process died: one still writing is taken back (its new stakeholders were
 * never shown), one publishing is published to the end, an undo under way is completed. Runs before every import
 * and when the server starts. Each is claimed by moving its heartbeat, so two recoveries never do it twice.
 */
export async function recoverImports(db: Kysely<DB>, staleMs = STALE_IMPORT_MS): Promise<number> {
  const cutoff = new Date(Date.now() - staleMs).toISOString();
  const stale = await db
    .selectFrom('imports')
    .select(['id', 'state', 'heartbeat_at'])
    .where('state', 'in', ['running', 'publishing', 'undoing'])
    .where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', cutoff)]))
    .execute();
  let recovered = 0;
  for (const found of stale) {
    const claim = await db
      .updateTable('imports')
      .set({ heartbeat_at: now() })
      .where('id', '=', found.id)
      .where('state', '=', found.state)
      .where((eb) =>
        found.heartbeat_at === null
          ? eb('heartbeat_at', 'is', null)
          : eb('heartbeat_at', '=', found.heartbeat_at),
      )
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    if (found.state === 'running') await rollBackImport(db, found.id);
    else if (found.state === 'publishing') await publishImport(db, found.id);
    else await finishUndo(db, found.id);
    recovered += 1;
  }
  return recovered;
}
