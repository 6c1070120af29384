import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import { revokeTokensOfUser } from './token.repository.js';

/**
 * Revokes all of a user's API tokens inside the caller's transaction, one audit entry per token. Used when a
 * user is deactivated (reactivation brings none back) and when a password change asks for it.
 */
export async function revokeAllTokens(
  trx: Kysely<DB>,
  userId: string,
  actorId: string | null,
  at: string,
  reason: 'deactivated' | 'password_changed',
): Promise<void> {
  for (const id of await revokeTokensOfUser(trx, userId, at)) {
    await recordAudit(trx, {
      actorId,
      action: 'revoke',
      entity: 'api_token',
      entityId: id,
      before: null,
      after: { userId, reason },
    });
  }
}
