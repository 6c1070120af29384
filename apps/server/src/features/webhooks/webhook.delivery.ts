import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { enqueue, type JobHandler, registerJobHandler } from '../jobs/jobs.js';
import { webhookDeliveries } from '../operations/metrics.js';
import { DELIVER_JOB } from './webhook.events.js';
import { claimDelivery, findDeliveryRow, findWebhookRow, recordAttempt } from './webhook.repository.js';
import { type SendResult, send, TIMEOUT_MS } from './webhook.sender.js';
import { checkWebhookUrl, type Resolver } from './webhook.url.js';

export interface DeliveryOptions {
  allowPrivate: boolean;
  /** The clock (tests move it instead of waiting). */
  now?: Date;
  resolve?: Resolver;
  timeoutMs?: number;
}

/** 30 s, 1 min, 2 min, … doubling, at most an hour between attempts. */
export const retryDelayMs = (attemptsSoFar: number) =>
  Math.min(30_000 * 2 ** Math.max(0, attemptsSoFar - 1), 3_600_000);

export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'skipped';

/**
 * One attempt of one delivery, by whoever claims it. The target is checked again first (DNS may have changed);
 * a refused target, a network error, a timeout or a non-2xx answer is recorded and retried with backoff until
 * the delivery's window ends, then it is failed. A `ping` is tried once.
 */
export async function attemptDelivery(
  db: Kysely<DB>,
  deliveryId: string,
  options: DeliveryOptions,
): Promise<AttemptOutcome> {
  const at = options.now ?? new Date();
  const atIso = at.toISOString();
  const lease = new Date(at.getTime() + (options.timeoutMs ?? TIMEOUT_MS) + 50_000).toISOString();
  const delivery = await findDeliveryRow(db, deliveryId);
  if (delivery?.status !== 'pending') return 'skipped';
  // Not yet due: a later job (after a redelivery) or an earlier one will take it.
  if (delivery.next_attempt_at !== null && delivery.next_attempt_at > atIso) return 'skipped';
  if (!(await claimDelivery(db, deliveryId, atIso, lease))) return 'skipped';

  const webhook = await findWebhookRow(db, delivery.webhook_id);
  let result: SendResult;
  if (!webhook || webhook.archived_at !== null || (webhook.active !== 1 && delivery.event_type !== 'ping')) {
    result = { ok: false, statusCode: null, error: 'the webhook is inactive or archived', durationMs: 0 };
  } else {
    const target = await checkWebhookUrl(webhook.url, options);
    result =
      'error' in target
        ? { ok: false, statusCode: null, error: `refused: ${target.error}`, durationMs: 0 }
        : await send(
            target,
            {
              secret: webhook.secret,
              eventType: delivery.event_type,
              deliveryId,
              body: delivery.payload,
              at,
            },
            options.timeoutMs,
            options.allowPrivate,
          );
  }

  const attempt = {
    at: atIso,
    statusCode: result.statusCode,
    error: result.error,
    durationMs: result.durationMs,
  };
  if (result.ok) {
    await db.transaction().execute((trx) =>
      recordAttempt(trx, deliveryId, attempt, {
        status: 'delivered',
        delivered_at: atIso,
        next_attempt_at: null,
      }),
    );
    webhookDeliveries.inc({ outcome: 'delivered' });
    return 'delivered';
  }
  const next = new Date(at.getTime() + retryDelayMs(Number(delivery.attempts) + 1)).toISOString();
  if (delivery.event_type === 'ping' || next > delivery.expires_at) {
    await db
      .transaction()
      .execute((trx) => recordAttempt(trx, deliveryId, attempt, { status: 'failed', next_attempt_at: null }));
    webhookDeliveries.inc({ outcome: delivery.event_type === 'ping' ? 'failed' : 'gave_up' });
    return 'failed';
  }
  await db.transaction().execute(async (trx) => {
    await recordAttempt(trx, deliveryId, attempt, { next_attempt_at: next });
    await enqueue(trx, { kind: DELIVER_JOB, payload: { deliveryId }, runAt: next });
  });
  webhookDeliveries.inc({ outcome: 'failed' });
  return 'retry';
}

/**
 * The job handler: the job runner claims each job once across instances; the delivery keeps its own schedule
 * (each retry is a new job at the next attempt's time), so the job itself always ends `done`.
 */
export function webhookJobHandlers(options: Partial<DeliveryOptions> = {}): Record<string, JobHandler> {
  return {
    [DELIVER_JOB]: async (payload, context) => {
      const { deliveryId } = payload as { deliveryId: string };
      await attemptDelivery(context.db, deliveryId, {
        allowPrivate: options.allowPrivate ?? context.config?.webhooksAllowPrivate ?? false,
        now: context.now,
        ...(options.resolve && { resolve: options.resolve }),
        ...(options.timeoutMs && { timeoutMs: options.timeoutMs }),
      });
    },
  };
}

// Every runner of this process sends deliveries (the service imports this module).
registerJobHandler(DELIVER_JOB, webhookJobHandlers()[DELIVER_JOB] as JobHandler);
