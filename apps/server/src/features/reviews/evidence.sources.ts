import type { ReviewEvidence, Role } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { kOf, readsEachAnswer } from '../surveys/survey.privacy.js';
import { periodTimes } from './evidence.repository.js';
import { tableExists } from './review.repository.js';

/**
 * Exceptions and survey answers come from features of their own; they are read with plain SQL here so the
 * evidence pack does not depend on those features' code, and is empty (`available: false`) without their tables.
 */
export async function exceptionsInPeriod(
  db: Kysely<DB>,
  relationshipId: string,
  from: string,
  to: string,
): Promise<ReviewEvidence['exceptions']> {
  if (!(await tableExists(db, 'exceptions'))) return { available: false, total: 0, items: [] };
  const { fromAt } = periodTimes(from, to);
  // Raised in the period (the day it occurred, else the day it was recorded), or still open during it.
  const result = await sql<{
    id: string;
    title: string;
    type: string;
    severity: string;
    status: string;
    raised_on: string;
  }>`select id, title, type, severity, status, coalesce(occurred_on, substr(created_at, 1, 10)) as raised_on
    from exceptions
    where relationship_id = ${relationshipId} and archived_at is null
      and coalesce(occurred_on, substr(created_at, 1, 10)) <= ${to}
      and (coalesce(occurred_on, substr(created_at, 1, 10)) >= ${from}
        or closed_at is null or closed_at >= ${fromAt})
    order by raised_on desc, id desc`.execute(db);
  return {
    available: true,
    total: result.rows.length,
    items: result.rows.slice(0, 50).map((row) => ({
      id: row.id,
      title: row.title,
      type: row.type,
      severity: row.severity,
      status: row.status,
      raisedOn: row.raised_on,
    })),
  };
}

/**
 * The relationship's survey answers in the period, per survey, as the reader may see them (survey.privacy.ts): a
 * survey's CSAT and NPS only from k answers unless the reader may read each; an anonymous survey with fewer than
 * k answers is left out altogether (its count would say that the stakeholder answered); the totals' scores only
 * when every survey's are shown.
 */
export async function surveysInPeriod(
  db: Kysely<DB>,
  relationshipId: string,
  from: string,
  to: string,
  role: Role,
): Promise<ReviewEvidence['surveys']> {
  if (!(await tableExists(db, 'survey_answers')))
    return { available: false, responses: 0, averageCsat: null, nps: null, items: [] };
  const { fromAt, toAt } = periodTimes(from, to);
  const result = await sql<{
    survey_id: string;
    title: string;
    anonymity: string;
    min_answers: number | string;
    n: number | string;
    csat_sum: number | string | null;
    csat_n: number | string;
    promoters: number | string;
    detractors: number | string;
    nps_n: number | string;
  }>`select a.survey_id, s.title, s.anonymity, s.min_answers, count(*) as n,
      sum(a.csat) as csat_sum, count(a.csat) as csat_n,
      sum(case when a.nps >= 9 then 1 else 0 end) as promoters,
      sum(case when a.nps <= 6 then 1 else 0 end) as detractors,
      count(a.nps) as nps_n
    from survey_answers a join surveys s on s.id = a.survey_id
    where a.relationship_id = ${relationshipId} and a.answered_at >= ${fromAt} and a.answered_at < ${toAt}
    group by a.survey_id, s.title, s.anonymity, s.min_answers
    order by s.title, a.survey_id`.execute(db);
  const round = (value: number) => Math.round(value * 100) / 100;
  const csatOf = (sum: number, n: number) => (n === 0 ? null : round(sum / n));
  // Net promoter score: promoters (9–10) minus detractors (0–6), as a share of the answers, −100..+100.
  const npsOf = (promoters: number, detractors: number, n: number) =>
    n === 0 ? null : Math.round(((promoters - detractors) / n) * 100);
  const totals = { n: 0, csatSum: 0, csatN: 0, promoters: 0, detractors: 0, npsN: 0 };
  let allShown = true;
  const visible = result.rows.filter((row) => {
    const enough = Number(row.n) >= kOf(Number(row.min_answers));
    return enough || row.anonymity === 'named';
  });
  const items = visible.map((row) => {
    const slice = { minAnswers: kOf(Number(row.min_answers)), allNamed: row.anonymity === 'named' };
    const shown = Number(row.n) >= slice.minAnswers || readsEachAnswer(role, slice);
    if (!shown) allShown = false;
    const values = {
      n: Number(row.n),
      csatSum: Number(row.csat_sum ?? 0),
      csatN: Number(row.csat_n),
      promoters: Number(row.promoters),
      detractors: Number(row.detractors),
      npsN: Number(row.nps_n),
    };
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += values[key];
    return {
      id: row.survey_id,
      title: row.title,
      responses: values.n,
      averageCsat: shown ? csatOf(values.csatSum, values.csatN) : null,
      nps: shown ? npsOf(values.promoters, values.detractors, values.npsN) : null,
    };
  });
  return {
    available: true,
    responses: totals.n,
    averageCsat: allShown ? csatOf(totals.csatSum, totals.csatN) : null,
    nps: allShown ? npsOf(totals.promoters, totals.detractors, totals.npsN) : null,
    items,
  };
}
