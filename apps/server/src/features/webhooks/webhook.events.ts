import type { AuditEntry } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, WebhookDeliveriesTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { auditEntriesFor, entitiesHiddenFrom } from '../audit/audit.redaction.js';
import type { Actor } from '../auth/actor.js';
import { enqueue } from '../jobs/jobs.js';
import { activeSubscriptions, insertDeliveries } from './webhook.repository.js';

export const DELIVER_JOB = 'webhook.deliver';
/** Retries stop a day after the event (or after a redelivery). */
export const DELIVERY_WINDOW_MS = 24 * 3_600_000;

/** What the audit log records of a change, as far as webhooks need it. */
export interface AuditedChange {
  action: string;
  entity: string;
  entityId: string;
  actorId: string | null;
  before: unknown;
  after: unknown;
}

const eventOfAction: Record<string, 'created' | 'updated' | 'archived'> = {
  create: 'created',
  update: 'updated',
  restore: 'updated',
  archive: 'archived',
};

const subscribable = new Set([
  'stakeholder',
  'relationship',
  'interaction',
  'exception',
  'review',
  'survey_answer',
]);

/** `stakeholder.created`, … or null when no webhook can listen to this change. */
export function eventTypeOf(change: Pick<AuditedChange, 'action' | 'entity'>): string | null {
  const event = eventOfAction[change.action];
  return event && subscribable.has(change.entity) ? `${change.entity}.${event}` : null;
}

/** Someone who may read the audit log but is no administrator: what webhooks send is what such a reader sees. */
const outsideReader: Actor = { id: 'webhooks', name: 'Webhooks', role: 'viewer', via: 'token' };

/**
 * Called by recordAudit with the transaction of the change: one delivery per active webhook listening to the
 * event, and one job to send it, committed exactly when the change commits (outbox). Nothing is sent here.
 */
export async function enqueueWebhookEvents(trx: Kysely<DB>, changes: AuditedChange[], at: string) {
  const typed = changes
    .map((change) => ({ change, type: eventTypeOf(change) }))
    .filter((item): item is { change: AuditedChange; type: string } => item.type !== null);
  if (typed.length === 0) return;
  const hooks = await activeSubscriptions(trx);
  if (hooks.length === 0) return;
  const hidden = new Set(entitiesHiddenFrom(outsideReader.role));
  const wanted = typed.filter(
    ({ change, type }) => !hidden.has(change.entity) && hooks.some((hook) => hook.eventTypes.has(type)),
  );
  if (wanted.length === 0) return;
  // A change goes out as a reader of the audit log who is no administrator sees it (confidential interactions,
  // hidden reporters, survey answers, secrets); what that reader may not see at all was left out above, so the
  // entries stay in step with `wanted`.
  const redacted = await auditEntriesFor(
    trx,
    wanted.map(({ change }) => ({ id: '', at, ...change })) as AuditEntry[],
    outsideReader,
  );
  const expiresAt = new Date(Date.parse(at) + DELIVERY_WINDOW_MS).toISOString();
  const rows: WebhookDeliveriesTable[] = [];
  wanted.forEach(({ type }, index) => {
    const entry = redacted[index] as AuditEntry;
    for (const hook of hooks) {
      if (!hook.eventTypes.has(type)) continue;
      const id = newId();
      rows.push({
        id,
        webhook_id: hook.id,
        event_type: type,
        payload: toJson({
          id,
          type,
          occurredAt: at,
          data: { entity: entry.entity, entityId: entry.entityId, before: entry.before, after: entry.after },
        }),
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        locked_until: null,
        expires_at: expiresAt,
        last_status_code: null,
        last_error: null,
        delivered_at: null,
        created_at: at,
        updated_at: at,
      });
    }
  });
  await insertDeliveries(trx, rows);
  for (const row of rows) await enqueue(trx, { kind: DELIVER_JOB, payload: { deliveryId: row.id } });
}
