import type { CultureAssessment, CultureAssessmentListQuery } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { CultureAssessmentsTable, DB } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';

export function toCultureAssessment(row: CultureAssessmentsTable): CultureAssessment {
  return {
    id: row.id,
    title: row.title,
    orgUnitId: row.org_unit_id,
    assessedOn: row.assessed_on,
    scores: fromJson(row.scores) as CultureAssessment['scores'],
    dominantType: row.dominant_type as CultureAssessment['dominantType'],
    toxicBehaviours: fromJson(row.toxic_behaviours) as CultureAssessment['toxicBehaviours'],
    strengths: row.strengths,
    risks: row.risks,
    strategicRequirements: row.strategic_requirements,
    notes: row.notes,
    createdBy: row.created_by,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findCultureAssessment(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('culture_assessments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCultureAssessment(row);
}

export async function insertCultureAssessment(db: Kysely<DB>, row: CultureAssessmentsTable) {
  await db.insertInto('culture_assessments').values(row).execute();
}

export function listCultureAssessments(db: Kysely<DB>, query: CultureAssessmentListQuery) {
  const base = withCommonFilters(db.selectFrom('culture_assessments'), 'culture_assessments', query)
    .$if(query.orgUnitId === 'none', (q) => q.where('org_unit_id', 'is', null))
    .$if(query.orgUnitId !== undefined && query.orgUnitId !== 'none', (q) =>
      q.where('org_unit_id', '=', query.orgUnitId as string),
    );
  return listPage(
    base,
    'culture_assessments',
    { ...query, sortColumns: { assessedOn: 'assessed_on', title: 'sort_name' } },
    toCultureAssessment,
  );
}
