import {
  type NotificationListQuery,
  type NotificationSettings,
  type NotificationSettingsUpdate,
  notificationKinds,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requireActor } from '../auth/actor.js';
import {
  findNotification,
  listNotifications,
  markAllRead,
  markRead,
  preferencesOf,
  savePreferences,
} from './notification.repository.js';

/** The signed-in user's own notifications and settings: no permission beyond being signed in. */
export function createNotificationService(db: Kysely<DB>, config: { smtpUrl?: string | null }) {
  async function settingsOf(trx: Kysely<DB>, userId: string): Promise<NotificationSettings> {
    const user = await trx
      .selectFrom('users')
      .select(['digest', 'notification_version'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const preferences = (await preferencesOf(trx, [userId])).get(userId);
    return {
      digest: user.digest === 'daily' ? 'daily' : 'immediate',
      preferences: notificationKinds.map(
        (kind) => preferences?.get(kind) ?? { kind, inApp: true, email: false },
      ),
      emailEnabled: Boolean(config.smtpUrl),
      version: user.notification_version,
    };
  }

  return {
    async list(actor: Actor | null, query: NotificationListQuery) {
      const me = requireActor(actor);
      return listNotifications(db, me.id, query);
    },

    async read(actor: Actor | null, id: string) {
      const me = requireActor(actor);
      const found = await findNotification(db, me.id, id);
      // Another user's notification is as absent as one that does not exist.
      if (!found) throw new AppError('not_found', `No notification with id ${id}`);
      if (found.readAt === null) await markRead(db, me.id, id, now());
      return (await findNotification(db, me.id, id)) ?? found;
    },

    async readAll(actor: Actor | null) {
      const me = requireActor(actor);
      return { updated: await markAllRead(db, me.id, now()) };
    },

    async settings(actor: Actor | null) {
      const me = requireActor(actor);
      return settingsOf(db, me.id);
    },

    async updateSettings(actor: Actor | null, version: number, input: NotificationSettingsUpdate) {
      const me = requireActor(actor);
      return db.transaction().execute(async (trx) => {
        const before = await settingsOf(trx, me.id);
        if (before.version !== version) throw staleVersion(before);
        const updated = await trx
          .updateTable('users')
          .set({ digest: input.digest, notification_version: version + 1 })
          .where('id', '=', me.id)
          .where('notification_version', '=', version)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw staleVersion(await settingsOf(trx, me.id));
        await savePreferences(trx, me.id, input.preferences);
        const after = await settingsOf(trx, me.id);
        await recordAudit(trx, {
          actorId: me.id,
          action: 'update',
          entity: 'notification_settings',
          entityId: me.id,
          before,
          after,
        });
        return after;
      });
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
