import type { Stakeholder } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { now } from '../../shared/time.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { listByIds } from '../stakeholders/stakeholder.repository.js';
import { editedSinceCreated, findImport, importRowsOf, toImport } from './import.repository.js';
import { takeBackImport } from './import.takeback.js';

/**
 * Removes what an import created and puts back what it changed, as a whole: refused up front when anything it
 * wrote was edited since; then marked `undoing` (so a crash mid-way is completed by the recovery, never left
 * half) and taken back in short transactions beside the server (import.takeback.ts).
 */
export async function undoImport(db: Kysely<DB>, actor: Actor | null, id: string) {
  const signedIn = requirePermission(actor, 'stakeholders.import');
  const found = await findImport(db, id);
  if (!found) throw new AppError('not_found', `No import with id ${id}`);
  if (found.undone_at !== null || found.state === 'undoing' || found.state === 'failed')
    throw new AppError('rule_broken', 'This import was undone already');
  if (found.state !== 'done') throw new AppError('rule_broken', 'This import is still being written');
  const rows = await importRowsOf(db, id);
  const created = rows.filter((row) => row.action === 'created').map((row) => row.stakeholder_id);
  const updated = rows.filter((r) => r.action === 'updated');
  const currentById = new Map(
    (
      await listByIds(
        db,
        updated.map((r) => r.stakeholder_id),
      )
    ).map((s) => [s.id, s]),
  );
  // Undo puts back what the import wrote; if anyone changed those stakeholders since, it would erase their work:
  // refuse and name them instead.
  const edited = [
    ...(await editedSinceCreated(db, created)),
    ...updated.flatMap((row) => {
      const before = JSON.parse(row.before as string) as Stakeholder;
      const current = currentById.get(row.stakeholder_id);
      return current && current.version !== before.version + 1
        ? [{ id: current.id, name: current.name }]
        : [];
    }),
  ];
  if (edited.length > 0) {
    throw new AppError(
      'conflict',
      `${edited.length} of the imported stakeholders changed since the import; undoing it would overwrite those changes`,
      edited
        .slice(0, 100)
        .map((s) => ({ path: `stakeholders.${s.id}`, message: `${s.name} changed since the import` })),
    );
  }
  // Claimed in one short step: a second undo at the same moment finds it undoing and is refused.
  const claimed = await db
    .updateTable('imports')
    .set({ state: 'undoing', heartbeat_at: now() })
    .where('id', '=', id)
    .where('state', '=', 'done')
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1)
    throw new AppError('rule_broken', 'This import was undone already');
  const at = await finishUndo(db, id, signedIn.id);
  return toImport({ ...found, undone_at: at, state: 'undone', heartbeat_at: null });
}

/** Takes back an import marked `undoing` and marks it undone (an undo, or its completion after a crash). */
export async function finishUndo(db: Kysely<DB>, id: string, actorId: string | null = null): Promise<string> {
  const found = await findImport(db, id);
  if (!found) throw new AppError('not_found', `No import with id ${id}`);
  await takeBackImport(db, id, {
    actorId: actorId ?? found.actor_id,
    note: `Undo of import ${found.file_name}`,
    neverShown: false,
  });
  const at = now();
  await db
    .updateTable('imports')
    .set({ state: 'undone', undone_at: at, heartbeat_at: null })
    .where('id', '=', id)
    .execute();
  return at;
}
