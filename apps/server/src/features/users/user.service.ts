import type { FirstAdmin, User, UserCreate, UserListQuery, UserPatch } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, UsersTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { requireAcceptablePassword } from '../auth/password-policy.js';
import { deleteSessionsOfUser } from '../auth/session.repository.js';
import { revokeAllTokens } from '../auth/token.revocation.js';
import {
  countActiveAdministrators,
  countUsers,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  toUser,
  updateUser,
} from './user.repository.js';

export function createUserService(db: Kysely<DB>) {
  async function insertNew(
    trx: Kysely<DB>,
    actorId: string | null,
    input: UserCreate,
    passwordHash: string | null,
  ): Promise<User> {
    if (await findUserByEmail(trx, input.email)) {
      throw new AppError('already_exists', `A user with ${input.email} exists`, [
        { path: 'email', message: 'already in use' },
      ]);
    }
    const at = now();
    const id = newId();
    const row: UsersTable = {
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      sort_name: input.name.toLowerCase(),
      role: input.role,
      locale: input.locale ?? 'en',
      competencies: JSON.stringify(input.competencies ?? []),
      password_hash: passwordHash,
      deactivated_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await insertUser(trx, row);
    const user = toUser(row);
    await recordAudit(trx, {
      actorId,
      action: 'create',
      entity: 'user',
      entityId: id,
      before: null,
      after: user,
    });
    return user;
  }

  return {
    async needsFirstAdmin(): Promise<boolean> {
      return (await countUsers(db)) === 0;
    },

    /** Only on an empty database: the first-run page, the CLI and RAPPORT_ADMIN_* all come here. */
    async createFirstAdmin(input: FirstAdmin): Promise<User> {
      requireAcceptablePassword(input.password, 'password', [input.email, input.name]);
      const passwordHash = await hashPassword(input.password);
      return db.transaction().execute(async (trx) => {
        if ((await countUsers(trx)) > 0) {
          throw new AppError(
            'already_exists',
            'Rapport has users already; an administrator creates the others',
          );
        }
        return insertNew(trx, null, { ...input, role: 'administrator' }, passwordHash);
      });
    },

    async create(actor: Actor | null, input: UserCreate): Promise<User> {
      const signedIn = requirePermission(actor, 'users.manage');
      requireAcceptablePassword(input.password, 'password', [input.email, input.name]);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db.transaction().execute((trx) => insertNew(trx, signedIn.id, input, passwordHash));
    },

    /** Used by `rapport user create`, which runs with the server's own authority. */
    async createAsSystem(input: UserCreate): Promise<User> {
      requireAcceptablePassword(input.password, 'password', [input.email, input.name]);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db.transaction().execute((trx) => insertNew(trx, null, input, passwordHash));
    },

    async list(actor: Actor | null, query: UserListQuery) {
      requirePermission(actor, 'users.read');
      return listUsers(db, query);
    },

    async get(actor: Actor | null, id: string): Promise<User> {
      requirePermission(actor, 'users.read');
      const row = await findUserById(db, id);
      if (!row) throw new AppError('not_found', `No user with id ${id}`);
      return toUser(row);
    },

    async update(actor: Actor | null, id: string, version: number, patch: UserPatch): Promise<User> {
      const signedIn = requirePermission(actor, 'users.manage');
      if (patch.revokeTokens === true && patch.password === undefined) {
        throw new AppError('rule_broken', 'revokeTokens goes with a new password', [
          { path: 'revokeTokens', message: 'only with a new password' },
        ]);
      }
      if (patch.password !== undefined) {
        const existing = await findUserById(db, id);
        requireAcceptablePassword(patch.password, 'password', [
          existing?.email ?? '',
          patch.name ?? existing?.name ?? '',
        ]);
      }
      const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
      return db.transaction().execute(async (trx) => {
        const row = await findUserById(trx, id);
        if (!row) throw new AppError('not_found', `No user with id ${id}`);
        const before = toUser(row);
        if (row.version !== version) throw staleVersion(before);

        const losesAdmin =
          row.role === 'administrator' &&
          row.deactivated_at === null &&
          ((patch.role !== undefined && patch.role !== 'administrator') || patch.deactivated === true);
        if (losesAdmin && (await countActiveAdministrators(trx)) <= 1) {
          throw new AppError('rule_broken', 'Rapport keeps at least one active administrator', [
            { path: patch.deactivated ? 'deactivated' : 'role', message: 'the last administrator' },
          ]);
        }
        if (id === signedIn.id && patch.deactivated === true) {
          throw new AppError('rule_broken', 'You cannot deactivate yourself', [
            { path: 'deactivated', message: 'not yourself' },
          ]);
        }

        const at = now();
        const changes: Partial<UsersTable> = { updated_at: at };
        if (patch.name !== undefined)
          Object.assign(changes, { name: patch.name, sort_name: patch.name.toLowerCase() });
        if (patch.role !== undefined) changes.role = patch.role;
        if (patch.locale !== undefined) changes.locale = patch.locale;
        if (patch.competencies !== undefined) changes.competencies = JSON.stringify(patch.competencies);
        if (passwordHash !== undefined) changes.password_hash = passwordHash;
        if (patch.deactivated !== undefined)
          changes.deactivated_at = patch.deactivated ? (row.deactivated_at ?? at) : null;

        if (!(await updateUser(trx, id, version, changes))) throw staleVersion(before);
        const after = toUser({ ...row, ...changes, version: row.version + 1 });
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'update',
          entity: 'user',
          entityId: id,
          before,
          after,
        });
        // A deactivated user, or one whose password an administrator reset, is signed out everywhere.
        if (patch.deactivated === true || passwordHash !== undefined) await deleteSessionsOfUser(trx, id);
        // Deactivation revokes the API tokens for good: reactivating a user brings none of them back.
        if (patch.deactivated === true && row.deactivated_at === null)
          await revokeAllTokens(trx, id, signedIn.id, at, 'deactivated');
        else if (passwordHash !== undefined && patch.revokeTokens === true)
          await revokeAllTokens(trx, id, signedIn.id, at, 'password_changed');
        return after;
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
