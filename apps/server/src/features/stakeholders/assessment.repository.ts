import type { Assessment, AssessmentValues } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { applyKeyset, type Keyset, type Page, pageFrom } from '../../shared/pagination.js';

type AssessmentInput = {
  stakeholderId: string;
  at: string;
  actorId: string | null;
  note: string;
  before: AssessmentValues | null;
  after: AssessmentValues;
};

const assessmentRow = (input: AssessmentInput) => ({
  id: newId(),
  stakeholder_id: input.stakeholderId,
  at: input.at,
  actor_id: input.actorId,
  note: input.note,
  influence: input.after.influence,
  interest: input.after.interest,
  before: input.before ? toJson(input.before) : null,
  after: toJson(input.after),
});

export async function insertAssessment(db: Kysely<DB>, input: AssessmentInput): Promise<void> {
  await db.insertInto('stakeholder_assessments').values(assessmentRow(input)).execute();
}

export async function insertAssessments(db: Kysely<DB>, inputs: AssessmentInput[]): Promise<void> {
  for (let i = 0; i < inputs.length; i += 500) {
    await db
      .insertInto('stakeholder_assessments')
      .values(inputs.slice(i, i + 500).map(assessmentRow))
      .execute();
  }
}

const newestFirst: Keyset = { column: 'id', direction: 'desc' };

export async function listAssessments(
  db: Kysely<DB>,
  stakeholderId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Assessment>> {
  const rows = await applyKeyset(
    db
      .selectFrom('stakeholder_assessments')
      .leftJoin('users', 'users.id', 'stakeholder_assessments.actor_id')
      .selectAll('stakeholder_assessments')
      .select('users.name as actor_name')
      .where('stakeholder_assessments.stakeholder_id', '=', stakeholderId),
    newestFirst,
    page.cursor,
    'stakeholder_assessments',
  )
    .limit(page.limit + 1)
    .execute();
  return pageFrom(rows, page.limit, newestFirst, (row) => ({
    id: row.id,
    stakeholderId: row.stakeholder_id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    note: row.note,
    before: fromJson<AssessmentValues>(row.before),
    after: fromJson<AssessmentValues>(row.after) as AssessmentValues,
  }));
}
