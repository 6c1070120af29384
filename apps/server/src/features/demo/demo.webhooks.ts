import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createWebhookService } from '../webhooks/webhook.service.js';
import type { DemoPeople } from './demo.approach.js';

/**
 * One paused webhook, so the admin page shows what a registration looks like. It points at example.com and is
 * inactive: the demo sends nothing anywhere. Its host is taken as resolved (no DNS needed to load the demo).
 */
export async function seedDemoWebhooks(db: Kysely<DB>, people: Pick<DemoPeople, 'admin'>): Promise<void> {
  const webhooks = createWebhookService(db, {
    allowPrivate: false,
    resolve: async () => [{ address: '93.184.215.14', family: 4 }],
  });
  await webhooks.create(people.admin, {
    url: 'https://hooks.example.com/rapport',
    description: 'CRM sync (demo, paused) · CRM 同步（演示，已暂停）',
    eventTypes: ['stakeholder.created', 'stakeholder.updated', 'relationship.created', 'exception.created'],
    active: false,
  });
}
