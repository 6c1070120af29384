import type {
  Stakeholder,
  StakeholderCreate,
  StakeholderListQuery,
  StakeholderPatch,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { refreshContactOfStakeholder } from '../relationships/contact.js';
import { insertAssessment, listAssessments } from './assessment.repository.js';
import {
  findStakeholderById,
  insertStakeholder,
  listStakeholders,
  syncLookups,
  toStakeholder,
  updateStakeholder,
} from './stakeholder.repository.js';
import { assessmentChanged, assessmentValuesOf, referenceErrors, rowOf } from './stakeholder.rules.js';

export function createStakeholderService(db: Kysely<DB>) {
  async function load(trx: Kysely<DB>, id: string): Promise<Stakeholder> {
    const row = await findStakeholderById(trx, id);
    if (!row) throw new AppError('not_found', `No stakeholder with id ${id}`);
    return toStakeholder(row);
  }

  /** Writes `next` over `current` if nobody wrote in between, with its audit entry in the same transaction. */
  async function write(
    trx: Kysely<DB>,
    actor: Actor,
    action: 'update' | 'archive' | 'restore',
    current: Stakeholder,
    next: Stakeholder,
  ): Promise<Stakeholder> {
    const { id: _id, version: _version, ...changes } = rowOf(next);
    if (!(await updateStakeholder(trx, current.id, current.version, changes))) {
      throw staleVersion(await load(trx, current.id));
    }
    const saved = toStakeholder({ ...rowOf(next), version: current.version + 1 });
    await recordAudit(trx, {
      actorId: actor.id,
      action,
      entity: 'stakeholder',
      entityId: current.id,
      before: current,
      after: saved,
    });
    return saved;
  }

  async function loadForWrite(trx: Kysely<DB>, id: string, version: number): Promise<Stakeholder> {
    const current = await load(trx, id);
    if (current.version !== version) throw staleVersion(current);
    return current;
  }

  return {
    async list(actor: Actor | null, query: StakeholderListQuery) {
      requirePermission(actor, 'stakeholders.read');
      return listStakeholders(db, query);
    },

    async get(actor: Actor | null, id: string): Promise<Stakeholder> {
      requirePermission(actor, 'stakeholders.read');
      return load(db, id);
    },

    async assessments(actor: Actor | null, id: string, page: { limit: number; cursor?: string }) {
      requirePermission(actor, 'stakeholders.read');
      await load(db, id);
      return listAssessments(db, id, page);
    },

    async create(actor: Actor | null, input: StakeholderCreate): Promise<Stakeholder> {
      const signedIn = requirePermission(actor, 'stakeholders.write');
      const { assessmentNote, ...fields } = input;
      const at = now();
      const stakeholder: Stakeholder = toStakeholder(
        rowOf({
          ...fields,
          id: newId(),
          parentId: fields.parentId ?? null,
          orgUnitId: fields.orgUnitId ?? null,
          ownerId: fields.ownerId ?? null,
          engagementCurrent: fields.engagementCurrent ?? null,
          engagementDesired: fields.engagementDesired ?? null,
          targetInfluence: fields.targetInfluence ?? null,
          targetInterest: fields.targetInterest ?? null,
          externalRef: fields.externalRef ?? null,
          lastAssessedAt: at,
          archivedAt: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        }),
      );
      return db.transaction().execute(async (trx) => {
        const errors = await referenceErrors(trx, stakeholder, {
          parentId: true,
          ownerId: true,
          externalRef: true,
          orgUnitId: true,
        });
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        await insertStakeholder(trx, rowOf(stakeholder));
        await insertAssessment(trx, {
          stakeholderId: stakeholder.id,
          at,
          actorId: signedIn.id,
          note: assessmentNote ?? '',
          before: null,
          after: assessmentValuesOf(stakeholder),
        });
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'create',
          entity: 'stakeholder',
          entityId: stakeholder.id,
          before: null,
          after: stakeholder,
        });
        return stakeholder;
      });
    },

    async update(
      actor: Actor | null,
      id: string,
      version: number,
      patch: StakeholderPatch,
    ): Promise<Stakeholder> {
      const signedIn = requirePermission(actor, 'stakeholders.write');
      const { assessmentNote, version: _bodyVersion, ...fields } = patch;
      return db.transaction().execute(async (trx) => {
        const current = await loadForWrite(trx, id, version);
        if (current.archivedAt !== null) {
          throw new AppError('rule_broken', 'An archived stakeholder is read-only; restore it first');
        }
        const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
        const next: Stakeholder = { ...current, ...defined, updatedAt: now() };
        const before = assessmentValuesOf(current);
        const after = assessmentValuesOf(next);
        const moved = assessmentChanged(before, after);
        if (moved) next.lastAssessedAt = next.updatedAt;
        const errors = await referenceErrors(trx, next, {
          parentId: next.parentId !== current.parentId,
          ownerId: next.ownerId !== current.ownerId,
          externalRef: next.externalRef !== current.externalRef,
          orgUnitId: next.orgUnitId !== current.orgUnitId,
        });
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);

        const saved = await write(trx, signedIn, 'update', current, next);
        if (fields.tags !== undefined || fields.emails !== undefined) await syncLookups(trx, saved);
        // A move to another quadrant may change how often its relationships expect contact.
        if (saved.quadrant !== current.quadrant) await refreshContactOfStakeholder(trx, id);
        if (moved) {
          await insertAssessment(trx, {
            stakeholderId: id,
            at: saved.updatedAt,
            actorId: signedIn.id,
            note: assessmentNote ?? '',
            before,
            after,
          });
        }
        return saved;
      });
    },

    async archive(actor: Actor | null, id: string, version: number): Promise<Stakeholder> {
      const signedIn = requirePermission(actor, 'stakeholders.archive');
      return db.transaction().execute(async (trx) => {
        const current = await loadForWrite(trx, id, version);
        if (current.archivedAt !== null) return current;
        const at = now();
        return write(trx, signedIn, 'archive', current, { ...current, archivedAt: at, updatedAt: at });
      });
    },

    async restore(actor: Actor | null, id: string, version: number): Promise<Stakeholder> {
      const signedIn = requirePermission(actor, 'stakeholders.archive');
      return db.transaction().execute(async (trx) => {
        const current = await loadForWrite(trx, id, version);
        if (current.archivedAt === null) return current;
        return write(trx, signedIn, 'restore', current, { ...current, archivedAt: null, updatedAt: now() });
      });
    },
  };
}

export type StakeholderService = ReturnType<typeof createStakeholderService>;
