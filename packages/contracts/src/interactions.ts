import { z } from 'zod';
import {
  boundedList,
  Id,
  IsoDate,
  IsoDateTime,
  LongText,
  PageQuery,
  QueryBoolean,
  ShortText,
  text,
  Version,
} from './limits.js';

export const interactionKinds = [
  'meeting',
  'call',
  'email',
  'workshop',
  'event',
  'survey',
  'social_media',
  'other',
] as const;
export const InteractionKind = z.enum(interactionKinds);

const Sentiment = z.number().int().min(-2, 'from -2 to +2').max(2, 'from -2 to +2');

export const FollowUp = z.object({
  id: Id,
  interactionId: Id,
  relationshipId: Id.nullable(),
  text: z.string(),
  ownerId: Id.nullable(),
  dueOn: IsoDate.nullable(),
  doneAt: IsoDateTime.nullable(),
  doneBy: Id.nullable(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type FollowUp = z.infer<typeof FollowUp>;

export const Interaction = z.object({
  id: Id,
  relationshipId: Id.nullable(),
  stakeholderId: Id,
  kind: InteractionKind,
  occurredAt: IsoDateTime,
  confidential: z.boolean(),
  redacted: z
    .boolean()
    .describe(
      'true when it is confidential and not yours to read: summary, sentiment, people and actions are left out',
    ),
  summary: z.string(),
  sentiment: z.number().int().nullable(),
  participantUserIds: z.array(Id),
  participantStakeholderIds: z.array(Id),
  followUps: z.array(FollowUp),
  authorId: Id.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Interaction = z.infer<typeof Interaction>;

export const FollowUpCreate = z.strictObject({
  text: ShortText.trim().min(1),
  ownerId: Id.nullable().default(null),
  dueOn: IsoDate.nullable().default(null),
});

export const InteractionCreate = z.strictObject({
  relationshipId: Id.nullable().default(null),
  stakeholderId: Id.optional().describe("defaults to the relationship's stakeholder"),
  kind: InteractionKind,
  occurredAt: z.iso.datetime({ offset: true }).describe('when it happened, with offset'),
  confidential: z.boolean().default(false),
  summary: LongText.default(''),
  sentiment: Sentiment.nullable().default(null),
  participantUserIds: boundedList(Id).default([]),
  participantStakeholderIds: boundedList(Id).default([]),
  followUps: boundedList(FollowUpCreate).default([]),
});
export type InteractionCreate = z.infer<typeof InteractionCreate>;

export const InteractionPatch = z
  .strictObject({
    kind: InteractionKind,
    occurredAt: z.iso.datetime({ offset: true }),
    confidential: z.boolean(),
    summary: LongText,
    sentiment: Sentiment.nullable(),
    participantUserIds: boundedList(Id),
    participantStakeholderIds: boundedList(Id),
    version: Version,
  })
  .partial();
export type InteractionPatch = z.infer<typeof InteractionPatch>;

export const InteractionListQuery = z.strictObject({
  q: text()
    .max(200)
    .optional()
    .describe(
      'a substring of the summary, any case; a confidential one matches only for those who may read it',
    ),
  relationshipId: Id.optional(),
  stakeholderId: Id.optional().describe('with this stakeholder, as the counterpart or a participant'),
  authorId: Id.optional(),
  kind: InteractionKind.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(['occurredAt', '-occurredAt']).default('-occurredAt'),
  ...PageQuery,
});
export type InteractionListQuery = z.infer<typeof InteractionListQuery>;

export const FollowUpPatch = z
  .strictObject({
    text: ShortText.trim().min(1),
    ownerId: Id.nullable(),
    dueOn: IsoDate.nullable(),
    done: z.boolean(),
    version: Version,
  })
  .partial();
export type FollowUpPatch = z.infer<typeof FollowUpPatch>;

export const FollowUpListQuery = z.strictObject({
  ownerId: z.union([Id, z.literal('me')]).optional(),
  relationshipId: Id.optional(),
  open: QueryBoolean.optional().describe('true: not done yet; false: done'),
  sort: z.enum(['dueOn', '-dueOn', 'createdAt', '-createdAt']).default('dueOn'),
  ...PageQuery,
});
export type FollowUpListQuery = z.infer<typeof FollowUpListQuery>;
