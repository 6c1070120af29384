import { z } from 'zod';
import { Communality, InterpersonalType } from './communality.js';
import { Id, IsoDate, IsoDateTime, LongText, Name, PageQuery, text, Version } from './limits.js';

/** How often a toxic behaviour is seen, from never to very often. */
export const toxicFrequencies = ['never', 'rarely', 'sometimes', 'often', 'very_often'] as const;
export const ToxicFrequency = z.enum(toxicFrequencies);
export type ToxicFrequency = z.infer<typeof ToxicFrequency>;

export const ToxicPrevalence = z.strictObject({
  criticism: ToxicFrequency,
  defensiveness: ToxicFrequency,
  contempt: ToxicFrequency,
  stonewalling: ToxicFrequency,
});
export type ToxicPrevalence = z.infer<typeof ToxicPrevalence>;

export const CultureAssessment = z.object({
  id: Id,
  title: z.string(),
  orgUnitId: Id.nullable().describe('the unit assessed; null for the whole organisation'),
  assessedOn: IsoDate,
  scores: Communality,
  dominantType: InterpersonalType,
  toxicBehaviours: ToxicPrevalence,
  strengths: z.string(),
  risks: z.string(),
  strategicRequirements: z.string().describe('what the strategy asks of relationships (Markdown)'),
  notes: z.string(),
  createdBy: Id.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type CultureAssessment = z.infer<typeof CultureAssessment>;

const never = {
  criticism: 'never',
  defensiveness: 'never',
  contempt: 'never',
  stonewalling: 'never',
} as const;

export const CultureAssessmentCreate = z.strictObject({
  title: Name,
  orgUnitId: Id.nullable().default(null),
  assessedOn: IsoDate,
  scores: Communality,
  dominantType: InterpersonalType,
  toxicBehaviours: ToxicPrevalence.default(never),
  strengths: LongText.default(''),
  risks: LongText.default(''),
  strategicRequirements: LongText.default(''),
  notes: LongText.default(''),
});
export type CultureAssessmentCreate = z.infer<typeof CultureAssessmentCreate>;

export const CultureAssessmentPatch = z.strictObject({
  title: Name.optional(),
  orgUnitId: Id.nullable().optional(),
  assessedOn: IsoDate.optional(),
  scores: Communality.optional(),
  dominantType: InterpersonalType.optional(),
  toxicBehaviours: ToxicPrevalence.optional(),
  strengths: LongText.optional(),
  risks: LongText.optional(),
  strategicRequirements: LongText.optional(),
  notes: LongText.optional(),
  version: Version.optional(),
});
export type CultureAssessmentPatch = z.infer<typeof CultureAssessmentPatch>;

export const CultureAssessmentListQuery = z.strictObject({
  q: text().max(200).optional(),
  orgUnitId: z
    .union([Id, z.literal('none')])
    .optional()
    .describe('a unit id, or `none` for whole-organisation assessments'),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(['assessedOn', '-assessedOn', 'title', '-title']).default('-assessedOn'),
  ...PageQuery,
});
export type CultureAssessmentListQuery = z.infer<typeof CultureAssessmentListQuery>;
