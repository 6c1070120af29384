import type { Webhook, WebhookAttempt, WebhookDelivery, WebhookDeliveryListQuery } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import { listPage } from '../../db/list-page.js';
import type { DB, WebhookDeliveriesTable, WebhooksTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { fromJsonList } from '../../shared/json.js';
import { applyKeyset, type Keyset, type Page, pageFrom } from '../../shared/pagination.js';

/** The record as the API shows it: never the secret. */
export function toWebhook(row: WebhooksTable): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: fromJsonList(row.event_types),
    active: row.active === 1,
    createdBy: row.created_by,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findWebhookRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findWebhook(db: Kysely<DB>, id: string) {
  const row = await findWebhookRow(db, id);
  return row && toWebhook(row);
}

export async function insertWebhook(db: Kysely<DB>, row: WebhooksTable) {
  await db.insertInto('webhooks').values(row).execute();
}

export function listWebhooks(
  db: Kysely<DB>,
  query: {
    archived: 'false' | 'true' | 'only';
    sort: string;
    cursor?: string;
    limit: number;
    count?: boolean;
  },
) {
  const base = db
    .selectFrom('webhooks')
    .$if(query.archived === 'false', (q) => q.where('archived_at', 'is', null))
    .$if(query.archived === 'only', (q) => q.where('archived_at', 'is not', null));
  return listPage(base, 'webhooks', { ...query, sortColumns: { createdAt: 'created_at' } }, toWebhook);
}

/** Active webhooks and what they listen to: one index range over a table of a handful of rows. */
export async function activeSubscriptions(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('webhooks')
    .select(['id', 'event_types'])
    .where('active', '=', 1)
    .where('archived_at', 'is', null)
    .execute();
  return rows.map((row) => ({ id: row.id, eventTypes: new Set(fromJsonList(row.event_types)) }));
}

export async function insertDeliveries(db: Kysely<DB>, rows: WebhookDeliveriesTable[]) {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('webhook_deliveries')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function findDeliveryRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

const toAttempt = (row: {
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}): WebhookAttempt => ({
  at: row.at,
  statusCode: row.status_code === null ? null : Number(row.status_code),
  error: row.error,
  durationMs: Number(row.duration_ms),
});

function toDelivery(row: WebhookDeliveriesTable, attempts: WebhookAttempt[]): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventType: row.event_type,
    status: row.status as WebhookDelivery['status'],
    attempts: Number(row.attempts),
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    expiresAt: row.expires_at,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
    payload: JSON.parse(row.payload),
    attemptLog: attempts,
  };
}

/** The attempts of many deliveries in one query. */
async function attemptsOf(db: Kysely<DB>, ids: string[]) {
  const byDelivery = new Map<string, WebhookAttempt[]>();
  if (ids.length === 0) return byDelivery;
  const rows = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', 'in', ids)
    .orderBy('delivery_id')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byDelivery.get(row.delivery_id) ?? [];
    list.push(toAttempt(row));
    byDelivery.set(row.delivery_id, list);
  }
  return byDelivery;
}

export async function findDelivery(db: Kysely<DB>, id: string): Promise<WebhookDelivery | undefined> {
  const row = await findDeliveryRow(db, id);
  if (!row) return undefined;
  return toDelivery(row, (await attemptsOf(db, [id])).get(id) ?? []);
}

// Ids are UUIDv7: id order is the order deliveries were made in.
const newestFirst: Keyset = { column: 'id', direction: 'desc' };

export async function listDeliveries(
  db: Kysely<DB>,
  webhookId: string,
  query: WebhookDeliveryListQuery,
): Promise<Page<WebhookDelivery>> {
  const base = db
    .selectFrom('webhook_deliveries')
    .where('webhook_id', '=', webhookId)
    .$if(query.status !== undefined, (q) => q.where('status', '=', query.status as string));
  const rows = (await applyKeyset(base.selectAll(), newestFirst, query.cursor, 'webhook_deliveries')
    .limit(query.limit + 1)
    .execute()) as WebhookDeliveriesTable[];
  const attempts = await attemptsOf(
    db,
    rows.slice(0, query.limit).map((row) => row.id),
  );
  const page = pageFrom(rows, query.limit, newestFirst, (row) => toDelivery(row, attempts.get(row.id) ?? []));
  if (query.count) {
    const counted = await base.select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    page.total = Number(counted.n);
  }
  return page;
}

/**
 * Takes a pending delivery for one attempt: true for exactly one caller (the conditional UPDATE), so two
 * runners never send the same attempt. The lease lets another runner retry after a crash.
 */
export async function claimDelivery(db: Kysely<DB>, id: string, at: string, leaseUntil: string) {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ locked_until: leaseUntil })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordAttempt(
  db: Kysely<DB>,
  deliveryId: string,
  attempt: { at: string; statusCode: number | null; error: string | null; durationMs: number },
  changes: Partial<WebhookDeliveriesTable>,
) {
  await db
    .insertInto('webhook_attempts')
    .values({
      id: newId(),
      delivery_id: deliveryId,
      at: attempt.at,
      status_code: attempt.statusCode,
      error: attempt.error,
      duration_ms: attempt.durationMs,
    })
    .execute();
  await db
    .updateTable('webhook_deliveries')
    .set({
      ...changes,
      attempts: sql<number>`attempts + 1`,
      last_status_code: attempt.statusCode,
      last_error: attempt.error,
      locked_until: null,
      updated_at: attempt.at,
    })
    .where('id', '=', deliveryId)
    .execute();
}

export async function updateDelivery(db: Kysely<DB>, id: string, changes: Partial<WebhookDeliveriesTable>) {
  await db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}
