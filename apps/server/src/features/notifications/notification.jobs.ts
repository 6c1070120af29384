import { type NotificationKind, permissionTable } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AuditInput } from '../audit/audit.repository.js';
import { enqueue, type JobContext, registerJobHandler, registerPeriodicTask } from '../jobs/jobs.js';
import { sendNotificationEmails } from './notification.mail.js';
import {
  defaultPreference,
  insertNotification,
  type NewNotification,
  preferencesOf,
  recipientsOf,
} from './notification.repository.js';
import { renderNotification, type TemplateParams } from './notification.templates.js';

/**
 * Event-driven notifications start in the audit log: `recordAudit` hands each entry here, inside the
 * transaction of the change. This only decides, from the entry alone, whether it is an event someone is
 * notified of, and enqueues one job for it (an insert); the job finds the recipients and writes.
 */

interface AuditEvent {
  kind: NotificationKind;
  entity: string;
  entityId: string;
  actorId: string | null;
  subject: string;
  /** Exceptions: the owner and the relationship (whose manager is told of an escalation). */
  ownerId?: string | null;
  relationshipId?: string | null;
}

/** What writing notifications needs of a job's context (the demo and tests call the scan directly). */
export type WriteContext = Pick<JobContext, 'db' | 'config' | 'now'>;

type Fields = Record<string, unknown>;
const fieldsOf = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const idOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

export function eventsOfAudit(entry: AuditInput): AuditEvent[] {
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  const base = { entity: entry.entity, entityId: entry.entityId, actorId: entry.actorId };
  if (entry.entity === 'exception' && (entry.action === 'create' || entry.action === 'update')) {
    const exception = {
      ...base,
      subject: text(after.title),
      ownerId: idOrNull(after.ownerId),
      relationshipId: idOrNull(after.relationshipId),
    };
    // A low survey score opens a complaint with no actor that links back to its survey.
    if (
      entry.action === 'create' &&
      entry.actorId === null &&
      after.type === 'complaint' &&
      text(after.description).includes('(/surveys/')
    ) {
      return [{ ...exception, kind: 'survey_low_score' }];
    }
    const events: AuditEvent[] = [];
    if (exception.ownerId && exception.ownerId !== idOrNull(before.ownerId)) {
      events.push({ ...exception, kind: 'exception_assigned' });
    }
    if (after.status === 'escalated' && before.status !== 'escalated') {
      events.push({ ...exception, kind: 'exception_escalated' });
    }
    return events;
  }
  if ((entry.entity === 'principle' || entry.entity === 'relationship_model') && entry.action === 'propose') {
    return [{ ...base, kind: 'agreement_proposed', subject: text(after.title) || text(after.name) }];
  }
  return [];
}

/** Called by recordAudit in the change's transaction: at most one insert. */
export async function notifyFromAudit(trx: Kysely<DB>, entry: AuditInput): Promise<void> {
  const events = eventsOfAudit(entry);
  if (events.length > 0) await enqueue(trx, { kind: 'notifications.audit', payload: { events } });
}

const linkOf = (entity: string, id: string) =>
  entity === 'exception'
    ? `/exceptions/${id}`
    : entity === 'principle'
      ? `/approach/principles/${id}`
      : entity === 'relationship_model'
        ? `/approach/models/${id}`
        : entity === 'relationship'
          ? `/relationships/${id}`
          : '/work';

const agreeingRoles = permissionTable['approach.agree'].roles as readonly string[];

async function recipientIdsOf(db: Kysely<DB>, event: AuditEvent): Promise<string[]> {
  switch (event.kind) {
    case 'exception_assigned':
    case 'survey_low_score':
      return event.ownerId ? [event.ownerId] : [];
    case 'exception_escalated': {
      const manager = event.relationshipId
        ? (
            await db
              .selectFrom('relationships')
              .select('manager_id')
              .where('id', '=', event.relationshipId)
              .executeTakeFirst()
          )?.manager_id
        : null;
      return [event.ownerId, manager].filter((id): id is string => Boolean(id));
    }
    case 'agreement_proposed':
      return (
        await db
          .selectFrom('users')
          .select('id')
          .where('role', 'in', [...agreeingRoles])
          .where('deactivated_at', 'is', null)
          .execute()
      ).map((row) => row.id);
    default:
      return [];
  }
}

/** Writes one notification per recipient and kind, each in its recipient's language, in one transaction. */
async function notifyAll(
  context: WriteContext,
  items: Array<
    { userIds: string[]; kind: NotificationKind; params: TemplateParams } & Omit<
      NewNotification,
      'title' | 'body' | 'kind'
    >
  >,
): Promise<number> {
  const emailEnabled = Boolean(context.config?.smtpUrl);
  const at = context.now.toISOString();
  let written = 0;
  await context.db.transaction().execute(async (trx) => {
    const recipients = await recipientsOf(
      trx,
      items.flatMap((item) => item.userIds),
    );
    const byId = new Map(recipients.map((r) => [r.id, r]));
    const preferences = await preferencesOf(trx, [...byId.keys()]);
    for (const item of items) {
      for (const userId of new Set(item.userIds)) {
        const recipient = byId.get(userId);
        if (!recipient) continue;
        const preference = preferences.get(userId)?.get(item.kind) ?? defaultPreference(item.kind);
        const { title, body } = renderNotification(item.kind, recipient.locale, item.params);
        const { userIds: _, params: __, ...rest } = item;
        if (
          await insertNotification(trx, recipient, preference, emailEnabled, { ...rest, title, body }, at)
        ) {
          written += 1;
        }
      }
    }
  });
  return written;
}

