import type { OrgUnit, OrgUnitListQuery } from '@rapport/contracts';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { DB, OrgUnitsTable } from '../../db/schema.js';

export function toOrgUnit(row: OrgUnitsTable): OrgUnit {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrgUnit['kind'],
    parentId: row.parent_id,
    description: row.description,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findOrgUnit(db: Kysely<DB>, id: string): Promise<OrgUnit | undefined> {
  const row = await db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrgUnit(row);
}

export async function insertOrgUnit(db: Kysely<DB>, row: OrgUnitsTable): Promise<void> {
  await db.insertInto('org_units').values(row).execute();
}

export async function parentOfUnit(db: Kysely<DB>, id: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('org_units').select('parent_id').where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : row.parent_id;
}

/** A unit others may point at: it exists and is not archived. */
export async function activeOrgUnitExists(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_units')
    .select('id')
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

// Any constant works: it names the one lock that every move within the unit tree takes.
const UNIT_TREE_LOCK = 7_301_001;

/**
 * On PostgreSQL, holds the unit tree until the transaction ends, so two moves checked at once cannot together
 * make a loop (A under B and B under A). SQLite runs one writing transaction at a time already.
 */
export async function lockUnitTree(db: Kysely<DB>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${UNIT_TREE_LOCK})`.execute(db);
  }
}

export function listOrgUnits(db: Kysely<DB>, query: OrgUnitListQuery) {
  const base = withCommonFilters(db.selectFrom('org_units'), 'org_units', query)
    .$if(query.kind !== undefined, (q) => q.where('kind', '=', query.kind as string))
    .$if(query.parentId === 'none', (q) => q.where('parent_id', 'is', null))
    .$if(query.parentId !== undefined && query.parentId !== 'none', (q) =>
      q.where('parent_id', '=', query.parentId as string),
    );
  return listPage(
    base,
    'org_units',
    { ...query, sortColumns: { name: 'sort_name', createdAt: 'created_at' } },
    toOrgUnit,
  );
}
