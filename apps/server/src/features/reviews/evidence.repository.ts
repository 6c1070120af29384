import type { AccessActor, Journey, ReviewEvidence } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fromJson, fromJsonList } from '../../shared/json.js';
import { interactionReadableBy } from '../access/access.filters.js';

/** A period of days as the half-open range of stored UTC times it covers. */
export function periodTimes(from: string, to: string) {
  const next = new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString();
  return { fromAt: `${from}T00:00:00.000Z`, toAt: next };
}

/** Interactions of the period by kind (all of them), and the sentiment of those the reader may read whole. */
export async function interactionStats(
  db: Kysely<DB>,
  relationshipId: string,
  from: string,
  to: string,
  actor: AccessActor,
) {
  const { fromAt, toAt } = periodTimes(from, to);
  const inPeriod = db
    .selectFrom('interactions')
    .where('interactions.relationship_id', '=', relationshipId)
    .where('interactions.archived_at', 'is', null)
    .where('interactions.occurred_at', '>=', fromAt)
    .where('interactions.occurred_at', '<', toAt);
  const kinds = await inPeriod
    .select(['interactions.kind', sql<number | string>`count(*)`.as('n')])
    .groupBy('interactions.kind')
    .execute();
  const day = sql<string>`substr(interactions.occurred_at, 1, 10)`;
  const days = await inPeriod
    .where('interactions.sentiment', 'is not', null)
    .where(interactionReadableBy(actor))
    .select([
      day.as('day'),
      sql<number | string>`sum(interactions.sentiment)`.as('total'),
      sql<number | string>`count(*)`.as('n'),
    ])
    .groupBy(day)
    .orderBy(day)
    .execute();
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const row of kinds) {
    byKind[row.kind] = Number(row.n);
    total += Number(row.n);
  }
  let sum = 0;
  let count = 0;
  const sentimentByDay = days.map((row) => {
    sum += Number(row.total);
    count += Number(row.n);
    return {
      day: row.day,
      average: Math.round((Number(row.total) / Number(row.n)) * 100) / 100,
      count: Number(row.n),
    };
  });
  return {
    total,
    byKind: byKind as ReviewEvidence['interactions']['byKind'],
    averageSentiment: count === 0 ? null : Math.round((sum / count) * 100) / 100,
    withSentiment: count,
    sentimentByDay,
  };
}

export async function healthInPeriod(db: Kysely<DB>, relationshipId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('health_history')
    .select(['day', 'score'])
    .where('relationship_id', '=', relationshipId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
  return rows.map((row) => ({ day: row.day, score: row.score === null ? null : Number(row.score) }));
}

/** The journey's activities against the ticks: overall, per step, and how many were ticked in the period. */
export async function checklistProgress(
  db: Kysely<DB>,
  relationship: { id: string; journey: string | null; current_steps: string },
  from: string,
  to: string,
): Promise<ReviewEvidence['checklist']> {
  const journey = fromJson<Journey>(relationship.journey);
  const current = new Set(fromJsonList(relationship.current_steps));
  const ticks = await db
    .selectFrom('relationship_checklist')
    .select(['step_key', 'activity_key', 'done_at'])
    .where('relationship_id', '=', relationship.id)
    .execute();
  const { fromAt, toAt } = periodTimes(from, to);
  const ticked = new Map(ticks.map((tick) => [`${tick.step_key}\n${tick.activity_key}`, tick.done_at]));
  let total = 0;
  let done = 0;
  let doneInPeriod = 0;
  const steps = (journey?.steps ?? []).map((step) => {
    let stepDone = 0;
    for (const activity of step.activities) {
      const at = ticked.get(`${step.key}\n${activity.key}`);
      if (at === undefined) continue;
      stepDone += 1;
      if (at >= fromAt && at < toAt) doneInPeriod += 1;
    }
    total += step.activities.length;
    done += stepDone;
    return {
      key: step.key,
      name: step.name,
      current: current.has(step.key),
      total: step.activities.length,
      done: stepDone,
    };
  });
  return { total, done, doneInPeriod, steps };
}

/** Reviews of the relationship held before this one, newest first. */
export async function earlierReviews(db: Kysely<DB>, relationshipId: string, reviewId: string) {
  const rows = await db
    .selectFrom('reviews')
    .select(['id', 'title', 'held_on', 'satisfaction'])
    .where('relationship_id', '=', relationshipId)
    .where('status', '=', 'done')
    .where('archived_at', 'is', null)
    .where('id', '!=', reviewId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .limit(10)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    heldOn: row.held_on,
    satisfaction: row.satisfaction === null ? null : Number(row.satisfaction),
  }));
}
