import type { Kysely } from 'kysely';
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

/**
 * Active members of key groups, and of them those in no group with a model in force: one count each, because a
 * stakeholder in a covered group is covered whatever its other groups.
 */
export async function uncoveredStakeholderCounts(db: Kysely<DB>) {
  const inKeyGroups = db
    .selectFrom('stakeholder_group_members as m')
    .innerJoin('stakeholder_groups as g', 'g.id', 'm.group_id')
    .innerJoin('stakeholders as s', 's.id', 'm.stakeholder_id')
    .where('g.key_group', '=', 1)
    .where('g.archived_at', 'is', null)
    .where('s.archived_at', 'is', null);
  const total = await inKeyGroups
    .select((eb) => eb.fn.count<number | string>('m.stakeholder_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  const uncovered = await inKeyGroups
    .select((eb) => eb.fn.count<number | string>('m.stakeholder_id').distinct().as('n'))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('stakeholder_group_members as cm')
            .innerJoin('relationship_model_groups as mg', 'mg.group_id', 'cm.group_id')
            .innerJoin('relationship_models as rm', 'rm.id', 'mg.model_id')
            .innerJoin('stakeholder_groups as cg', 'cg.id', 'cm.group_id')
            .select('cm.stakeholder_id')
            .whereRef('cm.stakeholder_id', '=', 'm.stakeholder_id')
            .where('rm.agreed_version', 'is not', null)
            .where('rm.archived_at', 'is', null)
            .where('cg.archived_at', 'is', null),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return { stakeholdersInKeyGroups: Number(total.n), uncoveredStakeholders: Number(uncovered.n) };
}
