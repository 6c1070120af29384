import { randomBytes } from 'node:crypto';
import type {
  Webhook,
  WebhookCreate,
  WebhookDeliveryListQuery,
  WebhookListQuery,
  WebhookPatch,
  WebhookWithSecret,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, WebhooksTable } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { now } from '../../shared/time.js';
import { versionedRecords } from '../../shared/versioned-records.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { enqueue } from '../jobs/jobs.js';
import { attemptDelivery } from './webhook.delivery.js';
import { DELIVER_JOB, DELIVERY_WINDOW_MS } from './webhook.events.js';
import {
  findDelivery,
  findDeliveryRow,
  findWebhook,
  findWebhookRow,
  insertDeliveries,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  updateDelivery,
} from './webhook.repository.js';
import { checkWebhookUrl, type Resolver } from './webhook.url.js';

/** 32 random bytes, hex: the HMAC key of a webhook's signatures. */
const newSecret = () => randomBytes(32).toString('hex');

export interface WebhookServiceOptions {
  allowPrivate: boolean;
  /** Tests replace DNS. */
  resolve?: Resolver;
}

export function createWebhookService(db: Kysely<DB>, options: WebhookServiceOptions) {
  // The audit entries carry the record without its secret (find presents it without).
  const records = versionedRecords<Webhook, WebhooksTable>(db, {
    table: 'webhooks',
    entity: 'webhook',
    label: 'webhook',
    find: findWebhook,
    insert: insertWebhook,
  });

  /** URL rules with the host resolved now: every problem of the field as a 422 field error. */
  async function checkUrl(url: string) {
    const checked = await checkWebhookUrl(url, options);
    if ('error' in checked) throw fieldErrors('rule_broken', [{ path: 'url', message: checked.error }]);
  }

  async function withSecret(id: string): Promise<WebhookWithSecret> {
    const row = await findWebhookRow(db, id);
    const record = await findWebhook(db, id);
    if (!row || !record) throw new AppError('not_found', `No webhook with id ${id}`);
    return { ...record, secret: row.secret };
  }

  async function loadWebhook(id: string) {
    const webhook = await findWebhook(db, id);
    if (!webhook) throw new AppError('not_found', `No webhook with id ${id}`);
    return webhook;
  }

  return {
    async list(actor: Actor | null, query: WebhookListQuery) {
      requirePermission(actor, 'webhooks.manage');
      return listWebhooks(db, query);
    },

    async get(actor: Actor | null, id: string) {
      requirePermission(actor, 'webhooks.manage');
      return records.load(db, id);
    },

    /** The only answer besides rotate-secret that carries the secret. */
    async create(actor: Actor | null, input: WebhookCreate): Promise<WebhookWithSecret> {
      const signedIn = requirePermission(actor, 'webhooks.manage');
      await checkUrl(input.url);
      const at = now();
      const created = await records.create(signedIn, {
        id: newId(),
        url: input.url,
        description: input.description,
        event_types: toJson(input.eventTypes),
        secret: newSecret(),
        active: input.active ? 1 : 0,
        created_by: signedIn.id,
        archived_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      });
      return withSecret(created.id);
    },

    async update(actor: Actor | null, id: string, version: number, patch: WebhookPatch) {
      const signedIn = requirePermission(actor, 'webhooks.manage');
      if (patch.url !== undefined) await checkUrl(patch.url);
      return records.update(signedIn, id, version, () => ({
        ...(patch.url !== undefined && { url: patch.url }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.eventTypes !== undefined && { event_types: toJson(patch.eventTypes) }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
      }));
    },

    async archive(actor: Actor | null, id: string, version: number) {
      return records.archive(requirePermission(actor, 'webhooks.manage'), id, version);
    },

    async restore(actor: Actor | null, id: string, version: number) {
      return records.restore(requirePermission(actor, 'webhooks.manage'), id, version);
    },

    /** A new secret, answered once; the old one stops signing at once. A versioned write like any other. */
    async rotateSecret(actor: Actor | null, id: string, version: number): Promise<WebhookWithSecret> {
      const signedIn = requirePermission(actor, 'webhooks.manage');
      await records.update(signedIn, id, version, () => ({ secret: newSecret() }));
      return withSecret(id);
    },

    async deliveries(actor: Actor | null, id: string, query: WebhookDeliveryListQuery) {
      requirePermission(actor, 'webhooks.manage');
      await loadWebhook(id);
      return listDeliveries(db, id, query);
    },

    async delivery(actor: Actor | null, id: string) {
      requirePermission(actor, 'webhooks.manage');
      const delivery = await findDelivery(db, id);
      if (!delivery) throw new AppError('not_found', `No webhook delivery with id ${id}`);
      return delivery;
    },

    /** A `ping` sent now, while the administrator waits: the answer is the delivery with its one attempt. */
    async test(actor: Actor | null, id: string) {
      requirePermission(actor, 'webhooks.manage');
      const webhook = await loadWebhook(id);
      if (webhook.archivedAt !== null)
        throw new AppError('rule_broken', 'An archived webhook is read-only; restore it first');
      const at = now();
      const deliveryId = newId();
      await insertDeliveries(db, [
        {
          id: deliveryId,
          webhook_id: id,
          event_type: 'ping',
          payload: toJson({
            id: deliveryId,
            type: 'ping',
            occurredAt: at,
            data: { webhookId: id, eventTypes: webhook.eventTypes },
          }),
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          locked_until: null,
          expires_at: at,
          last_status_code: null,
          last_error: null,
          delivered_at: null,
          created_at: at,
          updated_at: at,
        },
      ]);
      await attemptDelivery(db, deliveryId, { ...options, now: new Date(at) });
      return (await findDelivery(db, deliveryId)) as NonNullable<Awaited<ReturnType<typeof findDelivery>>>;
    },

    /**
     * Sends a delivery again with its original id and body: it becomes pending with a new day of retries.
     * A delivery being sent right now is refused (409) rather than sent twice.
     */
    async redeliver(actor: Actor | null, deliveryId: string) {
      requirePermission(actor, 'webhooks.manage');
      const at = now();
      await db.transaction().execute(async (trx) => {
        const delivery = await findDeliveryRow(trx, deliveryId);
        if (!delivery) throw new AppError('not_found', `No webhook delivery with id ${deliveryId}`);
        if (delivery.locked_until !== null && delivery.locked_until > at)
          throw new AppError('conflict', 'This delivery is being sent right now');
        await updateDelivery(trx, deliveryId, {
          status: 'pending',
          next_attempt_at: at,
          expires_at: new Date(Date.parse(at) + DELIVERY_WINDOW_MS).toISOString(),
          delivered_at: null,
          updated_at: at,
        });
        await enqueue(trx, { kind: DELIVER_JOB, payload: { deliveryId } });
      });
      return (await findDelivery(db, deliveryId)) as NonNullable<Awaited<ReturnType<typeof findDelivery>>>;
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
