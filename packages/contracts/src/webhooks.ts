import { z } from 'zod';
import { Id, IsoDateTime, PageQuery, ShortText, text, Version } from './limits.js';

/** Webhooks: an administrator's URLs that receive signed events of changes (SPEC-silent; see architecture). */
export const webhookEntities = [
  'stakeholder',
  'relationship',
  'interaction',
  'exception',
  'review',
  'survey_answer',
] as const;
export type WebhookEntity = (typeof webhookEntities)[number];

/** The events an entity has (a survey answer is only ever created). */
export const webhookEntityEvents: Record<WebhookEntity, readonly ('created' | 'updated' | 'archived')[]> = {
  stakeholder: ['created', 'updated', 'archived'],
  relationship: ['created', 'updated', 'archived'],
  interaction: ['created', 'updated', 'archived'],
  exception: ['created', 'updated', 'archived'],
  review: ['created', 'updated', 'archived'],
  survey_answer: ['created'],
};

export const webhookEventTypes = webhookEntities.flatMap((entity) =>
  webhookEntityEvents[entity].map((event) => `${entity}.${event}` as const),
);
export const WebhookEventType = z.enum(webhookEventTypes as [string, ...string[]]);

export const WebhookUrl = text().trim().min(1).max(2000);

export const Webhook = z.object({
  id: Id,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdBy: Id.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Webhook = z.infer<typeof Webhook>;

/** Answered once, on create and on rotating the secret: the secret is never shown again. */
export const WebhookWithSecret = Webhook.extend({
  secret: z.string().describe('HMAC-SHA256 key of the x-rapport-signature header; shown only now'),
});
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

const EventTypes = z
  .array(WebhookEventType)
  .min(1)
  .max(webhookEventTypes.length)
  .refine((list) => new Set(list).size === list.length, 'each event type once');

export const WebhookCreate = z.strictObject({
  url: WebhookUrl,
  description: ShortText.default(''),
  eventTypes: EventTypes,
  active: z.boolean().default(true),
});
export type WebhookCreate = z.infer<typeof WebhookCreate>;

export const WebhookPatch = z
  .strictObject({
    url: WebhookUrl,
    description: ShortText,
    eventTypes: EventTypes,
    active: z.boolean(),
    version: Version,
  })
  .partial();
export type WebhookPatch = z.infer<typeof WebhookPatch>;

export const WebhookListQuery = z.strictObject({
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(['createdAt', '-createdAt']).default('-createdAt'),
  ...PageQuery,
});
export type WebhookListQuery = z.infer<typeof WebhookListQuery>;

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export const WebhookDeliveryStatus = z.enum(webhookDeliveryStatuses);

export const WebhookAttempt = z.object({
  at: IsoDateTime,
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

export const WebhookDelivery = z.object({
  id: Id.describe('also the id of the event in the payload'),
  webhookId: Id,
  eventType: z.string(),
  status: WebhookDeliveryStatus,
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.describe('retries stop here (a day after the event or the redelivery)'),
  deliveredAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  payload: z.unknown(),
  attemptLog: z.array(WebhookAttempt).describe('every attempt, oldest first'),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryListQuery = z.strictObject({
  status: WebhookDeliveryStatus.optional(),
  ...PageQuery,
});
export type WebhookDeliveryListQuery = z.infer<typeof WebhookDeliveryListQuery>;
