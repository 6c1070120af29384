import type { ImportResult, Stakeholder } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, ImportRowsTable, StakeholdersTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { now } from '../../shared/time.js';
import { type AuditInput, recordAuditMany } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { insertAssessments } from '../stakeholders/assessment.repository.js';
import {
  deleteStakeholders,
  insertStakeholders,
  listByIds,
  syncLookups,
  toStakeholder,
  updateStakeholder,
} from '../stakeholders/stakeholder.repository.js';
import { assessmentChanged, assessmentValuesOf, rowOf } from '../stakeholders/stakeholder.rules.js';
import { readCsv } from './csv-reader.js';
import { checkMapping, planImport } from './import.plan.js';
import {
  editedSinceCreated,
  findImport,
  importRowsOf,
  insertImport,
  insertImportRows,
  listImports,
  markUndone,
  rememberedMapping,
  rememberMapping,
  toImport,
} from './import.repository.js';
import type { ImportField } from './stakeholder-import.rules.js';
import { headerSignature, importFields, suggestMapping } from './stakeholder-import.rules.js';

export interface ImportRequest {
  fileName: string;
  bytes: Buffer;
  mapping: Record<string, string | null>;
  mode: 'all' | 'valid';
  dryRun: boolean;
}

export type Progress = (done: number, total: number) => void;

