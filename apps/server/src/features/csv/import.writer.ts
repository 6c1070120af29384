import type { Stakeholder } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, ImportRowsTable, StakeholdersTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { shortSteps } from '../../shared/short-steps.js';
import { now } from '../../shared/time.js';
import { type AuditInput, recordAuditMany } from '../audit/audit.repository.js';
import { insertAssessments } from '../stakeholders/assessment.repository.js';
import {
  insertStakeholders,
  syncLookups,
  updateStakeholder,
} from '../stakeholders/stakeholder.repository.js';
import { rowOf } from '../stakeholders/stakeholder.rules.js';
import { PENDING_IMPORT } from './import.pending.js';
import { chunks, insertImportRows } from './import.repository.js';

type Assessment = Parameters<typeof insertAssessments>[1][number];

/**
 * Writes an import beside the server: batches of rows in short transactions (shared/short-steps.ts), the new
 * stakeholders stored pending (import.pending.ts) so no reader sees a half import, the import's heartbeat moved
 * in every batch so a recovery can tell it from a dead one; `publish` then shows them, in short steps too.
 *
 * Known limit: the publishing steps show the new stakeholders batch by batch (a reader may see part of them for
 * the few seconds publishing takes), and updates of existing stakeholders are visible from their batch on.
 */
export function importWriter(db: Kysely<DB>, importId: string) {
  const steps = shortSteps(db);
  let creates: { row: StakeholdersTable; assessment: Assessment; audit: AuditInput }[] = [];
  let updates: {
    current: Stakeholder;
    next: Stakeholder;
    assessment: Assessment | null;
    audit: AuditInput;
  }[] = [];
  const heartbeat = (trx: Kysely<DB>, set: { state?: string } = {}) =>
    trx
      .updateTable('imports')
      .set({ heartbeat_at: now(), ...set })
      .where('id', '=', importId)
      .execute();

  return {
    get queued() {
      return creates.length + updates.length;
    },
    get batchSize() {
      return steps.size;
    },
    get longestStepMs() {
      return steps.longestMs;
    },
    create(row: StakeholdersTable, extra: { assessment: Assessment; audit: AuditInput }) {
      creates.push({ row: { ...row, archived_at: PENDING_IMPORT }, ...extra });
    },
    update(
      current: Stakeholder,
      next: Stakeholder,
      extra: { assessment: Assessment | null; audit: AuditInput },
    ) {
      updates.push({ current, next, ...extra });
    },

    async flush() {
      if (creates.length + updates.length === 0) return;
      const [created, updated] = [creates, updates];
      creates = [];
      updates = [];
      await steps.step(async (trx) => {
        const importRows: ImportRowsTable[] = [];
        for (const { current, next } of updated) {
          const { id: _id, version: _v, ...columns } = rowOf(next);
          if (!(await updateStakeholder(trx, current.id, current.version, columns))) {
            throw new AppError('conflict', `${current.name} changed during the import; nothing was imported`);
          }
          await syncLookups(trx, next);
          importRows.push({
            import_id: importId,
            stakeholder_id: current.id,
            action: 'updated',
            before: JSON.stringify(current),
          });
        }
        await insertStakeholders(
          trx,
          created.map((c) => c.row),
        );
        for (const { row } of created)
          importRows.push({ import_id: importId, stakeholder_id: row.id, action: 'created', before: null });
        await insertAssessments(trx, [
          ...created.map((c) => c.assessment),
          ...updated.flatMap((u) => (u.assessment ? [u.assessment] : [])),
        ]);
        await insertImportRows(trx, importRows);
        await recordAuditMany(trx, [...created.map((c) => c.audit), ...updated.map((u) => u.audit)]);
        await heartbeat(trx);
      });
    },

    /** Shows the new stakeholders, then marks the import done with `finish` in the same last step. */
    async publish(finish: (trx: Kysely<DB>) => Promise<void>) {
      await steps.step((trx) => heartbeat(trx, { state: 'publishing' }));
      await publishImport(db, importId, finish);
    },
  };
}

/** Shows the pending stakeholders of an import in short steps and marks it done (also resumes a crashed one). */
export async function publishImport(
  db: Kysely<DB>,
  importId: string,
  finish: (trx: Kysely<DB>) => Promise<void> = async () => {},
) {
  const steps = shortSteps(db, { initial: 500 });
  const created = (
    await db
      .selectFrom('import_rows')
      .select('stakeholder_id')
      .where('import_id', '=', importId)
      .where('action', '=', 'created')
      .execute()
  ).map((row) => row.stakeholder_id);
  for (let i = 0; i < created.length; ) {
    const batch = created.slice(i, i + steps.size);
    await steps.step(async (trx) => {
      for (const chunk of chunks(batch)) {
        await trx
          .updateTable('stakeholders')
          .set({ archived_at: null })
          .where('id', 'in', chunk)
          .where('archived_at', '=', PENDING_IMPORT)
          .execute();
      }
      await trx.updateTable('imports').set({ heartbeat_at: now() }).where('id', '=', importId).execute();
    });
    i += batch.length;
  }
  await steps.step(async (trx) => {
    await finish(trx);
    await trx
      .updateTable('imports')
      .set({ state: 'done', heartbeat_at: null })
      .where('id', '=', importId)
      .execute();
  });
}
