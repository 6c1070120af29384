import type { ImportResult, Stakeholder } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { now } from '../../shared/time.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { listByIds, toStakeholder } from '../stakeholders/stakeholder.repository.js';
import { assessmentChanged, assessmentValuesOf, rowOf } from '../stakeholders/stakeholder.rules.js';
import { readCsv } from './csv-reader.js';
import { checkMapping, planImport } from './import.plan.js';
import { recoverImports } from './import.recovery.js';
import { insertImport, listImports, rememberedMapping, rememberMapping } from './import.repository.js';
import { rollBackImport } from './import.takeback.js';
import { undoImport } from './import.undo.js';
import { importWriter, publishImport } from './import.writer.js';
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
     * Validates every row, then writes them all, or none: in short transactions beside the server, the new
     * stakeholders hidden until the last step shows them (import.writer.ts). Creates or updates by external
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
      // Unfinished imports of processes that died are finished or removed first (import.recovery.ts).
      await recoverImports(db);
      // The import's own row first, on its own: import_rows refer to it, and its state tells readers and a
      // later recovery where it stands. Then the rows in short transactions (import.writer.ts).
      await insertImport(db, {
        id: importId,
        kind: 'stakeholders',
        file_name: request.fileName,
        actor_id: signedIn.id,
        created: planned.length - updates.length,
        updated: updates.length,
        skipped,
        created_at: at,
        undone_at: null,
        state: 'running',
        heartbeat_at: at,
      });
      const writer = importWriter(db, importId);
      try {
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
            writer.create(stored, {
              assessment: {
                stakeholderId: stakeholder.id,
                at,
                actorId: signedIn.id,
                note: `Import ${request.fileName}`,
                before: null,
                after: assessmentValuesOf(stakeholder),
              },
              audit: {
                actorId: signedIn.id,
                action: 'import',
                entity: 'stakeholder',
                entityId: stakeholder.id,
                before: null,
                after: stakeholder,
              },
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
            const saved = { ...next, version: current.version + 1 };
            writer.update(current, next, {
              assessment: moved
                ? {
                    stakeholderId: current.id,
                    at,
                    actorId: signedIn.id,
                    note: `Import ${request.fileName}`,
                    before: assessmentValuesOf(current),
                    after: assessmentValuesOf(saved),
                  }
                : null,
              audit: {
                actorId: signedIn.id,
                action: 'import',
                entity: 'stakeholder',
                entityId: current.id,
                before: current,
                after: saved,
              },
            });
          }
          done += 1;
          if (writer.queued >= writer.batchSize) {
            await writer.flush();
            progress(done, planned.length);
          }
        }
        await writer.flush();
        await writer.publish((trx: Kysely<DB>) =>
          rememberMapping(trx, signedIn.id, headerSignature(table.headers), mapping, at),
        );
      } catch (error) {
        // Before publishing nobody saw anything: what the import wrote is taken back, in short steps too. Once
        // publishing began people may already see (and link) some new stakeholders: it is finished instead, and
        // if that fails as well, the next start or import finishes it (import.recovery.ts).
        const state = await db
          .selectFrom('imports')
          .select('state')
          .where('id', '=', importId)
          .executeTakeFirst();
        if (state?.state === 'publishing') await publishImport(db, importId).catch(() => {});
        else await rollBackImport(db, importId);
        throw error;
      }
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

    /** The history names files, who imported them and what changed: for those who may import, not every reader. */
    async list(actor: Actor | null, page: { limit: number; cursor?: string }) {
      requirePermission(actor, 'stakeholders.import');
      return listImports(db, page);
    },

    undo: (actor: Actor | null, id: string) => undoImport(db, actor, id),
  };
}

export type ImportService = ReturnType<typeof createImportService>;
