import type { Kysely } from 'kysely';

// Frozen: the background job queue (an outbox written in the caller's transaction), the once-per-period
// record of scheduled runs, and notifications with each user's choices of what reaches them and how.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // pending → done | failed (gave up); a pending job with locked_until in the future is running.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('done_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The runner's claim: pending jobs whose time has come, oldest first.
  await db.schema.createIndex('jobs_status_run_at').on('jobs').columns(['status', 'run_at', 'id']).execute();
  // The admin list: by status, newest first.
  await db.schema.createIndex('jobs_status_id').on('jobs').columns(['status', 'id']).execute();

  await db.schema
    .createTable('scheduled_runs')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scheduled_runs_pk', ['name', 'period_key'])
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('digest', 'text', (c) => c.notNull().defaultTo('immediate'))
    .execute();
  // The version of the user's notification settings (digest + preferences), for If-Match on their PUT.
  await db.schema
    .alterTable('users')
    .addColumn('notification_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('in_app', 'integer', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // Due items are notified once per item per day: `<kind>:<entity id>:<day>`; null for events.
    .addColumn('dedupe_key', 'text')
    // 1 when shown in the app (the user may want a kind by e-mail only).
    .addColumn('in_app', 'integer', (c) => c.notNull())
    // null (no e-mail) | queued (a send job exists) | digest (waits for the daily digest) | sent | failed
    .addColumn('email_status', 'text')
    .addColumn('email_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('emailed_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_dedupe')
    .on('notifications')
    .columns(['user_id', 'dedupe_key'])
    .unique()
    .execute();
  // The inbox (all, or unread only), newest first.
  await db.schema
    .createIndex('notifications_user_inbox')
    .on('notifications')
    .columns(['user_id', 'in_app', 'read_at', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_user_id')
    .on('notifications')
    .columns(['user_id', 'in_app', 'id'])
    .execute();
  // The daily digest: what waits, per user.
  await db.schema
    .createIndex('notifications_email_status')
    .on('notifications')
    .columns(['email_status', 'user_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.alterTable('users').dropColumn('notification_version').execute();
  await db.schema.alterTable('users').dropColumn('digest').execute();
  await db.schema.dropTable('scheduled_runs').execute();
  await db.schema.dropTable('jobs').execute();
}