const PREVIEW_ROWS = 20;
const MAX_ROW_ERRORS = 10_000;
export function createImportService(db: Kysely<DB>) {
  return {
    async preview(actor: Actor | null, fileName: string, bytes: Buffer) {
      const signedIn = requirePermission(actor, 'stakeholders.import');
      const table = readCsv(bytes);
      const remembered = await rememberedMapping(db, signedIn.id, headerSignature(table.headers));
      const suggested = suggestMapping(table.headers);
      return {
        fileName,
        encoding: table.encoding,
        delimiter: table.delimiter,
        headers: table.headers,
        rows: table.rows.slice(0, PREVIEW_ROWS),
        rowCount: table.rows.length,
        fields: [...importFields],
        suggestedMapping: remembered
          ? Object.fromEntries(table.headers.map((h) => [h, remembered[h] ?? null]))
          : suggested,
      };
    },

    /**
     * Validates every row, then writes them all in one transaction, or none. Creates or updates by external
     * reference, else by e-mail. In mode "valid" rows with errors are skipped instead of stopping the import.
     */
    async run(
      actor: Actor | null,
      request: ImportRequest,
      progress: Progress = () => {},
    ): Promise<ImportResult> {
      const signedIn = requirePermission(actor, 'stakeholders.import');
      const table = readCsv(request.bytes);
      const mapping = checkMapping(table.headers, request.mapping);
      const total = table.rows.length;

      const { planned, errors, owners } = await planImport(db, table, mapping);
      const shownErrors = errors.slice(0, MAX_ROW_ERRORS);
      const skipped = total - planned.length;

      // A dry run only reports: its row errors come back in the result, whatever the mode.
      if (errors.length > 0 && request.mode === 'all' && !request.dryRun) {
        throw new AppError(
          'rule_broken',
          `${new Set(errors.map((e) => e.row)).size} of ${total} rows have errors; nothing was imported`,
          shownErrors.slice(0, 100).map((e) => ({ path: `rows.${e.row}.${e.field}`, message: e.message })),
          undefined,
          { rowErrors: shownErrors },
        );
      }
      const updates = planned.filter((p) => p.existingId !== undefined);
      if (request.dryRun) {
        return {
          importId: null,
          dryRun: true,
          total,
          created: planned.length - updates.length,
          updated: updates.length,
          skipped,
          errors: shownErrors,
        };
      }

      const importId = newId();
      const at = now();
      const existing = new Map(
        (
          await listByIds(
            db,
            updates.map((u) => u.existingId as string),
          )
        ).map((s) => [s.id, s]),
      );
      await db.transaction().execute(async (trx) => {
        // The import's own row first: import_rows refer to it.
        await insertImport(trx, {
          id: importId,
          kind: 'stakeholders',
          file_name: request.fileName,
          actor_id: signedIn.id,
          created: planned.length - updates.length,
          updated: updates.length,
          skipped,
          created_at: at,
          undone_at: null,
        });
        // Written a thousand rows at a time, so memory holds one batch, not the whole file's records.
        let newRows: StakeholdersTable[] = [];
        let importRows: ImportRowsTable[] = [];
        let audits: AuditInput[] = [];
        let assessments: Parameters<typeof insertAssessments>[1] = [];
        const flush = async () => {
          await insertStakeholders(trx, newRows);
          await insertAssessments(trx, assessments);
          await insertImportRows(trx, importRows);
          await recordAuditMany(trx, audits);
          newRows = [];
          importRows = [];
          audits = [];
          assessments = [];
        };
        let done = 0;
        for (const { row, existingId } of planned) {
          const ownerId = row.ownerEmail ? (owners.get(row.ownerEmail) ?? null) : null;
          const { assessmentNote: _note, ...input } = row.input;
          if (existingId === undefined) {
            const stored = rowOf({
              ...input,
              id: newId(),
              parentId: null,
              ownerId,
              engagementCurrent: input.engagementCurrent ?? null,
              engagementDesired: input.engagementDesired ?? null,
              targetInfluence: input.targetInfluence ?? null,
              targetInterest: input.targetInterest ?? null,
              externalRef: input.externalRef ?? null,
              lastAssessedAt: at,
              archivedAt: null,
              version: 1,
              createdAt: at,
              updatedAt: at,
            });
            const stakeholder = toStakeholder(stored);
            newRows.push(stored);
            importRows.push({
              import_id: importId,
              stakeholder_id: stakeholder.id,
              action: 'created',
              before: null,
            });
            assessments.push({
              stakeholderId: stakeholder.id,
              at,
              actorId: signedIn.id,
              note: `Import ${request.fileName}`,
              before: null,
              after: assessmentValuesOf(stakeholder),
            });
            audits.push({
              actorId: signedIn.id,
              action: 'import',
              entity: 'stakeholder',
              entityId: stakeholder.id,
              before: null,
              after: stakeholder,
            });
          } else {
            const current = existing.get(existingId) as Stakeholder;
            const changes = Object.fromEntries(
              Object.entries({ ...input, ...(row.filled.has('ownerEmail') && { ownerId }) }).filter(
                ([field]) => row.filled.has(field as ImportField) || field === 'ownerId',
              ),
            );
            const next: Stakeholder = { ...current, ...changes, updatedAt: at };
            const moved = assessmentChanged(assessmentValuesOf(current), assessmentValuesOf(next));
            if (moved) next.lastAssessedAt = at;
            const { id: _id, version: _v, ...columns } = rowOf(next);
            if (!(await updateStakeholder(trx, current.id, current.version, columns))) {
              throw new AppError(
                'conflict',
                `${current.name} changed during the import; nothing was imported`,
              );
            }
            await syncLookups(trx, next);
            const saved = { ...next, version: current.version + 1 };
            importRows.push({
              import_id: importId,
              stakeholder_id: current.id,
              action: 'updated',
              before: JSON.stringify(current),
            });
            if (moved) {
              assessments.push({
                stakeholderId: current.id,
                at,
                actorId: signedIn.id,
                note: `Import ${request.fileName}`,
                before: assessmentValuesOf(current),
                after: assessmentValuesOf(saved),
              });
            }
            audits.push({
              actorId: signedIn.id,
              action: 'import',
              entity: 'stakeholder',
              entityId: current.id,
              before: current,
              after: saved,
            });
          }
          done += 1;
          if (done % 1000 === 0) {
            await flush();
            progress(done, planned.length);
          }
        }
        await flush();
        await rememberMapping(trx, signedIn.id, headerSignature(table.headers), mapping, at);
      });
      progress(planned.length, planned.length);
      return {
        importId,
        dryRun: false,
        total,
        created: planned.length - updates.length,
        updated: updates.length,
        skipped,
        errors: shownErrors,
      };
    },

    async list(actor: Actor | null, page: { limit: number; cursor?: string }) {
      requirePermission(actor, 'stakeholders.read');
      return listImports(db, page);
    },

    /** Removes what an import created and puts back what it changed, as one transaction. */
    async undo(actor: Actor | null, id: string) {
      const signedIn = requirePermission(actor, 'stakeholders.import');
      return db.transaction().execute(async (trx) => {
        const found = await findImport(trx, id);
        if (!found) throw new AppError('not_found', `No import with id ${id}`);
        const at = now();
        if (!(await markUndone(trx, id, at)))
          throw new AppError('rule_broken', 'This import was undone already');
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
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
