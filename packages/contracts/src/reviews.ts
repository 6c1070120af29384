import { z } from 'zod';
import {
  boundedList,
  Id,
  IsoDate,
  IsoDateTime,
  LongText,
  Name,
  PageQuery,
  QueryBoolean,
  Version,
} from './limits.js';

/** SPEC §6: a review is of a relationship or of the approach; relationship reviews come with relationships. */
export const reviewSubjects = ['approach'] as const;
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

const Participant = z.string().trim().min(1).max(200);
const Satisfaction = z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5');

export const Review = z.object({
  id: Id,
  subject: ReviewSubject,
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
};

export const ReviewCreate = z.strictObject({
  subject: ReviewSubject.default('approach'),
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
  q: z.string().max(200).optional(),
  subject: ReviewSubject.optional(),
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
