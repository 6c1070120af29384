import type {
  FieldError,
  Improvement,
  ImprovementCreate,
  ImprovementListQuery,
  ImprovementPatch,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, ImprovementsTable } from '../../db/schema.js';
import { fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { now } from '../../shared/time.js';
import { versionedRecords } from '../../shared/versioned-records.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { rowExists, tableExists } from '../reviews/review.repository.js';
import { activeUserIds } from '../users/user.repository.js';
import { findImprovement, insertImprovement, listImprovements } from './improvement.repository.js';

/** The record type an initiative's source names, and the table holding it. */
const sourceTables = { review: 'reviews', exception: 'exceptions', survey: 'surveys' } as const;

/**
 * A review, exception or survey source must exist (exceptions and surveys where the installation records them);
 * a KPI may be named by its key; an initiative entered by hand has no source.
 */
async function sourceErrors(db: Kysely<DB>, input: Pick<Improvement, 'sourceType' | 'sourceId'>) {
  const errors: FieldError[] = [];
  if (input.sourceType === 'manual') {
    if (input.sourceId !== null)
      errors.push({ path: 'sourceId', message: 'an initiative entered by hand has no source record' });
    return errors;
  }
  if (input.sourceType === 'kpi') return errors;
  const table = sourceTables[input.sourceType];
  if (input.sourceId === null)
    errors.push({ path: 'sourceId', message: `name the ${input.sourceType} it came from` });
  else if (!(await tableExists(db, table)) || !(await rowExists(db, table, input.sourceId)))
    errors.push({ path: 'sourceId', message: `no ${input.sourceType} with this id` });
  return errors;
}

async function ownerErrors(db: Kysely<DB>, ownerId: string | null | undefined): Promise<FieldError[]> {
  if (ownerId === null || ownerId === undefined || (await activeUserIds(db, [ownerId])).has(ownerId))
    return [];
  return [{ path: 'ownerId', message: 'no active user with this id' }];
}

export function createImprovementService(db: Kysely<DB>) {
  const records = versionedRecords<Improvement, ImprovementsTable>(db, {
    table: 'improvements',
    entity: 'improvement',
    label: 'improvement initiative',
    find: findImprovement,
    insert: insertImprovement,
  });

  return {
    async list(actor: Actor | null, query: ImprovementListQuery) {
      requirePermission(actor, 'approach.read');
      return listImprovements(db, query);
    },

    async get(actor: Actor | null, id: string) {
      requirePermission(actor, 'approach.read');
      return records.load(db, id);
    },

    async create(actor: Actor | null, input: ImprovementCreate) {
      const signedIn = requirePermission(actor, 'approach.write');
      const at = now();
      return records.create(signedIn, async (trx) => {
        const errors = [...(await sourceErrors(trx, input)), ...(await ownerErrors(trx, input.ownerId))];
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        return {
          id: newId(),
          title: input.title,
          sort_name: input.title.toLowerCase(),
          description: input.description,
          source_type: input.sourceType,
          source_id: input.sourceId,
          owner_id: input.ownerId,
          status: input.status,
          due_on: input.dueOn,
          expected_benefit: input.expectedBenefit,
          realised_benefit: input.realisedBenefit,
          created_by: signedIn.id,
          archived_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        };
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: ImprovementPatch) {
      const signedIn = requirePermission(actor, 'approach.write');
      return records.update(signedIn, id, version, async (current, trx) => {
        if (patch.ownerId !== undefined && patch.ownerId !== current.ownerId) {
          const errors = await ownerErrors(trx, patch.ownerId);
          if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        }
        return {
          ...(patch.title !== undefined && { title: patch.title, sort_name: patch.title.toLowerCase() }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
          ...(patch.status !== undefined && { status: patch.status }),
          ...(patch.dueOn !== undefined && { due_on: patch.dueOn }),
          ...(patch.expectedBenefit !== undefined && { expected_benefit: patch.expectedBenefit }),
          ...(patch.realisedBenefit !== undefined && { realised_benefit: patch.realisedBenefit }),
        };
      });
    },

    async archive(actor: Actor | null, id: string, version: number) {
      return records.archive(requirePermission(actor, 'approach.write'), id, version);
    },

    async restore(actor: Actor | null, id: string, version: number) {
      return records.restore(requirePermission(actor, 'approach.write'), id, version);
    },
  };
}

export type ImprovementService = ReturnType<typeof createImprovementService>;
