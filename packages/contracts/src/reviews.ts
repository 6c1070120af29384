import { z } from 'zod';
import { Interaction, InteractionKind } from './interactions.js';
import {
  boundedList,
  Id,
  IsoDate,
  IsoDateTime,
  LongText,
  Name,
  PageQuery,
  QueryBoolean,
  text,
  Version,
} from './limits.js';

/** SPEC §6: a review is of a relationship or of the approach. */
export const reviewSubjects = ['approach', 'relationship'] as const;
export const ReviewSubject = z.enum(reviewSubjects);

export const reviewTriggers = [
  'periodic',
  'change',
  'end',
  'exception',
  'crisis',
  'strategy_change',
] as const;
export const ReviewTrigger = z.enum(reviewTriggers);

export const reviewStatuses = ['planned', 'done', 'cancelled'] as const;
export const ReviewStatus = z.enum(reviewStatuses);

const Participant = text().trim().min(1).max(200);
const Satisfaction = z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5');

export const Review = z.object({
  id: Id,
  subject: ReviewSubject,
  relationshipId: Id.nullable().describe(
    'the relationship reviewed (subject relationship); null for the approach',
  ),
  relationshipName: z.string().nullable(),
  periodFrom: IsoDate.nullable().describe('the first day of the period the review looks back on'),
  periodTo: IsoDate.nullable().describe('the last day of that period'),
  triggerExceptionId: Id.nullable().describe('the exception that prompted it (trigger exception)'),
  title: z.string(),
  trigger: ReviewTrigger,
  triggerNote: z.string(),
  status: ReviewStatus,
  scheduledOn: IsoDate.nullable(),
  heldOn: IsoDate.nullable(),
  participants: z.array(z.string()),
  findings: z.string(),
  decisions: z.string(),
  lessonsLearned: z.string(),
  satisfaction: z.number().int().nullable(),
  effective: z.boolean().nullable().describe('is the approach (or relationship) working as intended?'),
  communicatedTo: z.array(z.string()),
  createdBy: Id.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Review = z.infer<typeof Review>;

const editable = {
  title: Name,
  trigger: ReviewTrigger,
  triggerNote: LongText,
  status: ReviewStatus,
  scheduledOn: IsoDate.nullable(),
  heldOn: IsoDate.nullable(),
  participants: boundedList(Participant),
  findings: LongText,
  decisions: LongText,
  lessonsLearned: LongText,
  satisfaction: Satisfaction.nullable(),
  effective: z.boolean().nullable(),
  communicatedTo: boundedList(Participant),
  periodFrom: IsoDate.nullable(),
  periodTo: IsoDate.nullable(),
  triggerExceptionId: Id.nullable(),
};

export const ReviewCreate = z.strictObject({
  subject: ReviewSubject.default('approach'),
  relationshipId: Id.nullable()
    .optional()
    .describe('required for a relationship review, forbidden for an approach review'),
  periodFrom: editable.periodFrom
    .optional()
    .describe('relationship reviews default to the day of the last review held, else the start'),
  periodTo: editable.periodTo.optional().describe('defaults to the planned date, else today'),
  triggerExceptionId: editable.triggerExceptionId.optional(),
  title: editable.title,
  trigger: editable.trigger.default('periodic'),
  triggerNote: editable.triggerNote.default(''),
  status: editable.status.default('planned'),
  scheduledOn: editable.scheduledOn.default(null),
  heldOn: editable.heldOn.default(null),
  participants: editable.participants.default([]),
  findings: editable.findings.default(''),
  decisions: editable.decisions.default(''),
  lessonsLearned: editable.lessonsLearned.default(''),
  satisfaction: editable.satisfaction.default(null),
  effective: editable.effective.default(null),
  communicatedTo: editable.communicatedTo.default([]),
});
export type ReviewCreate = z.infer<typeof ReviewCreate>;

export const ReviewPatch = z.strictObject({ ...editable, version: Version }).partial();
export type ReviewPatch = z.infer<typeof ReviewPatch>;

export const ReviewListQuery = z.strictObject({
  q: text().max(200).optional(),
  subject: ReviewSubject.optional(),
  relationshipId: Id.optional(),
  status: ReviewStatus.optional(),
  trigger: ReviewTrigger.optional(),
  due: QueryBoolean.optional().describe('true: only planned reviews whose date has come'),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z
    .enum(['scheduledOn', '-scheduledOn', 'heldOn', '-heldOn', 'createdAt', '-createdAt'])
    .default('-createdAt'),
  ...PageQuery,
});
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;

/** `GET /reviews/due`: active relationships whose next review date has come and that have no planned review. */
export const ReviewDueQuery = z.strictObject({
  withinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(0)
    .describe('also list those due within this many days from today'),
  managerId: Id.optional(),
  ...PageQuery,
});
export type ReviewDueQuery = z.infer<typeof ReviewDueQuery>;

export const ReviewDue = z.object({
  relationshipId: Id,
  name: z.string(),
  stakeholderName: z.string(),
  managerId: Id.nullable(),
  nextReviewOn: IsoDate,
  overdue: z.boolean().describe('the date is before today'),
});
export type ReviewDue = z.infer<typeof ReviewDue>;

/** The evidence a relationship review looks at, for its period (`GET /reviews/{id}/evidence`). */
export const ReviewEvidence = z.object({
  reviewId: Id,
  relationshipId: Id,
  periodFrom: IsoDate,
  periodTo: IsoDate,
  interactions: z.object({
    total: z.number().int().describe('every interaction in the period, confidential ones included'),
    byKind: z.partialRecord(InteractionKind, z.number().int()),
    averageSentiment: z
      .number()
      .nullable()
      .describe('of the interactions this reader may read whole, −2..+2; null when none has one'),
    withSentiment: z.number().int(),
    sentimentByDay: z.array(z.object({ day: IsoDate, average: z.number(), count: z.number().int() })),
    latest: z.array(Interaction).describe('the newest 20, redacted as the interaction log redacts them'),
  }),
  health: z.array(z.object({ day: IsoDate, score: z.number().int().nullable() })),
  checklist: z.object({
    total: z.number().int(),
    done: z.number().int(),
    doneInPeriod: z.number().int(),
    steps: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        current: z.boolean(),
        total: z.number().int(),
        done: z.number().int(),
      }),
    ),
  }),
  exceptions: z.object({
    available: z.boolean().describe('false while exceptions are not recorded by this installation'),
    total: z.number().int(),
    items: z.array(
      z.object({
        id: Id,
        title: z.string(),
        type: z.string(),
        severity: z.string(),
        status: z.string(),
        raisedOn: z.string(),
      }),
    ),
  }),
  surveys: z.object({
    available: z.boolean().describe('false while surveys are not recorded by this installation'),
    responses: z.number().int(),
    averageCsat: z.number().nullable(),
    nps: z.number().nullable(),
    items: z.array(
      z.object({
        id: Id,
        title: z.string(),
        responses: z.number().int(),
        averageCsat: z.number().nullable(),
        nps: z.number().nullable(),
      }),
    ),
  }),
  reviews: z
    .array(
      z.object({
        id: Id,
        title: z.string(),
        heldOn: IsoDate.nullable(),
        satisfaction: z.number().nullable(),
      }),
    )
    .describe('earlier reviews of the relationship held, newest first (at most 10)'),
});
export type ReviewEvidence = z.infer<typeof ReviewEvidence>;
