import { z } from 'zod';
import { agreedDocumentFields, agreementListFilters, DocumentVersionSummary } from './agreement.js';
import { Communality, RelationshipType } from './communality.js';
import { Quadrant } from './enums.js';
import { boundedList, Id, IsoDate, LongText, Name, ShortText, Version } from './limits.js';

/** The default journey of guide table 2.3, plus withdraw/disconnect. Steps may repeat or run in parallel. */
export const defaultJourneySteps = [
  'explore',
  'engage',
  'offer',
  'agree',
  'onboard',
  'co_create',
  'realise',
  'withdraw',
] as const;

export const raciCodes = ['R', 'A', 'C', 'I'] as const;
export const RaciCode = z.enum(raciCodes);

const Key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _, up to 40 characters');
const Days = (min: number, max: number) =>
  z.number().int().min(min, `from ${min} to ${max} days`).max(max, `from ${min} to ${max} days`);
export const ContactDays = Days(1, 730);
export const ReviewDays = Days(7, 1095);
const Weight = z.number().int().min(0, 'from 0 to 100').max(100, 'from 0 to 100');

export const JourneyActivity = z.strictObject({
  key: Key.describe('stable within the step; a relationship ticks its checklist by it'),
  text: ShortText.trim().min(1),
});
export type JourneyActivity = z.infer<typeof JourneyActivity>;

export const Responsibility = z.strictObject({
  role: Name.describe('who, e.g. "Relationship manager" or "Service owner"'),
  raci: RaciCode,
});

export const JourneyStep = z
  .strictObject({
    key: Key.describe('stable within the model; relationships record their place on the journey by it'),
    name: Name,
    purpose: ShortText.default(''),
    activities: boundedList(JourneyActivity).default([]),
    responsibilities: boundedList(Responsibility).default([]),
    risks: boundedList(ShortText.trim().min(1)).default([]),
    opportunities: boundedList(ShortText.trim().min(1)).default([]),
    behaviours: boundedList(ShortText.trim().min(1)).default([]).describe('recommended behaviour patterns'),
    contactEveryDays: ContactDays.nullable()
      .default(null)
      .describe('expected contact while in this step; null uses the model cadence'),
  })
  .superRefine(
    (value, ctx) => {
      // Runs on invalid input too (see below): a step may be null or not an object at all.
      const step = asRecord(value);
      duplicates(fieldOf(step.activities, 'key')).forEach((index) => {
        ctx.addIssue({
          code: 'custom',
          path: ['activities', index, 'key'],
          message: 'used twice in this step',
        });
      });
      const accountable = fieldOf(step.responsibilities, 'raci').flatMap((raci, index) =>
        raci === 'A' ? [index] : [],
      );
      accountable.slice(1).forEach((index) => {
        ctx.addIssue({
          code: 'custom',
          path: ['responsibilities', index, 'raci'],
          message: 'a step has one accountable role (A) at most',
        });
      });
    },
    // Also when other fields of the step are wrong, so that every error is reported at once.
    { when: () => true },
  );
export type JourneyStep = z.infer<typeof JourneyStep>;

/** Health-score weights in percent; they add up to 100. */
export const HealthWeights = z
  .strictObject({
    sentiment: Weight,
    exceptions: Weight,
    contact: Weight,
    review: Weight,
    satisfaction: Weight,
  })
  .superRefine((weights, ctx) => {
    const sum = Object.values(weights).reduce((a, b) => a + b, 0);
    if (sum !== 100) ctx.addIssue({ code: 'custom', path: [], message: `weights add up to ${sum}, not 100` });
  });
export type HealthWeights = z.infer<typeof HealthWeights>;

export const defaultHealthWeights: HealthWeights = {
  sentiment: 30,
  exceptions: 20,
  contact: 20,
  review: 10,
  satisfaction: 20,
};

const ByQuadrant = z
  .partialRecord(Quadrant, ContactDays)
  .describe('expected contact by the stakeholder’s quadrant, overriding contactEveryDays');

/** What a version of a model holds (SPEC §3). */
const content = {
  description: LongText,
  relationshipType: RelationshipType,
  communality: Communality,
  steps: z.array(JourneyStep).min(1, 'a model has at least one journey step').max(20),
  contactEveryDays: ContactDays,
  contactEveryDaysByQuadrant: ByQuadrant,
  reviewEveryDays: ReviewDays.describe('how often a relationship on this model is reviewed'),
  healthWeights: HealthWeights,
};

/** The indexes of list items whose value repeats an earlier one (values that are not strings never match). */
function duplicates(values: unknown[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => {
    if (typeof value !== 'string') return [];
    if (seen.has(value)) return [index];
    seen.add(value);
    return [];
  });
}

/** A value that may still be malformed, as an object whose fields are looked up (`{}` when it is none). */
function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** `field` of each item of a list that may still be malformed (the checks below also run on invalid input). */
function fieldOf(list: unknown, field: string): unknown[] {
  return Array.isArray(list)
    ? list.map((item) =>
        typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined,
      )
    : [];
}

