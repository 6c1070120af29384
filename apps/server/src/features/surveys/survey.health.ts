import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** How far back the stakeholder's own rating (and the satisfaction health signal) looks. */
export const RATING_DAYS = 365;

const sinceOf = (today: string) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - RATING_DAYS * 86_400_000).toISOString();

/** CSAT 1–5 on the 0–100 scale of health: (csat − 1) ÷ 4 × 100. */
export const csatScore = (csat: number) => Math.round(((csat - 1) / 4) * 100);

/**
 * The satisfaction health signal of a page of relationships in one grouped query: the average CSAT of
 * satisfaction-survey answers of the last 365 days (value 1–5, score 0–100). Health is shown to every reader of a
 * relationship, and a relationship's answers all come from its one stakeholder, so the signal counts only from k
 * answers (the largest k of their surveys): before that, it leaves the weighting as an unmeasured component does.
 */
export async function satisfactionSignals(
  db: Kysely<DB>,
  relationshipIds: string[],
  today: string,
): Promise<Map<string, { score: number; value: number }>> {
  const signals = new Map<string, { score: number; value: number }>();
  if (relationshipIds.length === 0) return signals;
  const rows = await db
    .selectFrom('survey_answers')
    .innerJoin('surveys', 'surveys.id', 'survey_answers.survey_id')
    .select([
      'survey_answers.relationship_id',
      (eb) => eb.fn.avg<number | string>('survey_answers.csat').as('average'),
    ])
    .where('survey_answers.relationship_id', 'in', relationshipIds)
    .where('survey_answers.kind', '=', 'satisfaction')
    .where('survey_answers.csat', 'is not', null)
    .where('survey_answers.answered_at', '>=', sinceOf(today))
    .groupBy('survey_answers.relationship_id')
    .having(sql<boolean>`count(*) >= max(surveys.min_answers)`)
    .execute();
  for (const row of rows) {
    const value = Math.round(Number(row.average) * 100) / 100;
    signals.set(row.relationship_id as string, { score: csatScore(Number(row.average)), value });
  }
  return signals;
}

/** The stakeholder's own rating of one relationship over the last 365 days (null without answers). */
export async function stakeholderRating(db: Kysely<DB>, relationshipId: string, today: string) {
  const row = await db
    .selectFrom('survey_answers')
    .select([
      (eb) => eb.fn.avg<number | string>('csat').as('csat'),
      sql<number | string>`count(*)`.as('answers'),
      sql<number | string>`count(nps)`.as('nps_count'),
      sql<number | string>`sum(case when nps >= 9 then 1 else 0 end)`.as('promoters'),
      sql<number | string>`sum(case when nps <= 6 then 1 else 0 end)`.as('detractors'),
      (eb) => eb.fn.max<string>('answered_at').as('at'),
    ])
    .where('relationship_id', '=', relationshipId)
    .where('kind', '=', 'satisfaction')
    .where('csat', 'is not', null)
    .where('answered_at', '>=', sinceOf(today))
    .executeTakeFirstOrThrow();
  const answers = Number(row.answers);
  if (answers === 0 || row.csat === null) return null;
  const csat = Number(row.csat);
  const npsCount = Number(row.nps_count);
  return {
    csat: Math.round(csat * 100) / 100,
    score: csatScore(csat),
    nps:
      npsCount === 0
        ? null
        : Math.round(((Number(row.promoters) - Number(row.detractors)) / npsCount) * 1000) / 10,
    answers,
    at: row.at,
  };
}
