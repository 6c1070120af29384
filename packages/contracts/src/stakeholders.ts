import { z } from 'zod';
import {
  EngagementLevel,
  Quadrant,
  SalienceClass,
  Scope,
  StakeholderCategory,
  StakeholderKind,
} from './enums.js';
import {
  boundedList,
  Id,
  IsoDateTime,
  LongText,
  limits,
  Name,
  PageQuery,
  QueryBoolean,
  ShortText,
  text,
  Version,
} from './limits.js';

const Scale = z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5');
const Tag = text().trim().min(1).max(50);
const Phone = text().trim().min(1).max(50);
const ContactEmail = text().trim().toLowerCase().max(200).pipe(z.email());

export const Stakeholder = z.object({
  id: Id,
  name: z.string(),
  kind: StakeholderKind,
  category: StakeholderCategory,
  scope: Scope,
  parentId: Id.nullable(),
  orgUnitId: Id.nullable().describe('the org unit an internal stakeholder belongs to'),
  influence: z.number().int(),
  interest: z.number().int(),
  quadrant: Quadrant,
  power: z.boolean(),
  legitimacy: z.boolean(),
  urgency: z.boolean(),
  salience: SalienceClass,
  engagementCurrent: EngagementLevel.nullable(),
  engagementDesired: EngagementLevel.nullable(),
  targetInfluence: z.number().int().nullable(),
  targetInterest: z.number().int().nullable(),
  ownerId: Id.nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  tags: z.array(z.string()),
  notes: z.string(),
  externalRef: z
    .string()
    .nullable()
    .describe('the id of this stakeholder in another system (CSV upsert key)'),
  engagementGap: z.number().int().nullable().describe('desired minus current engagement level, in steps'),
  lastAssessedAt: IsoDateTime.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Stakeholder = z.infer<typeof Stakeholder>;

const editable = {
  name: Name,
  kind: StakeholderKind,
  category: StakeholderCategory,
  scope: Scope,
  parentId: Id.nullable(),
  orgUnitId: Id.nullable(),
  influence: Scale,
  interest: Scale,
  power: z.boolean(),
  legitimacy: z.boolean(),
  urgency: z.boolean(),
  engagementCurrent: EngagementLevel.nullable(),
  engagementDesired: EngagementLevel.nullable(),
  targetInfluence: Scale.nullable(),
  targetInterest: Scale.nullable(),
  ownerId: Id.nullable(),
  emails: boundedList(ContactEmail),
  phones: boundedList(Phone),
  tags: boundedList(Tag),
  notes: LongText,
  externalRef: text().trim().min(1).max(limits.name).nullable(),
};

/** A note kept with the assessment when influence, interest, salience or engagement change. */
const assessmentNote = ShortText.optional();

export const StakeholderCreate = z.strictObject({
  ...editable,
  kind: editable.kind.default('person'),
  scope: editable.scope.default('external'),
  parentId: editable.parentId.optional(),
  orgUnitId: editable.orgUnitId.optional(),
  power: editable.power.default(false),
  legitimacy: editable.legitimacy.default(false),
  urgency: editable.urgency.default(false),
  engagementCurrent: editable.engagementCurrent.optional(),
  engagementDesired: editable.engagementDesired.optional(),
  targetInfluence: editable.targetInfluence.optional(),
  targetInterest: editable.targetInterest.optional(),
  ownerId: editable.ownerId.optional(),
  emails: editable.emails.default([]),
  phones: editable.phones.default([]),
  tags: editable.tags.default([]),
  notes: editable.notes.default(''),
  externalRef: editable.externalRef.optional(),
  assessmentNote,
});
export type StakeholderCreate = z.infer<typeof StakeholderCreate>;

export const StakeholderPatch = z.strictObject({
  ...Object.fromEntries(Object.entries(editable).map(([key, schema]) => [key, schema.optional()])),
  assessmentNote,
  version: Version.optional(),
} as { [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K]> } & {
  assessmentNote: typeof assessmentNote;
  version: z.ZodOptional<typeof Version>;
});
export type StakeholderPatch = z.infer<typeof StakeholderPatch>;

/** Fields whose change is an assessment of the stakeholder's position (SPEC §2). */
export const assessedFields = [
  'influence',
  'interest',
  'power',
  'legitimacy',
  'urgency',
  'engagementCurrent',
  'engagementDesired',
  'targetInfluence',
  'targetInterest',
] as const;
export type AssessedField = (typeof assessedFields)[number];

export const stakeholderSorts = [
  'name',
  'createdAt',
  'updatedAt',
  'influence',
  'interest',
  'engagementGap',
  'lastAssessedAt',
] as const;
const sortValues = stakeholderSorts.flatMap((field) => [field, `-${field}`]) as [string, ...string[]];

const csvOf = <T extends z.ZodType<string, string>>(item: T) =>
  text()
    .max(2000)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50));

export const StakeholderListQuery = z.strictObject({
  q: text().max(200).optional(),
  category: csvOf(StakeholderCategory).optional(),
  scope: Scope.optional(),
  quadrant: csvOf(Quadrant).optional(),
  salience: csvOf(SalienceClass).optional(),
  ownerId: text().max(64).optional().describe('a user id, or "none" for stakeholders without an owner'),
  tag: csvOf(Tag).optional().describe('comma-separated; a stakeholder with any of them matches'),
  groupId: text().max(64).optional().describe('members of this stakeholder group'),
  orgUnitId: text().max(64).optional().describe('internal stakeholders of this org unit'),
  due: QueryBoolean.optional().describe(
    'true: members of groups with a re-assessment interval whose last assessment is older than it',
  ),
  archived: z
    .enum(['false', 'true', 'only'])
    .default('false')
    .describe('false: active only; true: active and archived; only: archived only'),
  sort: z.enum(sortValues).default('name'),
  ...PageQuery,
});
export type StakeholderListQuery = z.infer<typeof StakeholderListQuery>;

export const AssessmentValues = z.object({
  influence: z.number().int(),
  interest: z.number().int(),
  power: z.boolean(),
  legitimacy: z.boolean(),
  urgency: z.boolean(),
  engagementCurrent: EngagementLevel.nullable(),
  engagementDesired: EngagementLevel.nullable(),
  targetInfluence: z.number().int().nullable(),
  targetInterest: z.number().int().nullable(),
});
export type AssessmentValues = z.infer<typeof AssessmentValues>;

export const Assessment = z.object({
  id: Id,
  stakeholderId: Id,
  at: IsoDateTime,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  note: z.string(),
  before: AssessmentValues.nullable(),
  after: AssessmentValues,
});
export type Assessment = z.infer<typeof Assessment>;
