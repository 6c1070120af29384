import type { Kysely } from 'kysely';

// Frozen: a calendar feed per user. The row holds the SHA-256 of the feed's 32-byte random token, never the
// token itself, so a copy of the database does not open anyone's calendar. One feed per user: its key is the
// user; rotating replaces the digest, revoking deletes the row.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Every feed request looks its token up by digest.
  await db.schema
    .createIndex('calendar_feeds_token_hash')
    .on('calendar_feeds')
    .column('token_hash')
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
}
