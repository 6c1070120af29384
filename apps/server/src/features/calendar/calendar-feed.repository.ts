import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export const findFeedOfUser = (db: Kysely<DB>, userId: string) =>
  db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', userId).executeTakeFirst();

/** Creates the user's feed, or replaces its token (the old URL stops working in the same statement). */
export async function saveFeed(
  db: Kysely<DB>,
  row: { user_id: string; token_hash: string; created_at: string },
) {
  await db
    .insertInto('calendar_feeds')
    .values(row)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ token_hash: row.token_hash, created_at: row.created_at }),
    )
    .execute();
}

export async function deleteFeed(db: Kysely<DB>, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The owner of the feed whose token has this digest (an index lookup), with what the feed needs of them. */
export const feedOwnerByHash = (db: Kysely<DB>, tokenHash: string) =>
  db
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['u.id', 'u.name', 'u.role', 'u.locale', 'u.deactivated_at'])
    .where('f.token_hash', '=', tokenHash)
    .executeTakeFirst();
