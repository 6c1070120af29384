import { limits, type MergeRequest, type Stakeholder } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { recordAudit, recordAuditMany } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { refreshContactOfStakeholder } from '../relationships/contact.js';
import { insertAssessment } from '../stakeholders/assessment.repository.js';
import {
  findStakeholderById,
  listByIds,
  syncLookups,
  toStakeholder,
  updateStakeholder,
} from '../stakeholders/stakeholder.repository.js';
import {
  assessmentChanged,
  assessmentValuesOf,
  referenceErrors,
  rowOf,
} from '../stakeholders/stakeholder.rules.js';
import { duplicatePairs, repointReferences } from './duplicate.repository.js';

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** The survivor keeps its own values; where it has none, the duplicate's fill in. Lists are joined. */
export function mergedStakeholder(survivor: Stakeholder, duplicate: Stakeholder, at: string): Stakeholder {
  return {
    ...survivor,
    // Never one of the two merged: the duplicate is archived, and the survivor cannot be its own parent.
    parentId:
      [survivor.parentId, duplicate.parentId].find(
        (id) => id !== null && id !== survivor.id && id !== duplicate.id,
      ) ?? null,
    // An org unit only fits an internal survivor.
    orgUnitId: survivor.orgUnitId ?? (survivor.scope === 'internal' ? duplicate.orgUnitId : null),
    ownerId: survivor.ownerId ?? duplicate.ownerId,
    engagementCurrent: survivor.engagementCurrent ?? duplicate.engagementCurrent,
    engagementDesired: survivor.engagementDesired ?? duplicate.engagementDesired,
    targetInfluence: survivor.targetInfluence ?? duplicate.targetInfluence,
    targetInterest: survivor.targetInterest ?? duplicate.targetInterest,
    externalRef: survivor.externalRef ?? duplicate.externalRef,
    emails: union(survivor.emails, duplicate.emails),
    phones: union(survivor.phones, duplicate.phones),
    tags: union(survivor.tags, duplicate.tags),
    notes: [survivor.notes, duplicate.notes].filter(Boolean).join('\n\n'),
    lastAssessedAt:
      [survivor.lastAssessedAt, duplicate.lastAssessedAt]
        .filter((t): t is string => t !== null)
        .sort()
        .at(-1) ?? null,
    updatedAt: at,
  };
}

export function createDuplicateService(db: Kysely<DB>) {
  return {
    async list(actor: Actor | null, limit: number) {
      requirePermission(actor, 'stakeholders.read');
      const pairs = await duplicatePairs(db, limit);
      const byId = new Map(
        (
          await listByIds(
            db,
            pairs.flatMap((p) => [p.a, p.b]),
          )
        ).map((s) => [s.id, s]),
      );
      return {
        data: pairs.flatMap(({ a, b, reasons }) => {
          const first = byId.get(a);
          const second = byId.get(b);
          return first && second ? [{ a: first, b: second, reasons }] : [];
        }),
      };
    },

    async merge(actor: Actor | null, survivorId: string, request: MergeRequest): Promise<Stakeholder> {
      const signedIn = requirePermission(actor, 'stakeholders.merge');
      if (request.duplicateId === survivorId) {
        throw fieldErrors('rule_broken', [
          { path: 'duplicateId', message: 'a stakeholder cannot be merged into itself' },
        ]);
      }
      return db.transaction().execute(async (trx) => {
        const [survivorRow, duplicateRow] = await Promise.all([
          findStakeholderById(trx, survivorId),
          findStakeholderById(trx, request.duplicateId),
        ]);
        if (!survivorRow) throw new AppError('not_found', `No stakeholder with id ${survivorId}`);
        if (!duplicateRow) {
          throw new AppError('not_found', `No stakeholder with id ${request.duplicateId}`, [
            { path: 'duplicateId', message: 'not found' },
          ]);
        }
        const survivor = toStakeholder(survivorRow);
        const duplicate = toStakeholder(duplicateRow);
        if (survivor.version !== request.version) throw staleVersion(survivor);
        if (duplicate.version !== request.duplicateVersion) throw staleVersion(duplicate);
        if (survivor.archivedAt !== null || duplicate.archivedAt !== null) {
          throw new AppError(
            'rule_broken',
            'Only active stakeholders are merged; restore the archived one first',
          );
        }

        const at = now();
        const movedChildren = await repointReferences(trx, duplicate.id, survivor.id, at);
        const merged = mergedStakeholder(survivor, duplicate, at);
        const errors = [
          ...(await referenceErrors(trx, merged, {
            parentId: merged.parentId !== survivor.parentId,
            ownerId: merged.ownerId !== survivor.ownerId,
            externalRef: false,
            orgUnitId: merged.orgUnitId !== survivor.orgUnitId,
          })),
          ...(['emails', 'phones', 'tags'] as const).flatMap((field) =>
            merged[field].length > limits.listItems
              ? [{ path: field, message: `together they have more than ${limits.listItems}` }]
              : [],
          ),
          ...(merged.notes.length > limits.longText
            ? [{ path: 'notes', message: 'together they are too long' }]
            : []),
        ];
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        const before = assessmentValuesOf(survivor);
        const after = assessmentValuesOf(merged);
        if (assessmentChanged(before, after)) {
          merged.lastAssessedAt = at;
          await insertAssessment(trx, {
            stakeholderId: survivor.id,
            at,
            actorId: signedIn.id,
            note: `Merged with ${duplicate.name}`,
            before,
            after,
          });
        }
        await recordAuditMany(
          trx,
          movedChildren.map((child) => ({
            actorId: signedIn.id,
            action: 'update',
            entity: 'stakeholder',
            entityId: child.id,
            before: { parentId: duplicate.id, version: child.version },
            after: { parentId: survivor.id, version: child.version + 1 },
          })),
        );
        const archived: Stakeholder = { ...duplicate, externalRef: null, archivedAt: at, updatedAt: at };
        // The duplicate gives up its external reference first: the survivor may take it over.
        const { id: _dupId, version: _dupVersion, ...archivedRow } = rowOf(archived);
        if (!(await updateStakeholder(trx, duplicate.id, duplicate.version, archivedRow)))
          throw staleVersion(duplicate);
        const { id: _id, version: _version, ...mergedRow } = rowOf(merged);
        if (!(await updateStakeholder(trx, survivor.id, survivor.version, mergedRow)))
          throw staleVersion(survivor);
        await syncLookups(trx, merged);
        // The relationships moved here follow the survivor's quadrant now, and so may their contact cadence.
        await refreshContactOfStakeholder(trx, survivor.id);

        const saved = { ...merged, version: survivor.version + 1 };
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'merge',
          entity: 'stakeholder',
          entityId: survivor.id,
          before: { survivor, duplicate },
          after: saved,
        });
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'archive',
          entity: 'stakeholder',
          entityId: duplicate.id,
          before: duplicate,
          after: { ...archived, version: duplicate.version + 1, mergedInto: survivor.id },
        });
        return toStakeholder(rowOf(saved));
      });
    },
  };
}

export type DuplicateService = ReturnType<typeof createDuplicateService>;
