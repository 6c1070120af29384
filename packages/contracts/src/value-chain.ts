import { z } from 'zod';
import { IsoDate, IsoDateTime, ShortText, text, Version } from './limits.js';

/** The six activities of the service value chain, in the order the guide's figure 3.1 shows them. */
export const valueChainActivities = [
  'plan',
  'improve',
  'engage',
  'design_transition',
  'obtain_build',
  'deliver_support',
] as const;
export const ValueChainActivityKey = z.enum(valueChainActivities);
export type ValueChainActivityKey = z.infer<typeof ValueChainActivityKey>;

/** How much the practice contributes to an activity (the shading of figure 3.1). */
export const valueChainLevels = ['none', 'low', 'medium', 'high'] as const;
export const ValueChainLevel = z.enum(valueChainLevels);
export type ValueChainLevel = z.infer<typeof ValueChainLevel>;

/** The domain reference's shading of figure 3.1 (§4), the level of an activity nobody has changed. */
export const valueChainDefaultLevels: Record<ValueChainActivityKey, ValueChainLevel> = {
  plan: 'high',
  improve: 'medium',
  engage: 'high',
  design_transition: 'medium',
  obtain_build: 'low',
  deliver_support: 'medium',
};

/**
 * What Rapport records that counts as work in each value-chain activity (the documented mapping; each type is
 * counted in one activity only, so the totals add up to all recorded activity).
 */
export const valueChainRecordTypes = {
  plan: ['culture_assessments', 'principles_agreed', 'models_agreed', 'approach_reviews_held'],
  improve: ['improvements_raised', 'improvements_done', 'lessons_recorded', 'relationship_reviews_held'],
  engage: ['interactions_logged', 'survey_answers', 'stakeholder_assessments'],
  design_transition: ['relationships_opened', 'journey_moves', 'model_versions_drafted'],
  obtain_build: ['supplier_relationships_opened', 'supplier_interactions'],
  deliver_support: ['exceptions_raised', 'exceptions_resolved', 'follow_ups_done'],
} as const satisfies Record<ValueChainActivityKey, readonly string[]>;
export type ValueChainRecordType = (typeof valueChainRecordTypes)[ValueChainActivityKey][number];

export const ValueChainQuery = z.strictObject({
  from: IsoDate.optional().describe('first day of the period; default: 89 days before `to`'),
  to: IsoDate.optional().describe('last day of the period (inclusive); default: today'),
});
export type ValueChainQuery = z.infer<typeof ValueChainQuery>;

/** The configurable part: the level of contribution and why. */
export const ValueChainContribution = z.object({
  activity: ValueChainActivityKey,
  level: ValueChainLevel,
  note: z.string(),
  version: Version,
  updatedAt: IsoDateTime.nullable().describe('null while the default level is unchanged'),
  updatedBy: z.string().nullable().describe('id of the user who last changed it'),
});
export type ValueChainContribution = z.infer<typeof ValueChainContribution>;

export const ValueChainActivity = ValueChainContribution.extend({
  recorded: z.object({
    total: z.number().int(),
    counts: z.array(z.object({ type: z.string(), count: z.number().int() })),
  }),
});
export type ValueChainActivity = z.infer<typeof ValueChainActivity>;

export const ValueChainHeatMap = z.object({
  period: z.object({ from: IsoDate, to: IsoDate }),
  data: z.array(ValueChainActivity),
});
export type ValueChainHeatMap = z.infer<typeof ValueChainHeatMap>;

export const ValueChainParams = z.object({ activity: text().max(64) });

export const ValueChainPatch = z.strictObject({
  level: ValueChainLevel.optional(),
  note: ShortText.optional(),
  version: Version.optional(),
});
export type ValueChainPatch = z.infer<typeof ValueChainPatch>;
