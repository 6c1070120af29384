import type { Health, HealthWeights, Journey } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, RelationshipsTable } from '../../db/schema.js';
import { fromJson, toJson } from '../../shared/json.js';
import { exceptionSignals } from '../exceptions/exception.health.js';
import { satisfactionSignals } from '../surveys/survey.health.js';

/** How far back "recent sentiment" looks. */
export const SENTIMENT_DAYS = 90;
const DEFAULT_REVIEW_DAYS = 90;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);

/** 100 when not overdue, falling to 0 when a whole interval overdue. */
function timeliness(dueOn: string | null, intervalDays: number | null, today: string) {
  if (dueOn === null || intervalDays === null) return { score: null, value: null };
  const overdue = Math.max(0, daysBetween(dueOn, today));
  return { score: Math.max(0, Math.round(100 - (overdue / intervalDays) * 100)), value: overdue };
}

/** What health reads of a relationship: small columns only, never the journey itself. */
export type HealthColumns = Pick<
  RelationshipsTable,
  | 'health_weights'
  | 'review_every_days'
  | 'next_contact_on'
  | 'contact_every_days'
  | 'next_review_on'
  | 'health_override'
  | 'health_override_comment'
  | 'health_override_by'
  | 'health_override_at'
>;

/** The columns a relationship keeps from its journey for health; written wherever the journey is. */
export const journeyColumns = (journey: Journey | null) => ({
  journey: journey === null ? null : toJson(journey),
  health_weights: journey === null ? null : toJson(journey.healthWeights),
  review_every_days: journey?.reviewEveryDays ?? null,
});

/** What other records say about a relationship's health; a signal that cannot be measured yet is null. */
export interface HealthSignals {
  /** Average recent sentiment, −2..+2. */
  sentiment: number | null;
  /** A component's score 0–100 and the value it was computed from (e.g. open exceptions, average CSAT). */
  exceptions: { score: number; value: number } | null;
  satisfaction: { score: number; value: number } | null;
}

export const noSignals: HealthSignals = { sentiment: null, exceptions: null, satisfaction: null };

/**
 * The health of a relationship (SPEC §4): each measured component 0–100, weighted by the journey's weights;
 * components not measured (no sentiment recorded, no exception or survey data) leave the weighting.
 */
export function healthOf(row: HealthColumns, signals: HealthSignals, today: string): Health {
  const averageSentiment = signals.sentiment;
  const weights = fromJson<HealthWeights>(row.health_weights) ?? {
    sentiment: 30,
    exceptions: 20,
    contact: 20,
    review: 10,
    satisfaction: 20,
  };
  const contact = timeliness(row.next_contact_on, row.contact_every_days, today);
  const review = timeliness(row.next_review_on, row.review_every_days ?? DEFAULT_REVIEW_DAYS, today);
  const reasons: Health['reasons'] = [
    {
      component: 'sentiment',
      weight: weights.sentiment,
      score: averageSentiment === null ? null : Math.round(((averageSentiment + 2) / 4) * 100),
      value: averageSentiment === null ? null : Math.round(averageSentiment * 100) / 100,
    },
    {
      component: 'exceptions',
      weight: weights.exceptions,
      score: signals.exceptions?.score ?? null,
      value: signals.exceptions?.value ?? null,
    },
    { component: 'contact', weight: weights.contact, ...contact },
    { component: 'review', weight: weights.review, ...review },
    {
      component: 'satisfaction',
      weight: weights.satisfaction,
      score: signals.satisfaction?.score ?? null,
      value: signals.satisfaction?.value ?? null,
    },
  ];
  const measured = reasons.filter((reason) => reason.score !== null && reason.weight > 0);
  const totalWeight = measured.reduce((sum, reason) => sum + reason.weight, 0);
  const computed =
    totalWeight === 0
      ? null
      : Math.round(
          measured.reduce((sum, reason) => sum + (reason.score as number) * reason.weight, 0) / totalWeight,
        );
  const override =
    row.health_override === null
      ? null
      : {
          score: row.health_override,
          comment: row.health_override_comment ?? '',
          by: row.health_override_by,
          at: row.health_override_at as string,
        };
  return { score: override?.score ?? computed, computed, override, reasons };
}

