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
  insertImport,
  insertImportRows,
  listImports,
  rememberedMapping,
  rememberMapping,
} from './import.repository.js';
import { undoImport } from './import.undo.js';
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
          state: 'done',
          heartbeat_at: null,
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
              orgUnitId: null,
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
            // Only internal stakeholders belong to an org unit; a file that makes one external takes it out.
            if (next.scope !== 'internal') next.orgUnitId = null;
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

    undo: (actor: Actor | null, id: string) => undoImport(db, actor, id),
  };
}

export type ImportService = ReturnType<typeof createImportService>;
