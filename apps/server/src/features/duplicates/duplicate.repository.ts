import { type LinkType, undirectedLinkTypes } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

export type DuplicateReason = 'email' | 'name';

/** Pairs of active stakeholders that share an e-mail or a name key, each pair once (a.id < b.id). */
export async function duplicatePairs(db: Kysely<DB>, limit: number) {
  const byEmail = await db
    .selectFrom('stakeholder_emails as e1')
    .innerJoin('stakeholder_emails as e2', (join) =>
      join.onRef('e1.email', '=', 'e2.email').onRef('e1.stakeholder_id', '<', 'e2.stakeholder_id'),
    )
    .innerJoin('stakeholders as s1', 's1.id', 'e1.stakeholder_id')
    .innerJoin('stakeholders as s2', 's2.id', 'e2.stakeholder_id')
    .where('s1.archived_at', 'is', null)
    .where('s2.archived_at', 'is', null)
    .select(['e1.stakeholder_id as a', 'e2.stakeholder_id as b'])
    .distinct()
    .limit(limit)
    .execute();
  const byName = await db
    .selectFrom('stakeholders as s1')
    .innerJoin('stakeholders as s2', (join) =>
      join.onRef('s1.name_key', '=', 's2.name_key').onRef('s1.id', '<', 's2.id'),
    )
    .where('s1.archived_at', 'is', null)
    .where('s2.archived_at', 'is', null)
    .where('s1.name_key', '<>', '')
    .select(['s1.id as a', 's2.id as b'])
    .limit(limit)
    .execute();
  const pairs = new Map<string, { a: string; b: string; reasons: DuplicateReason[] }>();
  for (const [reason, rows] of [
    ['email', byEmail],
    ['name', byName],
  ] as const) {
    for (const { a, b } of rows) {
      const key = `${a}|${b}`;
      const pair = pairs.get(key) ?? { a, b, reasons: [] };
      pair.reasons.push(reason);
      pairs.set(key, pair);
    }
  }
  return [...pairs.values()].slice(0, limit);
}

/**
 * Moves everything that points at `fromId` to `toId`. Every table with a stakeholder reference belongs here,
 * so a merge keeps every record of both stakeholders.
 */
export async function repointReferences(
  db: Kysely<DB>,
  fromId: string,
  toId: string,
  at: string,
): Promise<{ id: string; version: number }[]> {
  await db
    .updateTable('stakeholder_assessments')
    .set({ stakeholder_id: toId })
    .where('stakeholder_id', '=', fromId)
    .execute();
  // Children change parent: a new version each, which the caller audits.
  const children = await db
    .selectFrom('stakeholders')
    .select(['id', 'version'])
    .where('parent_id', '=', fromId)
    .execute();
  await db
    .updateTable('stakeholders')
    .set({ parent_id: toId, version: sql<number>`version + 1`, updated_at: at })
    .where('parent_id', '=', fromId)
    .where('id', '<>', toId)
    .execute();
  // Relationships follow the stakeholder: a new version each. A relationship between the two merged
  // stakeholders would become one with itself, so that side keeps pointing at the archived duplicate.
  for (const column of ['stakeholder_id', 'from_stakeholder_id'] as const) {
    const other = column === 'stakeholder_id' ? 'from_stakeholder_id' : 'stakeholder_id';
    await db
      .updateTable('relationships')
      .set({ [column]: toId, version: sql<number>`version + 1`, updated_at: at })
      .where(column, '=', fromId)
      .where((eb) => eb.or([eb(other, 'is', null), eb(other, '<>', toId)]))
      .execute();
  }
  // The stakeholder's contacts, exceptions and survey invitations and answers follow it too. These are history:
  // they keep their version, as a record of what happened with whom.
  await db
    .updateTable('interactions')
    .set({ stakeholder_id: toId })
    .where('stakeholder_id', '=', fromId)
    .execute();
  for (const table of ['survey_invitations', 'survey_answers'] as const)
    await db.updateTable(table).set({ stakeholder_id: toId }).where('stakeholder_id', '=', fromId).execute();
  const mirrored = await db
    .selectFrom('interaction_stakeholders')
    .selectAll()
    .where('stakeholder_id', '=', fromId)
    .execute();
  if (mirrored.length > 0) {
    await db
      .insertInto('interaction_stakeholders')
      .values(mirrored.map((row) => ({ ...row, stakeholder_id: toId })))
      .onConflict((oc) => oc.columns(['interaction_id', 'stakeholder_id']).doNothing())
      .execute();
    await db.deleteFrom('interaction_stakeholders').where('stakeholder_id', '=', fromId).execute();
  }
  const involved = await db
    .selectFrom('exception_stakeholders')
    .selectAll()
    .where('stakeholder_id', '=', fromId)
    .execute();
  if (involved.length > 0) {
    await db
      .insertInto('exception_stakeholders')
      .values(involved.map((row) => ({ ...row, stakeholder_id: toId })))
      .onConflict((oc) => oc.columns(['exception_id', 'stakeholder_id']).doNothing())
      .execute();
    await db.deleteFrom('exception_stakeholders').where('stakeholder_id', '=', fromId).execute();
  }

  const memberships = await db
    .selectFrom('stakeholder_group_members')
    .selectAll()
    .where('stakeholder_id', '=', fromId)
    .execute();
  if (memberships.length > 0) {
    await db
      .insertInto('stakeholder_group_members')
      .values(memberships.map((m) => ({ ...m, stakeholder_id: toId })))
      .onConflict((oc) => oc.columns(['group_id', 'stakeholder_id']).doNothing())
      .execute();
    await db.deleteFrom('stakeholder_group_members').where('stakeholder_id', '=', fromId).execute();
  }

  const links = await db
    .selectFrom('stakeholder_links')
    .selectAll()
    .where((eb) => eb.or([eb('from_id', '=', fromId), eb('to_id', '=', fromId)]))
    .execute();
  for (const link of links) {
    let from = link.from_id === fromId ? toId : link.from_id;
    let to = link.to_id === fromId ? toId : link.to_id;
    await db.deleteFrom('stakeholder_links').where('id', '=', link.id).execute();
    // A link between the two merged stakeholders would now point at itself: it goes.
    if (from === to) continue;
    // Undirected links are stored one way round (lower id first), as when they are created.
    if (undirectedLinkTypes.includes(link.type as LinkType) && from > to) [from, to] = [to, from];
    await db
      .insertInto('stakeholder_links')
      .values({ ...link, from_id: from, to_id: to })
      .onConflict((oc) => oc.columns(['from_id', 'to_id', 'type']).doNothing())
      .execute();
  }

  return children;
}
