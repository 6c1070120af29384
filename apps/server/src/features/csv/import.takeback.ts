import type { Stakeholder } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { shortSteps } from '../../shared/short-steps.js';
import { now } from '../../shared/time.js';
import { recordAuditMany } from '../audit/audit.repository.js';
import { insertAssessments } from '../stakeholders/assessment.repository.js';
import {
  deleteStakeholders,
  listByIds,
  syncLookups,
  updateStakeholder,
} from '../stakeholders/stakeholder.repository.js';
import { assessmentChanged, assessmentValuesOf, rowOf } from '../stakeholders/stakeholder.rules.js';
import { importRowsOf } from './import.repository.js';

export interface TakeBack {
  actorId: string | null;
  /** The note of the assessments put back, e.g. `Undo of import people.csv`. */
  note: string;
  /**
   * An import that failed or whose process died: its new stakeholders were never shown, so they go with their
   * audit entries (nothing happened). An undo records each removal instead.
   */
  neverShown: boolean;
}

/**
 * Removes what an import created and puts back what it changed, in short transactions, so it can run beside the
 * server and be resumed: removed stakeholders are simply not found again, and a changed stakeholder is put back
 * only while it still is exactly as the import left it (its version one past the one kept), so a resumed run
 * skips those done and never overwrites a later edit.
 */
export async function takeBackImport(db: Kysely<DB>, importId: string, how: TakeBack): Promise<void> {
  const rows = await importRowsOf(db, importId);
  const created = rows.filter((row) => row.action === 'created').map((row) => row.stakeholder_id);
  const updated = rows.filter((row) => row.action === 'updated');
  const steps = shortSteps(db);
  for (let i = 0; i < created.length; ) {
    const batch = created.slice(i, i + steps.size);
    await steps.step(async (trx) => {
      if (how.neverShown) {
        await trx
          .deleteFrom('audit_log')
          .where('entity', '=', 'stakeholder')
          .where('action', '=', 'import')
          .where('entity_id', 'in', batch)
          .execute();
      } else {
        const removed = await listByIds(trx, batch);
        await recordAuditMany(
          trx,
          removed.map((s) => ({
            actorId: how.actorId,
            action: 'undo',
            entity: 'stakeholder',
            entityId: s.id,
            before: s,
            after: null,
          })),
        );
      }
      await deleteStakeholders(trx, batch);
      await trx.updateTable('imports').set({ heartbeat_at: now() }).where('id', '=', importId).execute();
    });
    i += batch.length;
  }
  for (let i = 0; i < updated.length; ) {
    const batch = updated.slice(i, i + steps.size);
    await steps.step(async (trx) => {
      const at = now();
      const currentById = new Map(
        (
          await listByIds(
            trx,
            batch.map((row) => row.stakeholder_id),
          )
        ).map((s) => [s.id, s]),
      );
      for (const row of batch) {
        const before = JSON.parse(row.before as string) as Stakeholder;
        const current = currentById.get(row.stakeholder_id);
        if (!current || current.version !== before.version + 1) continue;
        const restored: Stakeholder = { ...before, version: current.version, updatedAt: at };
        const moved = assessmentChanged(assessmentValuesOf(current), assessmentValuesOf(restored));
        if (moved) restored.lastAssessedAt = at;
        const { id: _id, version: _v, ...columns } = rowOf(restored);
        if (!(await updateStakeholder(trx, current.id, current.version, columns))) continue;
        await syncLookups(trx, restored);
        if (moved) {
          await insertAssessments(trx, [
            {
              stakeholderId: current.id,
              at,
              actorId: how.actorId,
              note: how.note,
              before: assessmentValuesOf(current),
              after: assessmentValuesOf(restored),
            },
          ]);
        }
        await recordAuditMany(trx, [
          {
            actorId: how.actorId,
            action: 'undo',
            entity: 'stakeholder',
            entityId: current.id,
            before: current,
            after: { ...restored, version: current.version + 1 },
          },
        ]);
      }
      await trx.updateTable('imports').set({ heartbeat_at: now() }).where('id', '=', importId).execute();
    });
    i += batch.length;
  }
}

/** A failed import is taken back whole and kept as `failed` (undone at the time it was taken back). */
export async function rollBackImport(db: Kysely<DB>, importId: string): Promise<void> {
  const found = await db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!found) return;
  await takeBackImport(db, importId, {
    actorId: found.actor_id,
    note: `Failed import ${found.file_name}`,
    neverShown: true,
  });
  await db
    .updateTable('imports')
    .set({ state: 'failed', undone_at: now(), heartbeat_at: null })
    .where('id', '=', importId)
    .execute();
}
