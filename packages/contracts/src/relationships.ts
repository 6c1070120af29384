import { z } from 'zod';
import { Quadrant } from './enums.js';
import {
  Id,
  IsoDate,
  IsoDateTime,
  Name,
  PageQuery,
  QueryBoolean,
  ShortText,
  text,
  Version,
} from './limits.js';
import { ContactDays, HealthWeights, JourneyStep, ReviewDays, uniqueStepKeys } from './models.js';

export const relationshipStatuses = ['active', 'paused', 'ended'] as const;
export const RelationshipStatus = z.enum(relationshipStatuses);

/** The relationship ladder (BRMI maturity; the maturity column of guide table 2.2). */
export const maturityLevels = [
  'ad_hoc',
  'order_taker',
  'service_provider',
  'trusted_advisor',
  'strategic_partner',
] as const;
export const Maturity = z.enum(maturityLevels);

export const ourRoles = ['provider', 'consumer', 'both'] as const;
export const OurRole = z.enum(ourRoles);

/** Why a relationship ended; `approach_not_followed` is counted by a KPI of PSF 1. */
export const endReasons = [
  'completed',
  'approach_not_followed',
  'strategy_change',
  'stakeholder_withdrew',
  'other',
] as const;
export const EndReason = z.enum(endReasons);

/** The seven characterisations of guide §2.1, each one of two. */
export const Characteristics = z.strictObject({
  commercial: z.enum(['commercial', 'non_commercial']),
  formality: z.enum(['formal', 'informal']),
  size: z.enum(['group', 'individual']),
  directness: z.enum(['direct', 'indirect']),
  nature: z.enum(['professional', 'personal']),
  choice: z.enum(['voluntary', 'mandatory']),
  hierarchy: z.enum(['peer', 'hierarchical']),
});
export type Characteristics = z.infer<typeof Characteristics>;

export const defaultCharacteristics: Characteristics = {
  commercial: 'commercial',
  formality: 'formal',
  size: 'group',
  directness: 'direct',
  nature: 'professional',
  choice: 'voluntary',
  hierarchy: 'peer',
};

/** The relationship's own copy of its model's journey, tailored without changing the model. */
export const Journey = z
  .strictObject({
    steps: z.array(JourneyStep).min(1, 'a journey has at least one step').max(20),
    contactEveryDays: ContactDays,
    contactEveryDaysByQuadrant: z.partialRecord(Quadrant, ContactDays),
    reviewEveryDays: ReviewDays,
    healthWeights: HealthWeights,
  })
  .superRefine(...uniqueStepKeys);
export type Journey = z.infer<typeof Journey>;

const JourneyOut = z.object({
  steps: z.array(z.object(JourneyStep.shape)),
  contactEveryDays: z.number().int(),
  contactEveryDaysByQuadrant: z.partialRecord(Quadrant, z.number().int()),
  reviewEveryDays: z.number().int(),
  healthWeights: z.object(HealthWeights.shape),
});

export const healthComponents = ['sentiment', 'exceptions', 'contact', 'review', 'satisfaction'] as const;
export const HealthComponent = z.enum(healthComponents);

/** SPEC §4: a score 0–100 with its reasons, weighted by the model; a manual override is shown as such. */
export const Health = z.object({
  score: z.number().int().nullable().describe('the override when there is one, else the computed score'),
  computed: z.number().int().nullable().describe('null when nothing could be measured yet'),
  override: z
    .object({ score: z.number().int(), comment: z.string(), by: Id.nullable(), at: IsoDateTime })
    .nullable(),
  reasons: z.array(
    z.object({
      component: HealthComponent,
      weight: z.number().int(),
      score: z.number().int().nullable().describe('0–100; null when it cannot be measured (yet)'),
      value: z
        .number()
        .nullable()
        .describe('what was measured: average sentiment, or days overdue for contact and review'),
    }),
  ),
});
export type Health = z.infer<typeof Health>;

export const HealthOverride = z.strictObject({
  score: z.number().int().min(0, 'from 0 to 100').max(100, 'from 0 to 100'),
  comment: ShortText.trim().min(1, 'say why the score is overridden'),
});

