import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface ModelGroupRow {
  modelId: string;
  id: string;
  name: string;
}

/** The groups of many models in one query, so a list page needs no query per row. */
export async function groupsOfModels(db: Kysely<DB>, modelIds: string[]): Promise<ModelGroupRow[]> {
  if (modelIds.length === 0) return [];
  return db
    .selectFrom('relationship_model_groups as mg')
    .innerJoin('stakeholder_groups as g', 'g.id', 'mg.group_id')
    .select(['mg.model_id as modelId', 'g.id as id', 'g.name as name'])
    .where('mg.model_id', 'in', modelIds)
    .orderBy('g.sort_name')
    .execute();
}

export async function replaceModelGroups(db: Kysely<DB>, modelId: string, groupIds: string[]): Promise<void> {
  await db.deleteFrom('relationship_model_groups').where('model_id', '=', modelId).execute();
  if (groupIds.length === 0) return;
  await db
    .insertInto('relationship_model_groups')
    .values(groupIds.map((group_id) => ({ model_id: modelId, group_id })))
    .execute();
}

/** The ids among `ids` of groups that exist and are not archived. */
export async function activeGroupIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('stakeholder_groups')
    .select('id')
    .where('id', 'in', ids)
    .where('archived_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Active key groups, their member counts, and the models in force that are for them. */
export async function keyGroupCoverage(db: Kysely<DB>) {
  const groups = await db
    .selectFrom('stakeholder_groups as g')
    .select((eb) => [
      'g.id',
      'g.name',
      eb
        .selectFrom('stakeholder_group_members as m')
        .innerJoin('stakeholders as s', 's.id', 'm.stakeholder_id')
        .select((inner) => inner.fn.countAll<number | string>().as('n'))
        .whereRef('m.group_id', '=', 'g.id')
        .where('s.archived_at', 'is', null)
        .as('memberCount'),
    ])
    .where('g.key_group', '=', 1)
    .where('g.archived_at', 'is', null)
    .orderBy('g.sort_name')
    .execute();
  const models = await db
    .selectFrom('relationship_model_groups as mg')
    .innerJoin('relationship_models as rm', 'rm.id', 'mg.model_id')
    .select([
      'mg.group_id as groupId',
      'rm.id as id',
      'rm.title as name',
      'rm.agreed_version as agreedVersion',
    ])
    .where('rm.archived_at', 'is', null)
    .orderBy('rm.sort_name')
    .execute();
  return { groups, models };
}

/** The stakeholder `ref` names is in an active group with a model in force. */
const coveredStakeholder = (ref: 'm.stakeholder_id' | 'r.stakeholder_id') => sql<boolean>`exists (
  select 1 from stakeholder_group_members cm
    join relationship_model_groups mg on mg.group_id = cm.group_id
    join relationship_models rm on rm.id = mg.model_id
    join stakeholder_groups cg on cg.id = cm.group_id
  where cm.stakeholder_id = ${sql.ref(ref)}
    and rm.agreed_version is not null and rm.archived_at is null and cg.archived_at is null)`;

/**
 * Active members of key groups, and of them those in no group with a model in force — one count each, because a
 * stakeholder in a covered group is covered whatever its other groups — and the same for active relationships
 * with those stakeholders.
 */
export async function uncoveredCounts(db: Kysely<DB>) {
  const inKeyGroups = db
    .selectFrom('stakeholder_group_members as m')
    .innerJoin('stakeholder_groups as g', 'g.id', 'm.group_id')
    .innerJoin('stakeholders as s', 's.id', 'm.stakeholder_id')
    .where('g.key_group', '=', 1)
    .where('g.archived_at', 'is', null)
    .where('s.archived_at', 'is', null);
  const countMembers = (query: typeof inKeyGroups) =>
    query
      .select((eb) => eb.fn.count<number | string>('m.stakeholder_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
  const total = await countMembers(inKeyGroups);
  const uncovered = await countMembers(
    inKeyGroups.where(sql<boolean>`not ${coveredStakeholder('m.stakeholder_id')}`),
  );

  const relationships = db
    .selectFrom('relationships as r')
    .where('r.status', '=', 'active')
    .where('r.archived_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('stakeholder_group_members as km')
          .innerJoin('stakeholder_groups as kg', 'kg.id', 'km.group_id')
          .select('km.stakeholder_id')
          .whereRef('km.stakeholder_id', '=', 'r.stakeholder_id')
          .where('kg.key_group', '=', 1)
          .where('kg.archived_at', 'is', null),
      ),
    );
  const countRelationships = (query: typeof relationships) =>
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const relationshipTotal = await countRelationships(relationships);
  const relationshipsUncovered = await countRelationships(
    relationships.where(sql<boolean>`not ${coveredStakeholder('r.stakeholder_id')}`),
  );
  return {
    stakeholdersInKeyGroups: Number(total.n),
    uncoveredStakeholders: Number(uncovered.n),
    relationshipsInKeyGroups: Number(relationshipTotal.n),
    uncoveredRelationships: Number(relationshipsUncovered.n),
  };
}
