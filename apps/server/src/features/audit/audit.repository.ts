import type { AuditEntry, AuditListQuery } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { applyKeyset, type Keyset, type Page, pageFrom } from '../../shared/pagination.js';
import { now } from '../../shared/time.js';
import { notifyFromAudit } from '../notifications/notification.jobs.js';
import { enqueueWebhookEvents } from '../webhooks/webhook.events.js';

export interface AuditInput {
  actorId: string | null;
  action:
    | 'create'
    | 'update'
    | 'archive'
    | 'restore'
    | 'delete'
    | 'revoke'
    | 'merge'
    | 'import'
    | 'export'
    | 'undo'
    | 'propose'
    | 'withdraw'
    | 'agree'
    | 'retire';
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

const rowOf = (input: AuditInput, at: string) => ({
  id: newId(),
  at,
  actor_id: input.actorId,
  action: input.action,
  entity: input.entity,
  entity_id: input.entityId,
  before: input.before === null || input.before === undefined ? null : toJson(input.before),
  after: input.after === null || input.after === undefined ? null : toJson(input.after),
});

/** Called with the transaction that makes the change, so the entry and the change commit together. */
export async function recordAudit(db: Kysely<DB>, input: AuditInput): Promise<void> {
  const at = now();
  await db.insertInto('audit_log').values(rowOf(input, at)).execute();
  await enqueueWebhookEvents(db, [input], at);
  await notifyFromAudit(db, input);
}

/** Many entries at once (bulk changes such as an import), in batches the database accepts. */
export async function recordAuditMany(db: Kysely<DB>, inputs: AuditInput[]): Promise<void> {
  const at = now();
  for (let i = 0; i < inputs.length; i += 500) {
    await db
      .insertInto('audit_log')
      .values(inputs.slice(i, i + 500).map((input) => rowOf(input, at)))
      .execute();
  }
  await enqueueWebhookEvents(db, inputs, at);
}

// Ids are time-ordered (UUIDv7), so id order is the order in which entries were written.
const newestFirst: Keyset = { column: 'id', direction: 'desc' };

/** A page of entries; `hiddenEntities` (what the reader may not read at all) are left out by the query itself. */
export async function listAudit(
  db: Kysely<DB>,
  query: AuditListQuery,
  hiddenEntities: string[] = [],
): Promise<Page<AuditEntry>> {
  const base = db
    .selectFrom('audit_log')
    .$if(query.entity !== undefined, (q) => q.where('entity', '=', query.entity as string))
    .$if(query.entityId !== undefined, (q) => q.where('entity_id', '=', query.entityId as string))
    .$if(query.actorId !== undefined, (q) => q.where('actor_id', '=', query.actorId as string))
    .$if(hiddenEntities.length > 0, (q) => q.where('entity', 'not in', hiddenEntities));
  const rows = await applyKeyset(base.selectAll(), newestFirst, query.cursor, 'audit_log')
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, newestFirst, (row) => ({
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: fromJson(row.before),
    after: fromJson(row.after),
  }));
  if (query.count) {
    const counted = await base.select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    page.total = Number(counted.n);
  }
  return page;
}
