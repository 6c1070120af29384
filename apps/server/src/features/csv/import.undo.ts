import type { Stakeholder } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { now } from '../../shared/time.js';
import { type AuditInput, recordAuditMany } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { insertAssessments } from '../stakeholders/assessment.repository.js';
import {
  deleteStakeholders,
  listByIds,
  syncLookups,
  updateStakeholder,
} from '../stakeholders/stakeholder.repository.js';
import { assessmentChanged, assessmentValuesOf, rowOf } from '../stakeholders/stakeholder.rules.js';
import { editedSinceCreated, findImport, importRowsOf, markUndone, toImport } from './import.repository.js';

/** Removes what an import created and puts back what it changed, as one transaction. */
export async function undoImport(db: Kysely<DB>, actor: Actor | null, id: string) {
  const signedIn = requirePermission(actor, 'stakeholders.import');
  return db.transaction().execute(async (trx) => {
    const found = await findImport(trx, id);
    if (!found) throw new AppError('not_found', `No import with id ${id}`);
    const at = now();
    if (!(await markUndone(trx, id, at))) throw new AppError('rule_broken', 'This import was undone already');
    const rows = await importRowsOf(trx, id);
    const created = rows.filter((row) => row.action === 'created').map((row) => row.stakeholder_id);
    const updated = rows.filter((r) => r.action === 'updated');
    const currentById = new Map(
      (
        await listByIds(
          trx,
          updated.map((r) => r.stakeholder_id),
        )
      ).map((s) => [s.id, s]),
    );
    // Undo puts back what the import wrote; if anyone changed those stakeholders since, it would erase
    // their work: refuse and name them instead.
    const edited = [
      ...(await editedSinceCreated(trx, created)),
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
    const audits: AuditInput[] = [];
    // A batch at a time: an import may have created a hundred thousand stakeholders.
    for (let i = 0; i < created.length; i += 1000) {
      const batch = created.slice(i, i + 1000);
      const removed = await listByIds(trx, batch);
      await recordAuditMany(
        trx,
        removed.map((s) => ({
          actorId: signedIn.id,
          action: 'undo',
          entity: 'stakeholder',
          entityId: s.id,
          before: s,
          after: null,
        })),
      );
      await deleteStakeholders(trx, batch);
    }
    for (const row of updated) {
      const before = JSON.parse(row.before as string) as Stakeholder;
      const current = currentById.get(row.stakeholder_id);
      if (!current) continue;
      const restored: Stakeholder = { ...before, version: current.version, updatedAt: at };
      const moved = assessmentChanged(assessmentValuesOf(current), assessmentValuesOf(restored));
      if (moved) restored.lastAssessedAt = at;
      const { id: _id, version: _v, ...columns } = rowOf(restored);
      if (!(await updateStakeholder(trx, current.id, current.version, columns))) {
        throw new AppError(
          'conflict',
          `${current.name} changed while the import was being undone; nothing was undone`,
        );
      }
      await syncLookups(trx, restored);
      if (moved) {
        await insertAssessments(trx, [
          {
            stakeholderId: current.id,
            at,
            actorId: signedIn.id,
            note: `Undo of import ${found.file_name}`,
            before: assessmentValuesOf(current),
            after: assessmentValuesOf(restored),
          },
        ]);
      }
      audits.push({
        actorId: signedIn.id,
        action: 'undo',
        entity: 'stakeholder',
        entityId: current.id,
        before: current,
        after: { ...restored, version: current.version + 1 },
      });
    }
    await recordAuditMany(trx, audits);
    return toImport({ ...found, undone_at: at });
  });
}
