import type {
  CultureAssessment,
  CultureAssessmentCreate,
  CultureAssessmentListQuery,
  CultureAssessmentPatch,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { CultureAssessmentsTable, DB } from '../../db/schema.js';
import { fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { now } from '../../shared/time.js';
import { versionedRecords } from '../../shared/versioned-records.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { activeOrgUnitExists } from '../org-units/org-unit.repository.js';
import {
  findCultureAssessment,
  insertCultureAssessment,
  listCultureAssessments,
} from './culture.repository.js';

async function checkOrgUnit(db: Kysely<DB>, orgUnitId: string | null) {
  if (orgUnitId !== null && !(await activeOrgUnitExists(db, orgUnitId))) {
    throw fieldErrors('rule_broken', [{ path: 'orgUnitId', message: 'no active org unit with this id' }]);
  }
}

export function createCultureService(db: Kysely<DB>) {
  const records = versionedRecords<CultureAssessment, CultureAssessmentsTable>(db, {
    table: 'culture_assessments',
    entity: 'culture_assessment',
    label: 'culture assessment',
    find: findCultureAssessment,
    insert: insertCultureAssessment,
  });

  return {
    async list(actor: Actor | null, query: CultureAssessmentListQuery) {
      requirePermission(actor, 'approach.read');
      return listCultureAssessments(db, query);
    },

    async get(actor: Actor | null, id: string) {
      requirePermission(actor, 'approach.read');
      return records.load(db, id);
    },

    async create(actor: Actor | null, input: CultureAssessmentCreate) {
      const signedIn = requirePermission(actor, 'approach.write');
      const at = now();
      return records.create(signedIn, async (trx) => {
        await checkOrgUnit(trx, input.orgUnitId);
        return {
          id: newId(),
          title: input.title,
          sort_name: input.title.toLowerCase(),
          org_unit_id: input.orgUnitId,
          assessed_on: input.assessedOn,
          scores: toJson(input.scores),
          dominant_type: input.dominantType,
          toxic_behaviours: toJson(input.toxicBehaviours),
          strengths: input.strengths,
          risks: input.risks,
          strategic_requirements: input.strategicRequirements,
          notes: input.notes,
          created_by: signedIn.id,
          archived_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        };
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: CultureAssessmentPatch) {
      const signedIn = requirePermission(actor, 'approach.write');
      return records.update(signedIn, id, version, async (current, trx) => {
        if (patch.orgUnitId !== undefined && patch.orgUnitId !== current.orgUnitId) {
          await checkOrgUnit(trx, patch.orgUnitId);
        }
        return {
          ...(patch.title !== undefined && { title: patch.title, sort_name: patch.title.toLowerCase() }),
          ...(patch.orgUnitId !== undefined && { org_unit_id: patch.orgUnitId }),
          ...(patch.assessedOn !== undefined && { assessed_on: patch.assessedOn }),
          ...(patch.scores !== undefined && { scores: toJson(patch.scores) }),
          ...(patch.dominantType !== undefined && { dominant_type: patch.dominantType }),
          ...(patch.toxicBehaviours !== undefined && { toxic_behaviours: toJson(patch.toxicBehaviours) }),
          ...(patch.strengths !== undefined && { strengths: patch.strengths }),
          ...(patch.risks !== undefined && { risks: patch.risks }),
          ...(patch.strategicRequirements !== undefined && {
            strategic_requirements: patch.strategicRequirements,
          }),
          ...(patch.notes !== undefined && { notes: patch.notes }),
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

export type CultureService = ReturnType<typeof createCultureService>;
