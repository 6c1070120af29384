import {
  type LinkType,
  type StakeholderLink,
  type StakeholderLinkListQuery,
  undirectedLinkTypes,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import { listPage } from '../../db/list-page.js';
import type { DB, StakeholderLinksTable } from '../../db/schema.js';
import type { Page } from '../../shared/pagination.js';

export function toLink(row: StakeholderLinksTable): StakeholderLink {
  const type = row.type as LinkType;
  return {
    id: row.id,
    fromId: row.from_id,
    toId: row.to_id,
    type,
    directed: !undirectedLinkTypes.includes(type),
    note: row.note,
    createdAt: row.created_at,
  };
}

export async function insertLink(db: Kysely<DB>, row: StakeholderLinksTable): Promise<void> {
  await db.insertInto('stakeholder_links').values(row).execute();
}

export const findLink = (db: Kysely<DB>, id: string) =>
  db.selectFrom('stakeholder_links').selectAll().where('id', '=', id).executeTakeFirst();

export const findSameLink = (db: Kysely<DB>, fromId: string, toId: string, type: string) =>
  db
    .selectFrom('stakeholder_links')
    .selectAll()
    .where('from_id', '=', fromId)
    .where('to_id', '=', toId)
    .where('type', '=', type)
    .executeTakeFirst();

export async function deleteLink(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('stakeholder_links').where('id', '=', id).execute();
}

/** A page of the organisation's links (SPEC §11), optionally those of one stakeholder or of some types. */
export function listLinks(db: Kysely<DB>, query: StakeholderLinkListQuery): Promise<Page<StakeholderLink>> {
  const { stakeholderId, type: types } = query;
  const filtered = db
    .selectFrom('stakeholder_links')
    .$if(stakeholderId !== undefined, (q) =>
      q.where((eb) =>
        eb.or([eb('from_id', '=', stakeholderId as string), eb('to_id', '=', stakeholderId as string)]),
      ),
    )
    .$if(Boolean(types?.length), (q) => q.where('type', 'in', types as LinkType[]));
  return listPage(
    filtered,
    'stakeholder_links',
    { ...query, sortColumns: { createdAt: 'created_at' } },
    toLink,
  );
}

const MAX_LINKS_PER_LEVEL = 5000;

/** Links touching any of the stakeholders, in one query (the network grows a level at a time). */
export async function linksTouching(
  db: Kysely<DB>,
  ids: string[],
  types?: LinkType[],
): Promise<StakeholderLink[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('stakeholder_links')
    .selectAll()
    .where((eb) => eb.or([eb('from_id', 'in', ids), eb('to_id', 'in', ids)]))
    .$if(Boolean(types?.length), (q) => q.where('type', 'in', types as LinkType[]))
    .orderBy('created_at')
    // A hub with tens of thousands of links would flood one level of the network view.
    .limit(MAX_LINKS_PER_LEVEL)
    .execute();
  return rows.map(toLink);
}

export const nodesOf = (db: Kysely<DB>, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('stakeholders')
        .select(['id', 'name', 'category', 'quadrant'])
        .where('id', 'in', ids)
        .execute();
