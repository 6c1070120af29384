import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export async function insertToken(
  db: Kysely<DB>,
  token: { id: string; userId: string; name: string; tokenHash: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

export const listTokensOfUser = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();

export async function revokeToken(db: Kysely<DB>, userId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const findTokenUser = (db: Kysely<DB>, tokenHash: string) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.name', 'users.role', 'api_tokens.id as tokenId', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();

export async function touchToken(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Revokes every live token of a user for good (a revoked token is never valid again); returns their ids. */
export async function revokeTokensOfUser(db: Kysely<DB>, userId: string, at: string): Promise<string[]> {
  const live = await db
    .selectFrom('api_tokens')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  if (live.length === 0) return [];
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  return live.map((row) => row.id);
}
