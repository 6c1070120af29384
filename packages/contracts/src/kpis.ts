import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, ShortText, Version } from './limits.js';

/**
 * The practice success factors of guide §2.4 / table 2.5 that the KPIs are grouped under:
 * PSF 1 the organisation-wide approach, PSF 2 healthy internal relationships, PSF 3 healthy external ones.
 */
export const practiceSuccessFactors = ['approach', 'internal', 'external'] as const;
export const PracticeSuccessFactor = z.enum(practiceSuccessFactors);
export type PracticeSuccessFactor = z.infer<typeof PracticeSuccessFactor>;

/** The KPI catalogue, in the order it is shown. Computed ones come from the records; manual ones are entered. */
export const kpiKeys = [
  // PSF 1: an effective, organisation-wide approach to relationships
  'principles_acknowledged',
  'key_groups_with_agreed_model',
  'relationships_with_agreed_model',
  'map_coverage',
  'reviews_on_time',
  'ended_approach_not_followed',
  // PSF 2: healthy internal relationships
  'climate_score',
  'internal_satisfaction',
  'toxic_exceptions',
  'left_due_to_toxic_relationships',
  // PSF 3: healthy external relationships
  'key_stakeholder_csat',
  'key_stakeholder_nps',
  'exceptions_resolved_in_time',
  'contacts_on_cadence',
  'image_in_media',
] as const;
export const KpiKey = z.enum(kpiKeys);
export type KpiKey = z.infer<typeof KpiKey>;

/** How a value reads: a share in %, a 1–5 score, an NPS (−100..100), a count, or a 0–100 score. */
export const KpiUnit = z.enum(['percent', 'score5', 'nps', 'count', 'score100']);
export type KpiUnit = z.infer<typeof KpiUnit>;

/** Filters shared by the KPI catalogue, the dashboard and the KPI report. Dates are inclusive days. */
export const KpiQuery = z.strictObject({
  from: IsoDate.optional().describe('first day of the period; default: 89 days before `to`'),
  to: IsoDate.optional().describe('last day of the period; default: today'),
  groupId: Id.optional().describe('only stakeholders of this key group (and their relationships)'),
  orgUnitId: Id.optional().describe('only relationships held by this org unit and its stakeholders'),
  managerId: Id.optional().describe('only relationships this user manages'),
});
export type KpiQuery = z.infer<typeof KpiQuery>;

export const KpiPoint = z.object({
  from: IsoDate,
  to: IsoDate,
  value: z.number().nullable(),
});
export type KpiPoint = z.infer<typeof KpiPoint>;

export const Kpi = z.object({
  key: KpiKey,
  psf: PracticeSuccessFactor,
  source: z.enum(['computed', 'manual']),
  unit: KpiUnit,
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  period: z.object({ from: IsoDate, to: IsoDate }),
  value: z.number().nullable().describe('null when there is no data for the period'),
  numerator: z.number().nullable().describe('for shares and averages: what was counted'),
  denominator: z.number().nullable().describe('for shares and averages: out of how many'),
  breakdown: z
    .array(z.object({ id: z.string(), label: z.string(), value: z.number().nullable(), count: z.number() }))
    .describe('e.g. per key group; empty when the KPI has none'),
  target: z.number().nullable(),
  status: z.enum(['met', 'missed', 'no_target', 'no_data']),
  trend: z.array(KpiPoint).describe('the same-length periods before this one, oldest first, ending with it'),
  version: Version.describe('of the KPI settings (target); send it to change them'),
  updatedAt: IsoDateTime.nullable(),
});
export type Kpi = z.infer<typeof Kpi>;

export const KpiCatalogue = z.object({
  period: z.object({ from: IsoDate, to: IsoDate }),
  data: z.array(Kpi),
});
export type KpiCatalogue = z.infer<typeof KpiCatalogue>;

export const KpiSettingsPatch = z.strictObject({
  target: z.number().min(-100).max(1_000_000).nullable().optional(),
  version: Version.optional(),
});
export type KpiSettingsPatch = z.infer<typeof KpiSettingsPatch>;

/** A value entered by hand for a manual KPI, for the period it describes. */
export const KpiEntryInput = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  value: z.number().min(-1_000_000).max(1_000_000),
  note: ShortText.optional(),
});
export type KpiEntryInput = z.infer<typeof KpiEntryInput>;

export const KpiEntry = z.object({
  id: Id,
  key: KpiKey,
  from: IsoDate,
  to: IsoDate,
  value: z.number(),
  note: z.string(),
  createdBy: Id.nullable(),
  createdAt: IsoDateTime,
});
export type KpiEntry = z.infer<typeof KpiEntry>;

/** The records behind a KPI's value for the period (the drill-down), paged. */
export const KpiRecordsQuery = KpiQuery.extend({
  limit: PageQuery.limit,
  cursor: PageQuery.cursor,
});
export type KpiRecordsQuery = z.infer<typeof KpiRecordsQuery>;

/** What a drill-down row is: the web app links each to its own page. */
export const kpiRecordEntities = [
  'stakeholder',
  'stakeholder_group',
  'relationship',
  'exception',
  'review',
  'survey_answer',
  'material',
  'manual_entry',
] as const;
export const KpiRecordEntity = z.enum(kpiRecordEntities);
export type KpiRecordEntity = z.infer<typeof KpiRecordEntity>;

export const KpiRecord = z.object({
  entity: KpiRecordEntity,
  id: Id,
  /** The page it belongs to when that is not its own (a survey answer's survey, a membership's group). */
  parentId: Id.nullable(),
  label: z.string(),
  date: z.string().nullable().describe('the day or time that placed it in the period'),
  counted: z.boolean().describe('whether it counted toward the numerator'),
  value: z.number().nullable().describe('its own value where it has one (a score, a share)'),
});
export type KpiRecord = z.infer<typeof KpiRecord>;