registerJobHandler('notifications.audit', async (payload, context) => {
  const { events } = payload as { events: AuditEvent[] };
  const items = [];
  for (const event of events) {
    // Nobody is told of what they did themselves.
    const userIds = (await recipientIdsOf(context.db, event)).filter((id) => id !== event.actorId);
    items.push({
      userIds,
      kind: event.kind,
      params: { subject: event.subject },
      link: linkOf(event.entity, event.entityId),
      entity: event.entity,
      entityId: event.entityId,
    });
  }
  await notifyAll(context, items);
});

const SCAN_LIMIT = 5_000;

/**
 * The hourly scan: reviews due today or overdue, contacts overdue, follow-ups due. Each item is notified once
 * per day (the key `<kind>:<item>:<day>`), so running it again — or every hour — adds nothing new.
 */
export async function scanDueItems(context: WriteContext): Promise<number> {
  const { db } = context;
  const today = context.now.toISOString().slice(0, 10);
  const active = () =>
    db.selectFrom('relationships').where('status', '=', 'active').where('archived_at', 'is', null);
  const items: Parameters<typeof notifyAll>[1] = [];
  const relationshipItem = (
    kind: NotificationKind,
    row: { id: string; name: string; manager_id: string | null; agent_id: string | null },
    on: string,
  ) => ({
    userIds: [row.manager_id, row.agent_id].filter((id): id is string => Boolean(id)),
    kind,
    params: { subject: row.name, on },
    link: `/relationships/${row.id}`,
    entity: 'relationship',
    entityId: row.id,
    dedupeKey: `${kind}:${row.id}:${today}`,
  });

  const reviewDates = await active()
    .select(['id', 'name', 'manager_id', 'agent_id', 'next_review_on'])
    .where('next_review_on', '<=', today)
    .orderBy('next_review_on')
    .limit(SCAN_LIMIT)
    .execute();
  const plannedReviews = await db
    .selectFrom('reviews')
    .innerJoin('relationships', 'relationships.id', 'reviews.relationship_id')
    .select([
      'relationships.id',
      'relationships.name',
      'relationships.manager_id',
      'relationships.agent_id',
      'reviews.scheduled_on as next_review_on',
    ])
    .where('reviews.status', '=', 'planned')
    .where('reviews.archived_at', 'is', null)
    .where('reviews.scheduled_on', '<=', today)
    .where('relationships.status', '=', 'active')
    .where('relationships.archived_at', 'is', null)
    .orderBy('reviews.scheduled_on')
    .limit(SCAN_LIMIT)
    .execute();
  for (const row of [...reviewDates, ...plannedReviews]) {
    const on = row.next_review_on as string;
    items.push(relationshipItem(on < today ? 'review_overdue' : 'review_due', row, on));
  }

  const contacts = await active()
    .select(['id', 'name', 'manager_id', 'agent_id', 'next_contact_on'])
    .where('next_contact_on', '<', today)
    .orderBy('next_contact_on')
    .limit(SCAN_LIMIT)
    .execute();
  for (const row of contacts)
    items.push(relationshipItem('contact_overdue', row, row.next_contact_on as string));

  const followUps = await db
    .selectFrom('follow_ups')
    .select(['id', 'text', 'owner_id', 'due_on', 'relationship_id'])
    .where('done_at', 'is', null)
    .where('owner_id', 'is not', null)
    .where('due_on', '<=', today)
    .orderBy('due_on')
    .limit(SCAN_LIMIT)
    .execute();
  for (const row of followUps) {
    items.push({
      userIds: [row.owner_id as string],
      kind: 'follow_up_due',
      params: {
        subject: row.text.length > 120 ? `${row.text.slice(0, 119)}…` : row.text,
        on: row.due_on as string,
      },
      link: row.relationship_id ? `/relationships/${row.relationship_id}` : '/work',
      entity: 'follow_up',
      entityId: row.id,
      dedupeKey: `follow_up_due:${row.id}:${today}`,
    });
  }
  return notifyAll(context, items);
}

registerJobHandler('notifications.due-scan', async (_payload, context) => {
  await scanDueItems(context);
});
registerPeriodicTask({ name: 'notifications.due-scan', every: 'hour' });

/** The daily digest: one job per user with notifications waiting for it, each sending one e-mail. */
export async function enqueueDigests(context: WriteContext): Promise<number> {
  const waiting = await context.db
    .selectFrom('notifications')
    .select(['user_id', 'id'])
    .where('email_status', '=', 'digest')
    .orderBy('user_id')
    .orderBy('id')
    .execute();
  const byUser = new Map<string, string[]>();
  for (const row of waiting) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row.id]);
  await context.db.transaction().execute(async (trx) => {
    for (const [userId, notificationIds] of byUser) {
      // Queued now, so a later digest does not send them again while this e-mail is retried.
      await trx
        .updateTable('notifications')
        .set({ email_status: 'queued' })
        .where('id', 'in', notificationIds)
        .where('email_status', '=', 'digest')
        .execute();
      await enqueue(trx, { kind: 'notifications.email', payload: { userId, notificationIds } });
    }
  });
  return byUser.size;
}

registerJobHandler('notifications.digest', async (_payload, context) => {
  await enqueueDigests(context);
});
// Early morning in Europe, afternoon in China: the day's digest covers the day before.
registerPeriodicTask({ name: 'notifications.digest', every: 'day', atHourUtc: 6 });

registerJobHandler('notifications.email', async (payload, context) => {
  await sendNotificationEmails(context, payload as { userId: string; notificationIds: string[] });
});
