import { type KpiKey, MIN_ANSWERS_DEFAULT, MIN_ANSWERS_FLOOR } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  climateScore,
  endedApproachNotFollowed,
  exceptionsResolvedInTime,
  internalSatisfaction,
  keyStakeholderSatisfaction,
  reviewsOnTime,
  toxicExceptions,
} from './kpi.events.js';
import { noMeasure, type Series } from './kpi.measure.js';
import type { Window } from './kpi.period.js';
import type { Scope } from './kpi.scope.js';
import { manualSeries } from './kpi.settings.repository.js';
import {
  contactsOnCadence,
  keyGroupsWithAgreedModel,
  mapCoverage,
  principlesAcknowledged,
  relationshipsWithAgreedModel,
} from './kpi.states.js';

/** The series of one KPI; CSAT and NPS of key stakeholders share one query (`satisfaction`). */
function seriesOf(
  db: Kysely<DB>,
  key: KpiKey,
  w: Window,
  scope: Scope,
  satisfaction: () => ReturnType<typeof keyStakeholderSatisfaction>,
): Promise<Series> {
  switch (key) {
    case 'principles_acknowledged':
      return principlesAcknowledged(db, w);
    case 'key_groups_with_agreed_model':
      return keyGroupsWithAgreedModel(db, w, scope);
    case 'relationships_with_agreed_model':
      return relationshipsWithAgreedModel(db, w, scope);
    case 'map_coverage':
      return mapCoverage(db, w, scope);
    case 'reviews_on_time':
      return reviewsOnTime(db, w, scope);
    case 'ended_approach_not_followed':
      return endedApproachNotFollowed(db, w, scope);
    case 'climate_score':
      return climateScore(db, w, scope);
    case 'internal_satisfaction':
      return internalSatisfaction(db, w, scope);
    case 'toxic_exceptions':
      return toxicExceptions(db, w, scope);
    case 'key_stakeholder_csat':
      return satisfaction().then((both) => both.csat);
    case 'key_stakeholder_nps':
      return satisfaction().then((both) => both.nps);
    case 'exceptions_resolved_in_time':
      return exceptionsResolvedInTime(db, w, scope);
    case 'contacts_on_cadence':
      return contactsOnCadence(db, w, scope);
    case 'left_due_to_toxic_relationships':
      return manualSeries(db, key, w, true);
    case 'image_in_media':
      return manualSeries(db, key, w, false);
  }
}

/** KPIs made of survey answers: every point and breakdown row is an aggregate of at least k answers. */
const surveyKpis: ReadonlySet<KpiKey> = new Set<KpiKey>([
  'climate_score',
  'internal_satisfaction',
  'key_stakeholder_csat',
  'key_stakeholder_nps',
]);

/**
 * k for KPIs: the largest `min_answers` of any survey, so a KPI mixing surveys satisfies each of them (and with no
 * survey yet, the default). The KPIs are the same for every reader, so no one sees a figure of fewer answers.
 */
async function kpiMinAnswers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('surveys')
    .select(sql<number | string | null>`max(min_answers)`.as('k'))
    .executeTakeFirst();
  return Math.max(
    MIN_ANSWERS_FLOOR,
    row?.k === null || row?.k === undefined ? MIN_ANSWERS_DEFAULT : Number(row.k),
  );
}

/** A period or a breakdown row (a unit, a key group) of fewer than k answers is not shown. */
function atLeast(k: number, series: Series): Series {
  return {
    points: series.points.map((point) =>
      point.denominator !== null && point.denominator < k ? noMeasure : point,
    ),
    breakdown: series.breakdown.filter((row) => row.count >= k),
  };
}

/**
 * The series of the KPIs asked for. CSAT and NPS of key stakeholders come from one query, so asking for
 * both costs it once. The KPIs are asked for together: on PostgreSQL they run side by side on the pool's
 * connections, so the catalogue takes about as long as its slowest KPI (contacts on cadence) rather than
 * the sum; SQLite's one connection runs them one after the other as before.
 */
export async function computeSeries(
  db: Kysely<DB>,
  keys: readonly KpiKey[],
  w: Window,
  scope: Scope,
): Promise<Map<KpiKey, Series>> {
  let shared: ReturnType<typeof keyStakeholderSatisfaction> | undefined;
  const satisfaction = () => {
    shared ??= keyStakeholderSatisfaction(db, w, scope);
    return shared;
  };
  const k = keys.some((key) => surveyKpis.has(key)) ? await kpiMinAnswers(db) : MIN_ANSWERS_DEFAULT;
  const series = await Promise.all(
    keys.map((key) =>
      seriesOf(db, key, w, scope, satisfaction).then((one) => (surveyKpis.has(key) ? atLeast(k, one) : one)),
    ),
  );
  return new Map(keys.map((key, index) => [key, series[index] as Series]));
}