export const uniqueStepKeys = [
  (model: unknown, ctx: z.RefinementCtx) => {
    duplicates(fieldOf(asRecord(model).steps, 'key')).forEach((index) => {
      ctx.addIssue({ code: 'custom', path: ['steps', index, 'key'], message: 'used twice in this model' });
    });
  },
  { when: () => true },
] as const;

export const ModelContent = z.strictObject(content).superRefine(...uniqueStepKeys);
export type ModelContent = z.infer<typeof ModelContent>;

export const ModelGroup = z.object({ id: Id, name: z.string() });

export const RelationshipModel = z.object({
  ...agreedDocumentFields,
  name: z.string(),
  groups: z.array(ModelGroup).describe('the stakeholder groups this model is for'),
  ...content,
  healthWeights: z.object(HealthWeights.shape),
});
export type RelationshipModel = z.infer<typeof RelationshipModel>;

/** A list row: the model without its journey. */
export const RelationshipModelSummary = z.object({
  ...agreedDocumentFields,
  name: z.string(),
  groups: z.array(ModelGroup),
  relationshipType: RelationshipType,
  stepCount: z.number().int(),
});
export type RelationshipModelSummary = z.infer<typeof RelationshipModelSummary>;

export const RelationshipModelVersion = DocumentVersionSummary.extend({
  ...content,
  healthWeights: z.object(HealthWeights.shape),
});
export type RelationshipModelVersion = z.infer<typeof RelationshipModelVersion>;

export const RelationshipModelCreate = z
  .strictObject({
    name: Name,
    groupIds: boundedList(Id).default([]),
    nextReviewOn: IsoDate.nullable().default(null),
    description: LongText.default(''),
    relationshipType: RelationshipType,
    communality: Communality,
    steps: content.steps,
    contactEveryDays: ContactDays.default(30),
    contactEveryDaysByQuadrant: ByQuadrant.default({}),
    reviewEveryDays: ReviewDays.default(90),
    healthWeights: HealthWeights.default(defaultHealthWeights),
  })
  .superRefine(...uniqueStepKeys);
export type RelationshipModelCreate = z.infer<typeof RelationshipModelCreate>;

export const RelationshipModelPatch = z
  .strictObject({
    name: Name.optional(),
    groupIds: boundedList(Id).optional(),
    nextReviewOn: IsoDate.nullable().optional(),
    description: LongText.optional(),
    relationshipType: RelationshipType.optional(),
    communality: Communality.optional(),
    steps: content.steps.optional(),
    contactEveryDays: ContactDays.optional(),
    contactEveryDaysByQuadrant: ByQuadrant.optional(),
    reviewEveryDays: ReviewDays.optional(),
    healthWeights: HealthWeights.optional(),
    changeNote: ShortText.optional().describe('why this version differs from the one before'),
    version: Version.optional(),
  })
  .superRefine(...uniqueStepKeys);
export type RelationshipModelPatch = z.infer<typeof RelationshipModelPatch>;

export const RelationshipModelListQuery = z.strictObject({
  ...agreementListFilters,
  groupId: Id.optional(),
  sort: z.enum(['name', '-name', 'updatedAt', '-updatedAt', 'nextReviewOn', '-nextReviewOn']).default('name'),
});
export type RelationshipModelListQuery = z.infer<typeof RelationshipModelListQuery>;

/** An example model Rapport ships, in the language asked for, ready to copy into a new model. */
export const ModelTemplate = z.object({
  key: z.string(),
  name: z.string(),
  summary: z.string(),
  content: z.object({
    ...content,
    healthWeights: z.object(HealthWeights.shape),
  }),
});
export type ModelTemplate = z.infer<typeof ModelTemplate>;

export const ModelTemplateList = z.object({ data: z.array(ModelTemplate), nextCursor: z.null() });

/** Which key stakeholder groups have an agreed model, and what is left uncovered. */
export const ModelCoverage = z.object({
  keyGroups: z.number().int(),
  coveredGroups: z.number().int(),
  stakeholdersInKeyGroups: z.number().int(),
  uncoveredStakeholders: z
    .number()
    .int()
    .describe('members of key groups that belong to no group with a model in force'),
  relationshipsInKeyGroups: z.number().int().describe('active relationships with members of key groups'),
  uncoveredRelationships: z
    .number()
    .int()
    .describe('of them, those whose stakeholder belongs to no group with a model in force'),
  groups: z.array(
    z.object({
      groupId: Id,
      name: z.string(),
      memberCount: z.number().int(),
      covered: z.boolean(),
      models: z.array(z.object({ id: Id, name: z.string(), agreedVersion: z.number().int().nullable() })),
    }),
  ),
});
export type ModelCoverage = z.infer<typeof ModelCoverage>;
