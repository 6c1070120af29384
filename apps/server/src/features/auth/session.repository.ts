import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export async function insertSession(
  db: Kysely<DB>,
  session: { id: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The active user behind a session id, or nothing when it expired or the user was deactivated. */
export const findSessionUser = (db: Kysely<DB>, sessionId: string, at: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.name', 'users.role'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', at)
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();

export async function deleteSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(
  db: Kysely<DB>,
  userId: string,
  keepSessionId?: string,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(keepSessionId !== undefined, (q) => q.where('id', '<>', keepSessionId as string))
    .execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, at: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', at).execute();
}
