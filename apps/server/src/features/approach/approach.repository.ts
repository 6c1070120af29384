import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fromJsonList } from '../../shared/json.js';
import { stakeholdersMatching } from '../stakeholders/stakeholder.repository.js';

const LISTED = 10;

const count = (value: number | string | null | undefined) => Number(value ?? 0);

/** Activity 1: what has been analysed — culture, the organisation's units and the stakeholder map. */
export async function analysisState(db: Kysely<DB>) {
  const culture = await db
    .selectFrom('culture_assessments')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('assessments'),
      eb.fn.max('assessed_on').as('lastAssessedOn'),
      eb.fn.count<number | string>('org_unit_id').distinct().as('unitsAssessed'),
    ])
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  const latestWhole = await db
    .selectFrom('culture_assessments')
    .select('strategic_requirements')
    .where('archived_at', 'is', null)
    .where('org_unit_id', 'is', null)
    .orderBy('assessed_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const units = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  const countOf = async (filter: { due?: boolean }) => {
    const query = await stakeholdersMatching(db, { archived: 'false', ...filter });
    const row = await query.select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return count(row.n);
  };
  return {
    cultureAssessments: count(culture.assessments),
    lastAssessedOn: (culture.lastAssessedOn as string | null) ?? null,
    orgUnits: count(units.n),
    unitsAssessed: count(culture.unitsAssessed),
    stakeholders: await countOf({}),
    stakeholdersDue: await countOf({ due: true }),
    strategicRequirements: Boolean(latestWhole?.strategic_requirements.trim()),
  };
}

/** Activities 2 and 3: documents by status, in force, awaiting agreement and due for review. */
export async function agreementState(
  db: Kysely<DB>,
  table: 'principles' | 'relationship_models',
  today: string,
) {
  const active = () => db.selectFrom(table).where('archived_at', 'is', null);
  const statuses = await active()
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const byStatus = { draft: 0, proposed: 0, agreed: 0, retired: 0 };
  for (const row of statuses) byStatus[row.status as keyof typeof byStatus] = count(row.n);
  const inForce = await active()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('agreed_version', 'is not', null)
    .executeTakeFirstOrThrow();
  const awaitingAgreement = await active()
    .select(['id', 'title', 'proposed_at as proposedAt'])
    .where('status', '=', 'proposed')
    .orderBy('proposed_at')
    .limit(LISTED)
    .execute();
  const reviewDue = await active()
    .select(['id', 'title', 'next_review_on as nextReviewOn'])
    .where('agreed_version', 'is not', null)
    .where(sql<boolean>`next_review_on <= ${today}`)
    .orderBy('next_review_on')
    .limit(LISTED)
    .execute();
  return { byStatus, inForce: count(inForce.n), awaitingAgreement, reviewDue };
}

export async function activeMaterials(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('materials')
    .select(['id', 'audience'])
    .where('archived_at', 'is', null)
    .execute();
  return rows.map((row) => ({ id: row.id, audience: fromJsonList(row.audience) }));
}

/** Activity 5: the approach reviews held and planned, and the improvements still open. */
export async function approachReviewState(db: Kysely<DB>) {
  const last = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.max('held_on').as('heldOn'))
    .where('subject', '=', 'approach')
    .where('status', '=', 'done')
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  const planned = await db
    .selectFrom('reviews')
    .select(['id', 'title', 'scheduled_on as scheduledOn'])
    .where('subject', '=', 'approach')
    .where('status', '=', 'planned')
    .where('archived_at', 'is', null)
    .orderBy(sql`scheduled_on asc nulls last`)
    .limit(LISTED)
    .execute();
  const open = await db
    .selectFrom('improvements')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('archived_at', 'is', null)
    .where('status', 'in', ['proposed', 'approved', 'in_progress'])
    .executeTakeFirstOrThrow();
  return {
    lastHeldOn: (last.heldOn as string | null) ?? null,
    planned,
    openImprovements: count(open.n),
  };
}