/** Average recent sentiment per relationship, in one grouped query. */
export async function recentSentiment(db: Kysely<DB>, relationshipIds: string[], today: string) {
  const averages = new Map<string, number>();
  if (relationshipIds.length === 0) return averages;
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - SENTIMENT_DAYS * 86_400_000).toISOString();
  const rows = await db
    .selectFrom('interactions')
    .select(['relationship_id', (eb) => eb.fn.avg<number | string>('sentiment').as('average')])
    .where('relationship_id', 'in', relationshipIds)
    .where('archived_at', 'is', null)
    .where('sentiment', 'is not', null)
    // A confidential contact's sentiment is for those who may read it; health is shown to everyone.
    .where('confidential', '=', 0)
    .where('occurred_at', '>=', since)
    .groupBy('relationship_id')
    .execute();
  for (const row of rows) averages.set(row.relationship_id as string, Number(row.average));
  return averages;
}

/**
 * Every health signal of a page of relationships, one grouped query per signal whatever the page size.
 * Features that measure a signal (exceptions, surveys) add their grouped query here.
 */
export async function healthSignals(
  db: Kysely<DB>,
  relationshipIds: string[],
  today: string,
): Promise<Map<string, HealthSignals>> {
  const signals = new Map<string, HealthSignals>();
  const of = (id: string) => {
    let found = signals.get(id);
    if (!found) {
      found = { ...noSignals };
      signals.set(id, found);
    }
    return found;
  };
  for (const [id, average] of await recentSentiment(db, relationshipIds, today)) of(id).sentiment = average;
  for (const [id, signal] of await exceptionSignals(db, relationshipIds)) of(id).exceptions = signal;
  for (const [id, signal] of await satisfactionSignals(db, relationshipIds, today))
    of(id).satisfaction = signal;
  return signals;
}

const HEALTH_COLUMNS = [
  'id',
  'health_weights',
  'review_every_days',
  'next_contact_on',
  'contact_every_days',
  'next_review_on',
  'health_override',
  'health_override_comment',
  'health_override_by',
  'health_override_at',
] as const;

/** The current score of each relationship (override or computed; null when nothing is measured), as its page shows it. */
export async function scoresOf(
  db: Kysely<DB>,
  relationshipIds: string[],
  today: string,
): Promise<Map<string, number | null>> {
  const scores = new Map<string, number | null>();
  if (relationshipIds.length === 0) return scores;
  const rows = await db
    .selectFrom('relationships')
    .select([...HEALTH_COLUMNS])
    .where('id', 'in', relationshipIds)
    .execute();
  const signals = await healthSignals(db, relationshipIds, today);
  for (const row of rows) scores.set(row.id, healthOf(row, signals.get(row.id) ?? noSignals, today).score);
  return scores;
}

/**
 * Scores the relationships and keeps the score on each row (`health_score`, `health_scored_on`), which the
 * dashboard counts. One update per distinct score (at most 102), not one per relationship.
 */
export async function storeHealth(
  db: Kysely<DB>,
  relationshipIds: string[],
  today: string,
  { staleOnly = false }: { staleOnly?: boolean } = {},
) {
  const scores = await scoresOf(db, relationshipIds, today);
  const byScore = new Map<number | null, string[]>();
  for (const [id, score] of scores) byScore.set(score, [...(byScore.get(score) ?? []), id]);
  for (const [score, ids] of byScore) {
    await db
      .updateTable('relationships')
      .set({ health_score: score, health_scored_on: today })
      .where('id', 'in', ids)
      // The daily rescoring leaves a row a change scored meanwhile as that change wrote it (PostgreSQL checks this
      // again on the row a concurrent change has just committed).
      .$if(staleOnly, (qb) =>
        qb.where((eb) => eb.or([eb('health_scored_on', 'is', null), eb('health_scored_on', '<', today)])),
      )
      .execute();
  }
  return scores;
}

/**
 * Called wherever a health input changes: keeps the relationship's current score, and today's score for the
 * sparkline of its health over time.
 */
export async function recordHealth(db: Kysely<DB>, relationshipIds: string[], today: string) {
  if (relationshipIds.length === 0) return;
  for (const [id, score] of await storeHealth(db, relationshipIds, today)) {
    await db
      .insertInto('health_history')
      .values({ relationship_id: id, day: today, score })
      .onConflict((oc) => oc.columns(['relationship_id', 'day']).doUpdateSet({ score }))
      .execute();
  }
}

export async function healthHistory(db: Kysely<DB>, relationshipId: string, since: string) {
  return db
    .selectFrom('health_history')
    .select(['day', 'score'])
    .where('relationship_id', '=', relationshipId)
    .where('day', '>=', since)
    .orderBy('day')
    .execute();
}
