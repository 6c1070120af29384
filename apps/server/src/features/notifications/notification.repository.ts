import {
  type Notification,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationPreference,
  notificationKinds,
} from '@rapport/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { DB, NotificationsTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { applyKeyset, type Keyset, type Page, pageFrom } from '../../shared/pagination.js';
import { enqueue } from '../jobs/jobs.js';

/** Kinds e-mailed unless the user says otherwise: reviews, exceptions and agreement. */
const emailByDefault = new Set<NotificationKind>([
  'review_due',
  'review_overdue',
  'exception_assigned',
  'exception_escalated',
  'agreement_proposed',
]);

export const defaultPreference = (kind: NotificationKind): NotificationPreference => ({
  kind,
  inApp: true,
  email: emailByDefault.has(kind),
});

/** Every kind's choice for each user, defaults filled in. */
export async function preferencesOf(
  db: Kysely<DB>,
  userIds: string[],
): Promise<Map<string, Map<NotificationKind, NotificationPreference>>> {
  const rows =
    userIds.length === 0
      ? []
      : await db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', userIds).execute();
  const result = new Map<string, Map<NotificationKind, NotificationPreference>>();
  for (const userId of userIds) {
    result.set(userId, new Map(notificationKinds.map((kind) => [kind, defaultPreference(kind)])));
  }
  for (const row of rows) {
    result.get(row.user_id)?.set(row.kind as NotificationKind, {
      kind: row.kind as NotificationKind,
      inApp: row.in_app === 1,
      email: row.email === 1,
    });
  }
  return result;
}

export async function savePreferences(db: Kysely<DB>, userId: string, preferences: NotificationPreference[]) {
  for (const preference of preferences) {
    await db
      .insertInto('notification_preferences')
      .values({
        user_id: userId,
        kind: preference.kind,
        in_app: preference.inApp ? 1 : 0,
        email: preference.email ? 1 : 0,
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'kind']).doUpdateSet({
          in_app: preference.inApp ? 1 : 0,
          email: preference.email ? 1 : 0,
        }),
      )
      .execute();
  }
}

export interface Recipient {
  id: string;
  locale: string;
  digest: string;
}

/** Active users among the ids, with what sending to them needs. */
export async function recipientsOf(db: Kysely<DB>, userIds: string[]): Promise<Recipient[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'locale', 'digest'])
    .where('id', 'in', unique)
    .where('deactivated_at', 'is', null)
    .orderBy('id')
    .execute();
}

export interface NewNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  entity: string;
  entityId: string;
  /** Due items: once per item per day. */
  dedupeKey?: string;
}

/**
 * Writes a notification for one recipient as their preferences say (in the app, by e-mail now or in the
 * daily digest, or not at all), and enqueues its e-mail when it goes out now. Returns whether it was written
 * (false when the user wants none of it, or the same due item was already notified today).
 */
export async function insertNotification(
  trx: Kysely<DB>,
  recipient: Recipient,
  preference: NotificationPreference,
  emailEnabled: boolean,
  notification: NewNotification,
  at: string,
): Promise<boolean> {
  const email = preference.email && emailEnabled;
  if (!preference.inApp && !email) return false;
  const id = newId();
  const emailStatus = email ? (recipient.digest === 'daily' ? 'digest' : 'queued') : null;
  const result = await trx
    .insertInto('notifications')
    .values({
      id,
      user_id: recipient.id,
      kind: notification.kind,
      title: notification.title,
      body: notification.body,
      link: notification.link,
      entity: notification.entity,
      entity_id: notification.entityId,
      dedupe_key: notification.dedupeKey ?? null,
      in_app: preference.inApp ? 1 : 0,
      email_status: emailStatus,
      email_error: null,
      created_at: at,
      read_at: null,
      emailed_at: null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  if (emailStatus === 'queued') {
    await enqueue(trx, {
      kind: 'notifications.email',
      payload: { userId: recipient.id, notificationIds: [id] },
    });
  }
  return true;
}

const toNotification = (row: Selectable<NotificationsTable>): Notification => ({
  id: row.id,
  kind: row.kind as NotificationKind,
  title: row.title,
  body: row.body,
  link: row.link,
  entity: row.entity,
  entityId: row.entity_id,
  createdAt: row.created_at,
  readAt: row.read_at,
  emailedAt: row.emailed_at,
  emailStatus: row.email_status as Notification['emailStatus'],
  emailError: row.email_error,
});

const newestFirst: Keyset = { column: 'id', direction: 'desc' };

export async function listNotifications(
  db: Kysely<DB>,
  userId: string,
  query: NotificationListQuery,
): Promise<Page<Notification>> {
  const filtered = db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .where('in_app', '=', 1)
    .$if(query.unread === true, (q) => q.where('read_at', 'is', null))
    .$if(query.unread === false, (q) => q.where('read_at', 'is not', null));
  const rows = await applyKeyset(filtered.selectAll(), newestFirst, query.cursor, 'notifications')
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, newestFirst, toNotification);
  if (!query.count) return page;
  const counted = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { ...page, total: Number(counted.n) };
}

export async function findNotification(db: Kysely<DB>, userId: string, id: string) {
  const row = await db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('in_app', '=', 1)
    .executeTakeFirst();
  return row ? toNotification(row) : null;
}

export async function markRead(db: Kysely<DB>, userId: string, id: string, at: string) {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function markAllRead(db: Kysely<DB>, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('in_app', '=', 1)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
