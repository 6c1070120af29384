import { z } from 'zod';
import { ToxicBehaviour } from './communality.js';
import {
  Id,
  IsoDate,
  IsoDateTime,
  LongText,
  Name,
  PageQuery,
  QueryBoolean,
  ShortText,
  text,
  Version,
} from './limits.js';

/** The exception register (guide §2.2.2, SPEC §6): what goes wrong (or notably right) in a relationship. */
export const exceptionTypes = [
  'conflict',
  'complaint',
  'compliment',
  'toxic_behaviour',
  'breach_of_trust',
  'crisis',
  'model_not_effective',
] as const;
export const ExceptionType = z.enum(exceptionTypes);
export type ExceptionType = z.infer<typeof ExceptionType>;

/** The antidote to each toxic behaviour (domain reference §7); the web app shows its own translations. */
export const toxicAntidotes: Record<ToxicBehaviour, string> = {
  criticism:
    'Gentle start-up: talk about your feelings with "I" statements about a specific situation, then express a positive need.',
  defensiveness: 'Accept responsibility, even for only part of the problem, and apologise where it is due.',
  contempt:
    'Build a culture of appreciation and respect: name what the other side does well, and describe your own needs instead of judging them.',
  stonewalling:
    'Take a break of at least 20 minutes to calm down, say when you will return, then come back to the conversation.',
};

export const exceptionSeverities = ['minor', 'moderate', 'severe'] as const;
export const ExceptionSeverity = z.enum(exceptionSeverities);
export type ExceptionSeverity = z.infer<typeof ExceptionSeverity>;

export const exceptionStatuses = ['open', 'in_mediation', 'escalated', 'resolved', 'closed'] as const;
export const ExceptionStatus = z.enum(exceptionStatuses);
export type ExceptionStatus = z.infer<typeof ExceptionStatus>;

/** The workflow: open → in mediation → resolved | escalated; escalated → mediation | resolved; resolved → closed. */
export const exceptionTransitions: Record<ExceptionStatus, readonly ExceptionStatus[]> = {
  open: ['in_mediation', 'resolved', 'escalated'],
  in_mediation: ['resolved', 'escalated'],
  escalated: ['in_mediation', 'resolved'],
  resolved: ['closed'],
  closed: [],
};

/** Statuses in which an exception still needs attention (`open=true`, health, overdue). */
export const unresolvedExceptionStatuses = ['open', 'in_mediation', 'escalated'] as const;

export const ExceptionModelProposal = z.object({
  modelId: Id,
  version: z.number().int().describe('the draft version of the model that carries the proposal'),
});

export const Exception = z.object({
  id: Id,
  relationshipId: Id.nullable(),
  relationshipName: z.string().nullable(),
  stakeholderIds: z.array(Id),
  title: z.string(),
  description: z.string(),
  type: ExceptionType,
  toxicBehaviour: ToxicBehaviour.nullable(),
  guidance: z.string().nullable().describe('the antidote to a toxic behaviour'),
  severity: ExceptionSeverity,
  status: ExceptionStatus,
  reportedBy: Id.nullable().describe('null when the reporter is hidden (except for administrators)'),
  reporterHidden: z.boolean(),
  ownerId: Id.nullable(),
  dueOn: IsoDate.nullable(),
  occurredOn: IsoDate.nullable(),
  overdue: z.boolean().describe('due before today and not resolved or closed'),
  mediationNotes: z.string(),
  resolution: z.string(),
  modelProposal: ExceptionModelProposal.nullable(),
  allowedTransitions: z
    .array(ExceptionStatus)
    .describe('the statuses the signed-in user may move it to now (empty when they may not transition it)'),
  resolvedAt: IsoDateTime.nullable(),
  closedAt: IsoDateTime.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Exception = z.infer<typeof Exception>;

const StakeholderIds = z.array(Id).max(20, 'at most 20 stakeholders');

export const ExceptionCreate = z.strictObject({
  relationshipId: Id.nullable().default(null),
  stakeholderIds: StakeholderIds.default([]).describe('internal or external; with or without a relationship'),
  title: Name,
  description: LongText.default(''),
  type: ExceptionType,
  toxicBehaviour: ToxicBehaviour.nullable()
    .default(null)
    .describe('required exactly when type is toxic_behaviour'),
  severity: ExceptionSeverity,
  reporterHidden: z
    .boolean()
    .default(false)
    .describe('hide who reported it from everyone but administrators'),
  ownerId: Id.nullable().default(null),
  dueOn: IsoDate.nullable().default(null),
  occurredOn: IsoDate.nullable().default(null),
});
export type ExceptionCreate = z.infer<typeof ExceptionCreate>;

export const ExceptionPatch = z
  .strictObject({
    title: Name,
    description: LongText,
    stakeholderIds: StakeholderIds,
    type: ExceptionType,
    toxicBehaviour: ToxicBehaviour.nullable(),
    severity: ExceptionSeverity,
    ownerId: Id.nullable(),
    dueOn: IsoDate.nullable(),
    occurredOn: IsoDate.nullable(),
    mediationNotes: LongText,
    resolution: LongText,
    version: Version,
  })
  .partial();
export type ExceptionPatch = z.infer<typeof ExceptionPatch>;

export const ExceptionTransitionCreate = z.strictObject({
  to: ExceptionStatus,
  note: ShortText.default(''),
  resolution: LongText.optional().describe('required to resolve, unless the exception has one already'),
  version: Version.optional(),
});
export type ExceptionTransitionCreate = z.infer<typeof ExceptionTransitionCreate>;

export const ExceptionTransition = z.object({
  id: Id,
  exceptionId: Id,
  from: ExceptionStatus,
  to: ExceptionStatus,
  note: z.string(),
  actorId: Id.nullable(),
  at: IsoDateTime,
});
export type ExceptionTransition = z.infer<typeof ExceptionTransition>;

export const ExceptionModelProposalCreate = z.strictObject({
  note: ShortText.trim().min(1, 'say what should change in the model'),
  version: Version.optional(),
});
export type ExceptionModelProposalCreate = z.infer<typeof ExceptionModelProposalCreate>;

export const exceptionSorts = [
  'createdAt',
  '-createdAt',
  'dueOn',
  '-dueOn',
  'severity',
  '-severity',
] as const;

export const ExceptionListQuery = z.strictObject({
  q: text().max(200).optional().describe('in the title'),
  relationshipId: Id.optional(),
  stakeholderId: Id.optional().describe('named on it, or a party of its relationship'),
  type: ExceptionType.optional(),
  severity: ExceptionSeverity.optional(),
  status: ExceptionStatus.optional(),
  ownerId: z.union([Id, z.literal('none')]).optional(),
  open: QueryBoolean.optional().describe('true: not resolved or closed; false: resolved or closed'),
  overdue: QueryBoolean.optional().describe('true: due before today and not resolved or closed'),
  from: IsoDate.optional().describe('raised on or after this day (UTC)'),
  to: IsoDate.optional().describe('raised on or before this day (UTC)'),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(exceptionSorts).default('-createdAt'),
  ...PageQuery,
});
export type ExceptionListQuery = z.infer<typeof ExceptionListQuery>;
