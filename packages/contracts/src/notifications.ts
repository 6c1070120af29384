import { z } from 'zod';
import { Id, IsoDateTime, PageQuery, QueryBoolean, text, Version } from './limits.js';

export const notificationKinds = [
  'review_due',
  'review_overdue',
  'contact_overdue',
  'follow_up_due',
  'exception_assigned',
  'exception_escalated',
  'agreement_proposed',
  'survey_low_score',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const digestModes = ['immediate', 'daily'] as const;
export const DigestMode = z.enum(digestModes);
export type DigestMode = z.infer<typeof DigestMode>;

export const emailStatuses = ['queued', 'digest', 'sent', 'failed'] as const;

export const Notification = z.object({
  id: Id,
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  /** A path inside the web app, e.g. `/exceptions/{id}`. */
  link: z.string(),
  entity: z.string(),
  entityId: Id,
  createdAt: IsoDateTime,
  readAt: IsoDateTime.nullable(),
  emailedAt: IsoDateTime.nullable(),
  /** null: not sent by e-mail; queued / digest: waiting; sent; failed (with emailError). */
  emailStatus: z.enum(emailStatuses).nullable(),
  emailError: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({
  unread: QueryBoolean.optional(),
  ...PageQuery,
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationIdParams = z.strictObject({ id: Id });

export const ReadAllResult = z.object({ updated: z.number().int() });

export const NotificationPreference = z.strictObject({
  kind: NotificationKind,
  inApp: z.boolean(),
  email: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreference>;

export const NotificationSettings = z.object({
  digest: DigestMode,
  /** Every kind, in the order of `notificationKinds`. */
  preferences: z.array(NotificationPreference),
  /** false when the server has no SMTP server configured: e-mail choices are kept but nothing is sent. */
  emailEnabled: z.boolean(),
  version: Version,
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const NotificationSettingsUpdate = z.strictObject({
  digest: DigestMode,
  /** Kinds left out keep their current choice. */
  preferences: z
    .array(NotificationPreference)
    .max(notificationKinds.length)
    .refine((list) => new Set(list.map((p) => p.kind)).size === list.length, 'each kind at most once'),
  version: Version.optional(),
});
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdate>;

export const jobStatuses = ['pending', 'done', 'failed'] as const;
export const JobStatus = z.enum(jobStatuses);

export const Job = z.object({
  id: Id,
  kind: z.string(),
  status: JobStatus,
  payload: z.unknown(),
  runAt: IsoDateTime,
  attempts: z.number().int(),
  lockedUntil: IsoDateTime.nullable(),
  lockedBy: z.string().nullable(),
  doneAt: IsoDateTime.nullable(),
  lastError: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type Job = z.infer<typeof Job>;

export const JobListQuery = z.strictObject({
  status: JobStatus.optional(),
  kind: text().max(100).optional(),
  ...PageQuery,
});
export type JobListQuery = z.infer<typeof JobListQuery>;
