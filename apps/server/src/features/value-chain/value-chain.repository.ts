import type { ValueChainActivityKey, ValueChainLevel, ValueChainRecordType } from '@rapport/contracts';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A period as the tables store it: days compare inclusively, times from the first instant to the one after. */
export interface Period {
  fromDay: string;
  toDay: string;
  /** `fromDay` at 00:00 UTC. */
  start: string;
  /** The day after `toDay` at 00:00 UTC (exclusive). */
  end: string;
}

export interface ContributionRow {
  activity: ValueChainActivityKey;
  level: ValueChainLevel;
  note: string;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

const toContribution = (row: DB['value_chain_contributions']): ContributionRow => ({
  activity: row.activity as ValueChainActivityKey,
  level: row.level as ValueChainLevel,
  note: row.note,
  version: Number(row.version),
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

/** The levels someone has set; an activity without a row still has its default level (version 1). */
export async function storedContributions(db: Kysely<DB>): Promise<ContributionRow[]> {
  const rows = await db.selectFrom('value_chain_contributions').selectAll().execute();
  return rows.map(toContribution);
}

export async function storedContribution(db: Kysely<DB>, activity: string): Promise<ContributionRow | null> {
  const row = await db
    .selectFrom('value_chain_contributions')
    .selectAll()
    .where('activity', '=', activity)
    .executeTakeFirst();
  return row ? toContribution(row) : null;
}

/**
 * Writes the next version only when the stored one is the one expected: an UPDATE naming the version, or, for
 * the first change of a default, an INSERT that yields to a row written meanwhile. False when someone got there
 * first.
 */
export async function saveContribution(
  db: Kysely<DB>,
  stored: boolean,
  next: ContributionRow & { updatedAt: string; updatedBy: string },
): Promise<boolean> {
  const values = {
    level: next.level,
    note: next.note,
    version: next.version,
    updated_at: next.updatedAt,
    updated_by: next.updatedBy,
  };
  if (stored) {
    const result = await db
      .updateTable('value_chain_contributions')
      .set(values)
      .where('activity', '=', next.activity)
      .where('version', '=', next.version - 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
  const result = await db
    .insertInto('value_chain_contributions')
    .values({ activity: next.activity, ...values })
    .onConflict((conflict) => conflict.column('activity').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

// Suppliers and partners are who the organisation obtains from and builds with (obtain/build); a relationship
// or interaction with them counts there, and with anyone else under design & transition / engage, so no
// record is counted twice.
const supplierCategories = ['supplier', 'partner'];
const suppliers = (eb: ExpressionBuilder<DB, 'interactions' | 'relationships'>) =>
  eb
    .selectFrom('stakeholders')
    .select('stakeholders.id')
    .where('stakeholders.category', 'in', supplierCategories);

/** 1 when the condition holds, else 0: summed, it counts the rows meeting it (same SQL on both dialects). */
const when = (condition: ReturnType<typeof sql>) =>
  sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
const count = () => sql<number>`count(*)`;

/**
 * The records of the period per type: one aggregate query per table (a table serving several types counts them
 * together with CASE), each a range on an index led by the date it filters on.
 */
export async function recordedActivity(
  db: Kysely<DB>,
  p: Period,
): Promise<Record<ValueChainRecordType, number>> {
  const inTimes = (column: string) => sql`${sql.ref(column)} >= ${p.start} and ${sql.ref(column)} < ${p.end}`;
  const [
    culture,
    principles,
    models,
    reviews,
    improvements,
    lessons,
    interactions,
    answers,
    assessments,
    relationships,
    moves,
    exceptions,
    followUps,
  ] = await Promise.all([
    db
      .selectFrom('culture_assessments')
      .select(count().as('n'))
      .where('assessed_on', '>=', p.fromDay)
      .where('assessed_on', '<=', p.toDay)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('principle_versions')
      .select(count().as('n'))
      .where('agreed_at', '>=', p.start)
      .where('agreed_at', '<', p.end)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('relationship_model_versions')
      .select([when(inTimes('agreed_at')).as('agreed'), when(inTimes('created_at')).as('drafted')])
      .where((eb) =>
        eb.or([
          eb.and([eb('agreed_at', '>=', p.start), eb('agreed_at', '<', p.end)]),
          eb.and([eb('created_at', '>=', p.start), eb('created_at', '<', p.end)]),
        ]),
      )
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('reviews')
      .select([
        when(sql`subject = 'approach'`).as('approach'),
        when(sql`subject = 'relationship'`).as('relationship'),
      ])
      .where('held_on', '>=', p.fromDay)
      .where('held_on', '<=', p.toDay)
      .where('status', '=', 'done')
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow(),
    // An improvement has no "done on" of its own: one done in the period is one set to done (its last change,
    // as a done improvement is closed) then.
    db
      .selectFrom('improvements')
      .select([
        when(inTimes('created_at')).as('raised'),
        when(sql`status = 'done' and ${inTimes('updated_at')}`).as('done'),
      ])
      .where('archived_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('created_at', '>=', p.start), eb('created_at', '<', p.end)]),
          eb.and([eb('status', '=', 'done'), eb('updated_at', '>=', p.start), eb('updated_at', '<', p.end)]),
        ]),
      )
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('lessons')
      .select(count().as('n'))
      .where('created_at', '>=', p.start)
      .where('created_at', '<', p.end)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow(),
    // Walks the partial index interactions_active_occurred (occurred_at, stakeholder_id) and tests each
    // counterpart against the few supplier ids: no table rows are read.
    db
      .selectFrom('interactions')
      .select((eb) => [
        count().as('all'),
        sql<number>`coalesce(sum(case when ${eb('stakeholder_id', 'in', suppliers(eb))} then 1 else 0 end), 0)`.as(
          'suppliers',
        ),
      ])
      .where('occurred_at', '>=', p.start)
      .where('occurred_at', '<', p.end)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('survey_answers')
      .select(count().as('n'))
      .where('answered_at', '>=', p.start)
      .where('answered_at', '<', p.end)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('stakeholder_assessments')
      .select(count().as('n'))
      .where('at', '>=', p.start)
      .where('at', '<', p.end)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('relationships')
      .select((eb) => [
        count().as('all'),
        sql<number>`coalesce(sum(case when ${eb('stakeholder_id', 'in', suppliers(eb))} then 1 else 0 end), 0)`.as(
          'suppliers',
        ),
      ])
      .where('started_on', '>=', p.fromDay)
      .where('started_on', '<=', p.toDay)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('relationship_moves')
      .select(count().as('n'))
      .where('at', '>=', p.start)
      .where('at', '<', p.end)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('exceptions')
      .select([when(inTimes('created_at')).as('raised'), when(inTimes('resolved_at')).as('resolved')])
      .where('archived_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('created_at', '>=', p.start), eb('created_at', '<', p.end)]),
          eb.and([eb('resolved_at', '>=', p.start), eb('resolved_at', '<', p.end)]),
        ]),
      )
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('follow_ups')
      .select(count().as('n'))
      .where('done_at', '>=', p.start)
      .where('done_at', '<', p.end)
      .executeTakeFirstOrThrow(),
  ]);
  const n = (value: unknown) => Number(value ?? 0);
  return {
    culture_assessments: n(culture.n),
    principles_agreed: n(principles.n),
    models_agreed: n(models.agreed),
    approach_reviews_held: n(reviews.approach),
    improvements_raised: n(improvements.raised),
    improvements_done: n(improvements.done),
    lessons_recorded: n(lessons.n),
    relationship_reviews_held: n(reviews.relationship),
    interactions_logged: n(interactions.all) - n(interactions.suppliers),
    survey_answers: n(answers.n),
    stakeholder_assessments: n(assessments.n),
    relationships_opened: n(relationships.all) - n(relationships.suppliers),
    journey_moves: n(moves.n),
    model_versions_drafted: n(models.drafted),
    supplier_relationships_opened: n(relationships.suppliers),
    supplier_interactions: n(interactions.suppliers),
    exceptions_raised: n(exceptions.raised),
    exceptions_resolved: n(exceptions.resolved),
    follow_ups_done: n(followUps.n),
  };
}