export const Relationship = z.object({
  id: Id,
  name: z.string(),
  stakeholderId: Id.describe('the stakeholder on the other side'),
  stakeholderName: z.string(),
  fromStakeholderId: Id.nullable().describe('set for a relationship between two stakeholders'),
  fromStakeholderName: z.string().nullable(),
  orgUnitId: Id.nullable().describe(
    'our side when it is one org unit; with neither this nor fromStakeholderId, the whole organisation',
  ),
  service: z.boolean(),
  ourRole: OurRole.nullable().describe('for a service relationship: provider, consumer or both'),
  characteristics: Characteristics,
  managerId: Id.nullable(),
  agentId: Id.nullable(),
  maturity: Maturity,
  status: RelationshipStatus,
  startedOn: IsoDate,
  endedOn: IsoDate.nullable(),
  endReason: EndReason.nullable(),
  endNote: z.string(),
  modelId: Id.nullable(),
  modelName: z.string().nullable(),
  modelVersion: z.number().int().nullable().describe('the agreed model version the journey was copied from'),
  journey: JourneyOut.nullable().describe('the tailored copy of the model journey; null without a model'),
  currentSteps: z.array(z.string()).describe('the steps it is in now; steps may run in parallel'),
  nextReviewOn: IsoDate.nullable(),
  lastContactAt: IsoDateTime.nullable().describe('the latest interaction logged on it'),
  contactEveryDays: z
    .number()
    .int()
    .nullable()
    .describe(
      'the cadence that applies now: of its current step, else of the stakeholder’s quadrant, else the journey’s',
    ),
  nextContactOn: IsoDate.nullable().describe(
    'when the next contact is due (from the last contact, or the start)',
  ),
  health: Health,
  createdBy: Id.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Relationship = z.infer<typeof Relationship>;

const StepKeys = z.array(text().min(1).max(40)).max(20);

export const RelationshipCreate = z.strictObject({
  stakeholderId: Id,
  fromStakeholderId: Id.nullable().default(null),
  orgUnitId: Id.nullable().default(null),
  name: Name.optional().describe('defaults to the stakeholder’s name'),
  service: z.boolean().default(true),
  ourRole: OurRole.nullable().default(null),
  characteristics: Characteristics.default(defaultCharacteristics),
  managerId: Id.nullable().default(null).describe('naming anyone needs relationships.assign'),
  agentId: Id.nullable().default(null).describe('naming anyone needs relationships.assign'),
  maturity: Maturity.default('ad_hoc'),
  startedOn: IsoDate.optional().describe('defaults to today'),
  modelId: Id.nullable().default(null).describe('a model in force; its agreed journey is copied'),
  currentSteps: StepKeys.optional().describe('defaults to the first step of the journey'),
  nextReviewOn: IsoDate.nullable().default(null),
});
export type RelationshipCreate = z.infer<typeof RelationshipCreate>;

export const RelationshipPatch = z
  .strictObject({
    name: Name,
    service: z.boolean(),
    ourRole: OurRole.nullable(),
    characteristics: Characteristics,
    managerId: Id.nullable().describe('a change needs relationships.assign'),
    agentId: Id.nullable().describe('a change needs relationships.assign'),
    maturity: Maturity,
    status: z.enum(['active', 'paused']).describe('to end a relationship use POST …/end'),
    startedOn: IsoDate,
    nextReviewOn: IsoDate.nullable(),
    journey: Journey.describe('tailor the journey (needs relationships.tailor)'),
    healthOverride: HealthOverride.nullable().describe(
      'a manager’s judgement of its health, with why; null removes it (needs relationships.health)',
    ),
    version: Version,
  })
  .partial();
export type RelationshipPatch = z.infer<typeof RelationshipPatch>;

export const RelationshipListQuery = z.strictObject({
  q: text().max(200).optional(),
  stakeholderId: Id.optional().describe('relationships with this stakeholder on either side'),
  managerId: z.union([Id, z.literal('none')]).optional(),
  agentId: z.union([Id, z.literal('none')]).optional(),
  modelId: z.union([Id, z.literal('none')]).optional(),
  status: RelationshipStatus.optional(),
  step: text().max(40).optional().describe('relationships currently in this journey step'),
  contactDue: QueryBoolean.optional().describe(
    'true: active relationships whose next contact is due today or earlier',
  ),
  groupId: Id.optional().describe('relationships with a member of this stakeholder group'),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z
    .enum([
      'name',
      '-name',
      'startedOn',
      '-startedOn',
      'updatedAt',
      '-updatedAt',
      'nextContactOn',
      '-nextContactOn',
    ])
    .default('name'),
  ...PageQuery,
});
export type RelationshipListQuery = z.infer<typeof RelationshipListQuery>;

/**
 * The journey board of one model: a column per step of the model's journey in force, each with its count of active
 * relationships and the first cards, soonest contact first. With `step` and `cursor`, the next cards of one column.
 */
export const BoardQuery = z.strictObject({
  modelId: Id,
  managerId: Id.optional(),
  agentId: z.union([Id, z.literal('none')]).optional(),
  groupId: Id.optional().describe('relationships with a member of this stakeholder group'),
  perStep: z.coerce.number().int().min(1).max(100).default(20),
  step: text().max(40).optional().describe('only this column (to page through it with `cursor`)'),
  cursor: text().max(1000).optional(),
});
export type BoardQuery = z.infer<typeof BoardQuery>;

/** A card: what the board shows of a relationship, without its journey (the largest part of the record). */
export const BoardCard = Relationship.pick({
  id: true,
  name: true,
  stakeholderId: true,
  stakeholderName: true,
  managerId: true,
  agentId: true,
  status: true,
  currentSteps: true,
  nextContactOn: true,
  nextReviewOn: true,
  health: true,
  version: true,
});
export type BoardCard = z.infer<typeof BoardCard>;

export const BoardColumn = z.object({
  key: z.string(),
  name: z.string(),
  count: z.number().int().describe('active relationships in this step, with the filters'),
  cards: z.array(BoardCard),
  nextCursor: z.string().nullable().describe('the next cards of this column: pass with `step`'),
});
export type BoardColumn = z.infer<typeof BoardColumn>;

export const Board = z.object({
  modelId: Id,
  modelVersion: z.number().int().describe("the model's version in force, whose steps are the columns"),
  columns: z.array(BoardColumn),
  elsewhere: z
    .number()
    .int()
    .describe("relationships in steps of a tailored journey that the model's journey lacks"),
});
export type Board = z.infer<typeof Board>;

/** Models in force for the stakeholder's groups, so opening a relationship can propose one. */
export const ModelProposal = z.object({
  groups: z.array(z.object({ id: Id, name: z.string() })),
  models: z.array(
    z.object({ id: Id, name: z.string(), agreedVersion: z.number().int(), groupIds: z.array(Id) }),
  ),
});
export type ModelProposal = z.infer<typeof ModelProposal>;

export const JourneyMoveCreate = z.strictObject({
  steps: StepKeys.min(1, 'name the step or steps it is in now'),
  note: ShortText.default(''),
  version: Version.optional(),
});
export type JourneyMoveCreate = z.infer<typeof JourneyMoveCreate>;

export const JourneyMove = z.object({
  id: Id,
  relationshipId: Id,
  fromSteps: z.array(z.string()),
  toSteps: z.array(z.string()),
  note: z.string(),
  actorId: Id.nullable(),
  at: IsoDateTime,
});
export type JourneyMove = z.infer<typeof JourneyMove>;

export const ChecklistTick = z.object({
  stepKey: z.string(),
  activityKey: z.string(),
  doneBy: Id.nullable(),
  doneAt: IsoDateTime,
});
export type ChecklistTick = z.infer<typeof ChecklistTick>;

export const ChecklistParams = z.strictObject({
  id: Id,
  stepKey: text().min(1).max(40),
  activityKey: text().min(1).max(40),
});
export const ChecklistSet = z.strictObject({ done: z.boolean() });

export const RelationshipEnd = z.strictObject({
  endedOn: IsoDate.optional().describe('defaults to today'),
  endReason: EndReason,
  endNote: ShortText.default(''),
  version: Version.optional(),
});
export type RelationshipEnd = z.infer<typeof RelationshipEnd>;
