import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { scanDueItems } from '../notifications/notification.jobs.js';

/**
 * The demo's notifications: today's due scan runs at once (no e-mail), so the bell shows reviews and contacts due
 * on the demo relationships. Notifications of the demo's exceptions and proposals follow from the jobs their
 * changes enqueued, as soon as the server's job runner starts.
 */
export async function seedDemoNotifications(db: Kysely<DB>): Promise<void> {
  await scanDueItems({ db, config: null, now: new Date() });
}
