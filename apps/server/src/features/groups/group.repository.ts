import type { StakeholderGroup, StakeholderGroupListQuery } from '@rapport/contracts';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB, StakeholderGroupsTable } from '../../db/schema.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { containsPattern } from '../../shared/json.js';
import { applyKeyset, keysetOf, type Page, pageFrom } from '../../shared/pagination.js';

type GroupRow = StakeholderGroupsTable & { member_count: number | string };

export function toGroup(row: GroupRow): StakeholderGroup {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    keyGroup: row.key_group === 1,
    reassessDays: row.reassess_days,
    memberCount: Number(row.member_count),
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function withMemberCount<O>(query: SelectQueryBuilder<DB, 'stakeholder_groups', O>) {
  return query.selectAll('stakeholder_groups').select((eb) =>
    eb
      .selectFrom('stakeholder_group_members')
      .select((inner) => inner.fn.countAll<number>().as('n'))
      .whereRef('stakeholder_group_members.group_id', '=', 'stakeholder_groups.id')
      .as('member_count'),
  );
}

export async function findGroupById(db: Kysely<DB>, id: string): Promise<StakeholderGroup | undefined> {
  const row = await withMemberCount(
    db.selectFrom('stakeholder_groups').where('id', '=', id),
  ).executeTakeFirst();
  return row ? toGroup(row as GroupRow) : undefined;
}

export async function insertGroup(db: Kysely<DB>, row: StakeholderGroupsTable): Promise<void> {
  await db.insertInto('stakeholder_groups').values(row).execute();
}

export const updateGroup = (
  db: Kysely<DB>,
  id: string,
  version: number,
  changes: Partial<Omit<StakeholderGroupsTable, 'id' | 'version'>>,
) => updateVersioned(db, 'stakeholder_groups', id, version, changes);

const sortColumns = { name: 'sort_name', createdAt: 'created_at' };

export async function listGroups(
  db: Kysely<DB>,
  query: StakeholderGroupListQuery,
): Promise<Page<StakeholderGroup>> {
  const filtered = db
    .selectFrom('stakeholder_groups')
    .$if(query.archived === 'false', (q) => q.where('archived_at', 'is', null))
    .$if(query.archived === 'only', (q) => q.where('archived_at', 'is not', null))
    .$if(Boolean(query.q), (q) =>
      q.where(sql<boolean>`sort_name like ${containsPattern(query.q as string)} escape '\\'`),
    );
  const keyset = keysetOf(query.sort, sortColumns);
  const rows = await applyKeyset(withMemberCount(filtered), keyset, query.cursor, 'stakeholder_groups')
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows as GroupRow[], query.limit, keyset, toGroup);
  if (query.count) {
    const counted = await filtered
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    page.total = Number(counted.n);
  }
  return page;
}

export async function groupsOfStakeholder(
  db: Kysely<DB>,
  stakeholderId: string,
): Promise<StakeholderGroup[]> {
  const rows = await withMemberCount(
    db
      .selectFrom('stakeholder_groups')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('stakeholder_group_members as m')
            .select('m.group_id')
            .whereRef('m.group_id', '=', 'stakeholder_groups.id')
            .where('m.stakeholder_id', '=', stakeholderId),
        ),
      )
      .orderBy('sort_name'),
  ).execute();
  return (rows as GroupRow[]).map(toGroup);
}

/** Adds members, ignoring those already in; returns how many were new. */
export async function addMembers(db: Kysely<DB>, groupId: string, stakeholderIds: string[], at: string) {
  if (stakeholderIds.length === 0) return 0;
  const result = await db
    .insertInto('stakeholder_group_members')
    .values(stakeholderIds.map((stakeholder_id) => ({ group_id: groupId, stakeholder_id, added_at: at })))
    .onConflict((oc) => oc.columns(['group_id', 'stakeholder_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Adds every stakeholder the select finds, in one INSERT … SELECT. */
export async function addMembersFromQuery(
  db: Kysely<DB>,
  groupId: string,
  stakeholders: SelectQueryBuilder<DB, 'stakeholders', object>,
  at: string,
): Promise<number> {
  const result = await db
    .insertInto('stakeholder_group_members')
    .columns(['group_id', 'stakeholder_id', 'added_at'])
    .expression(
      stakeholders
        .select([
          sql<string>`${groupId}`.as('group_id'),
          'stakeholders.id as stakeholder_id',
          sql<string>`${at}`.as('added_at'),
        ])
        // SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT to parse it.
        .where(sql<boolean>`1 = 1`),
    )
    .onConflict((oc) => oc.columns(['group_id', 'stakeholder_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function removeMember(db: Kysely<DB>, groupId: string, stakeholderId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('stakeholder_group_members')
    .where('group_id', '=', groupId)
    .where('stakeholder_id', '=', stakeholderId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function existingStakeholderIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('stakeholders').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

/** Each active group with a re-assessment interval, and the time before which its members are due. */
export async function reassessmentCutoffs(db: Kysely<DB>, at: string) {
  const groups = await db
    .selectFrom('stakeholder_groups')
    .select(['id', 'reassess_days'])
    .where('reassess_days', 'is not', null)
    .where('archived_at', 'is', null)
    .execute();
  const nowMs = Date.parse(at);
  return groups.map((group) => ({
    groupId: group.id,
    assessedBefore: new Date(nowMs - (group.reassess_days as number) * 86_400_000).toISOString(),
  }));
}

export async function memberIdsOf(db: Kysely<DB>, groupId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('stakeholder_group_members')
    .select('stakeholder_id')
    .where('group_id', '=', groupId)
    .orderBy('added_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.stakeholder_id);
}

/** The groups of many stakeholders in one query (a list page shows them per row without N+1). */
export const membershipsOf = (db: Kysely<DB>, stakeholderIds: string[]) =>
  db
    .selectFrom('stakeholder_group_members as m')
    .innerJoin('stakeholder_groups as g', 'g.id', 'm.group_id')
    .select(['m.stakeholder_id as stakeholderId', 'g.id as groupId', 'g.name as groupName'])
    .where('m.stakeholder_id', 'in', stakeholderIds)
    .where('g.archived_at', 'is', null)
    .orderBy('g.sort_name')
    .execute();
