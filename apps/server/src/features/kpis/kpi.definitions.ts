import type { KpiKey, KpiUnit, PracticeSuccessFactor } from '@rapport/contracts';

export interface KpiDefinition {
  psf: PracticeSuccessFactor;
  source: 'computed' | 'manual';
  unit: KpiUnit;
  direction: 'higher_is_better' | 'lower_is_better';
  /** Filters that narrow this KPI; the others do not apply to it (its records have no such link). */
  filters: ('groupId' | 'orgUnitId' | 'managerId')[];
}

const all: KpiDefinition['filters'] = ['groupId', 'orgUnitId', 'managerId'];

/** The catalogue (guide table 2.5): what each KPI is measured in and which way is better. */
export const kpiDefinitions: Record<KpiKey, KpiDefinition> = {
  principles_acknowledged: {
    psf: 'approach',
    source: 'computed',
    unit: 'percent',
    direction: 'higher_is_better',
    filters: [],
  },
  key_groups_with_agreed_model: {
    psf: 'approach',
    source: 'computed',
    unit: 'percent',
    direction: 'higher_is_better',
    filters: ['groupId'],
  },
  relationships_with_agreed_model: {
    psf: 'approach',
    source: 'computed',
    unit: 'percent',
    direction: 'higher_is_better',
    filters: all,
  },
  map_coverage: {
    psf: 'approach',
    source: 'computed',
    unit: 'percent',
    direction: 'higher_is_better',
    filters: all,
  },
  reviews_on_time: {
    psf: 'approach',
    source: 'computed',
    unit: 'percent',
    direction: 'higher_is_better',
    filters: all,
  },
  ended_approach_not_followed: {
    psf: 'approach',
    source: 'computed',
    unit: 'percent',
    direction: 'lower_is_better',
    filters: all,
  },
  climate_score: {
    psf: 'internal',
    source: 'computed',
    unit: 'score5',
    direction: 'higher_is_better',
    filters: ['groupId', 'orgUnitId'],
  },
  internal_satisfaction: {
    psf: 'internal',
    source: 'computed',
    unit: 'score5',
    direction: 'higher_is_better',
    filters: all,
  },
  toxic_exceptions: {
    psf: 'internal',
    source: 'computed',
    unit: 'count',
    direction: 'lower_is_better',
    filters: all,
  },
  left_due_to_toxic_relationships: {
    psf: 'internal',
    source: 'manual',
    unit: 'count',
    direction: 'lower_is_better',
    filters: [],
  },
  key_stakeholder_csat: {
    psf: 'external',
    source: 'computed',
    unit: 'score5',
    direction: 'higher_is_better',
    filters: all,
  },
  key_stakeholder_nps: {
    psf: 'external',
    source: 'computed',
    unit: 'nps',
    direction: 'higher_is_better',
    filters: all,
  },
  exceptions_resolved_in_time: {
    psf: 'external',
    source: 'computed',
    unit: 'percent',
    direction: 'higher_is_better',
    filters: all,
  },
  contacts_on_cadence: {
    psf: 'external',
    source: 'computed',
    unit: 'percent',
    direction: 'higher_is_better',
    filters: all,
  },
  image_in_media: {
    psf: 'external',
    source: 'manual',
    unit: 'score100',
    direction: 'higher_is_better',
    filters: [],
  },
};

/** The values a target or an entry of each unit may take. */
export const unitRange: Record<KpiUnit, { min: number; max: number }> = {
  percent: { min: 0, max: 100 },
  score5: { min: 1, max: 5 },
  nps: { min: -100, max: 100 },
  count: { min: 0, max: 1_000_000 },
  score100: { min: 0, max: 100 },
};
