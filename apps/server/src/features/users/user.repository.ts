import type { User, UserListQuery } from '@rapport/contracts';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { listPage } from '../../db/list-page.js';
import type { DB, UserRow, UsersTable } from '../../db/schema.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { containsPattern } from '../../shared/json.js';
import type { Page } from '../../shared/pagination.js';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as User['role'],
    locale: row.locale as User['locale'],
    competencies: JSON.parse(row.competencies) as User['competencies'],
    deactivatedAt: row.deactivated_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const findUserById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Kysely<DB>, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many active administrators there are, locking their rows on PostgreSQL until the transaction ends: two
 * administrators demoting each other at once then run one after the other, and the second sees the first's
 * change. (SQLite runs one writing transaction at a time already, and has no FOR UPDATE.)
 */
export async function countActiveAdministrators(db: Kysely<DB>): Promise<number> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'administrator')
    .where('deactivated_at', 'is', null)
    .$if(db.getExecutor().adapter instanceof PostgresAdapter, (q) => q.forUpdate())
    .execute();
  return rows.length;
}

export async function insertUser(db: Kysely<DB>, row: UsersTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export const updateUser = (
  db: Kysely<DB>,
  id: string,
  version: number,
  changes: Partial<Omit<UsersTable, 'id' | 'version'>>,
) => updateVersioned(db, 'users', id, version, changes);

const sortColumns = { name: 'sort_name', createdAt: 'created_at' };

export async function listUsers(db: Kysely<DB>, query: UserListQuery): Promise<Page<User>> {
  const filtered = db
    .selectFrom('users')
    .$if(Boolean(query.q), (q) =>
      q.where((eb) =>
        eb.or([
          sql<boolean>`sort_name like ${containsPattern(query.q as string)} escape '\\'`,
          sql<boolean>`email like ${containsPattern(query.q as string)} escape '\\'`,
        ]),
      ),
    )
    .$if(query.role !== undefined, (q) => q.where('role', '=', query.role as string))
    .$if(query.deactivated !== undefined, (q) =>
      q.where('deactivated_at', query.deactivated ? 'is not' : 'is', null),
    );
  return listPage(filtered, 'users', { ...query, sortColumns }, toUser);
}

/** The ids among `ids` of users who exist and are active: the people a record may name (owner, agent, …). */
export async function activeUserIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where('deactivated_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.id));
}
