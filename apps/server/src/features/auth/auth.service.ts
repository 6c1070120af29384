import { createHash, randomBytes } from 'node:crypto';
import { type MePatch, permissionsOf, type Role, type User } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { addDays, now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findUserByEmail, findUserById, toUser, updateUser } from '../users/user.repository.js';
import { type Actor, requireActor, requirePermission } from './actor.js';
import { hashPassword, verifyPassword } from './password.js';
import { requireAcceptablePassword } from './password-policy.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSessionUser,
  insertSession,
} from './session.repository.js';
import { findTokenUser, insertToken, listTokensOfUser, revokeToken, touchToken } from './token.repository.js';
import { revokeAllTokens } from './token.revocation.js';

// Session ids and API tokens are 256 random bits: a plain SHA-256 is enough to store them safely
// (no dictionary to guess from), and it lets each request find its row by index.
const digest = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const secret = () => randomBytes(32).toString('base64url');
export const TOKEN_PREFIX = 'rpt_';

// A token's last use is written at most once a minute, so reads through a token rarely write.
const TOKEN_TOUCH_MS = 60_000;

export type Me = User & { permissions: string[] };

export function createAuthService(db: Kysely<DB>, options: { sessionDays: number }) {
  const meOf = (user: User): Me => ({ ...user, permissions: permissionsOf(user.role) });

  return {
    async startSession(userId: string): Promise<{ cookieValue: string; expiresAt: string }> {
      const cookieValue = secret();
      const createdAt = now();
      // Sign-ins are rare and the expiry column is indexed: a fine moment to drop sessions that ended.
      await deleteExpiredSessions(db, createdAt);
      const expiresAt = addDays(createdAt, options.sessionDays);
      await insertSession(db, { id: digest(cookieValue), userId, createdAt, expiresAt });
      return { cookieValue, expiresAt };
    },

    async signIn(
      email: string,
      password: string,
    ): Promise<{ user: User; cookieValue: string; expiresAt: string }> {
      const row = await findUserByEmail(db, email);
      const valid = await verifyPassword(row?.password_hash ?? null, password);
      if (!row || !valid || row.deactivated_at !== null) {
        throw new AppError('unauthenticated', 'The e-mail or the password is not right');
      }
      const session = await this.startSession(row.id);
      return { user: toUser(row), ...session };
    },

    async signOut(cookieValue: string | undefined): Promise<void> {
      if (cookieValue) await deleteSession(db, digest(cookieValue));
    },

    async actorFromSession(cookieValue: string): Promise<Actor | null> {
      const user = await findSessionUser(db, digest(cookieValue), now());
      return user ? { id: user.id, name: user.name, role: user.role as Role, via: 'session' } : null;
    },

    async actorFromToken(token: string): Promise<Actor | null> {
      if (!token.startsWith(TOKEN_PREFIX)) return null;
      const found = await findTokenUser(db, digest(token));
      if (!found) return null;
      const at = now();
      if (!found.last_used_at || Date.parse(at) - Date.parse(found.last_used_at) > TOKEN_TOUCH_MS) {
        await touchToken(db, found.tokenId, at);
      }
      return { id: found.id, name: found.name, role: found.role as Role, via: 'token' };
    },

    async me(actor: Actor | null): Promise<Me> {
      const signedIn = requireActor(actor);
      const row = await findUserById(db, signedIn.id);
      if (!row) throw new AppError('unauthenticated');
      return meOf(toUser(row));
    },

    /**
     * A new password signs out every other session of the user (the one making the change stays) and, when
     * `revokeTokens` is true, revokes all their API tokens; by default the tokens keep working.
     */
    async updateMe(actor: Actor | null, patch: MePatch, currentCookie?: string): Promise<Me> {
      const signedIn = requireActor(actor);
      const row = await findUserById(db, signedIn.id);
      if (!row) throw new AppError('unauthenticated');
      if (patch.revokeTokens === true && patch.password === undefined) {
        throw new AppError('rule_broken', 'revokeTokens goes with a new password', [
          { path: 'revokeTokens', message: 'only with a new password' },
        ]);
      }
      let passwordHash: string | undefined;
      if (patch.password !== undefined) {
        if (!patch.currentPassword || !(await verifyPassword(row.password_hash, patch.currentPassword))) {
          throw new AppError('rule_broken', 'The current password is needed to set a new one', [
            { path: 'currentPassword', message: 'not right' },
          ]);
        }
        requireAcceptablePassword(patch.password, 'password', [row.email, patch.name ?? row.name]);
        passwordHash = await hashPassword(patch.password);
      }
      return db.transaction().execute(async (trx) => {
        const fresh = await findUserById(trx, signedIn.id);
        if (!fresh) throw new AppError('unauthenticated');
        const changes = {
          updated_at: now(),
          ...(patch.name !== undefined && { name: patch.name, sort_name: patch.name.toLowerCase() }),
          ...(patch.locale !== undefined && { locale: patch.locale }),
          ...(passwordHash !== undefined && { password_hash: passwordHash }),
        };
        // One's own profile has no concurrent editor worth a 409: the stored version is used as read.
        if (!(await updateUser(trx, fresh.id, fresh.version, changes))) throw staleVersion(toUser(fresh));
        if (passwordHash !== undefined) {
          await deleteSessionsOfUser(trx, fresh.id, currentCookie ? digest(currentCookie) : undefined);
          if (patch.revokeTokens === true)
            await revokeAllTokens(trx, fresh.id, fresh.id, changes.updated_at, 'password_changed');
        }
        const after = toUser({ ...fresh, ...changes, version: fresh.version + 1 });
        await recordAudit(trx, {
          actorId: fresh.id,
          action: 'update',
          entity: 'user',
          entityId: fresh.id,
          before: toUser(fresh),
          after,
        });
        return meOf(after);
      });
    },

    async createToken(actor: Actor | null, name: string) {
      const signedIn = requirePermission(actor, 'tokens.own');
      const token = `${TOKEN_PREFIX}${secret()}`;
      const id = newId();
      const createdAt = now();
      await db.transaction().execute(async (trx) => {
        await insertToken(trx, { id, userId: signedIn.id, name, tokenHash: digest(token), createdAt });
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'create',
          entity: 'api_token',
          entityId: id,
          before: null,
          after: { id, name, userId: signedIn.id },
        });
      });
      return { id, name, createdAt, lastUsedAt: null, token };
    },

    async listTokens(actor: Actor | null) {
      const signedIn = requirePermission(actor, 'tokens.own');
      const rows = await listTokensOfUser(db, signedIn.id);
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
      }));
    },

    async revokeToken(actor: Actor | null, id: string): Promise<void> {
      const signedIn = requirePermission(actor, 'tokens.own');
      await db.transaction().execute(async (trx) => {
        if (!(await revokeToken(trx, signedIn.id, id, now()))) {
          throw new AppError('not_found', `No token of yours with id ${id}`);
        }
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'revoke',
          entity: 'api_token',
          entityId: id,
          before: null,
          after: null,
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
