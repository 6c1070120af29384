import type { Improvement, ImprovementListQuery } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { DB, ImprovementsTable } from '../../db/schema.js';

export function toImprovement(row: ImprovementsTable): Improvement {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    sourceType: row.source_type as Improvement['sourceType'],
    sourceId: row.source_id,
    ownerId: row.owner_id,
    status: row.status as Improvement['status'],
    dueOn: row.due_on,
    expectedBenefit: row.expected_benefit,
    realisedBenefit: row.realised_benefit,
    createdBy: row.created_by,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findImprovement(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('improvements').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toImprovement(row);
}

export async function insertImprovement(db: Kysely<DB>, row: ImprovementsTable) {
  await db.insertInto('improvements').values(row).execute();
}

export function listImprovements(db: Kysely<DB>, query: ImprovementListQuery) {
  const base = withCommonFilters(db.selectFrom('improvements'), 'improvements', query)
    .$if(query.status !== undefined, (q) => q.where('status', '=', query.status as string))
    .$if(query.sourceType !== undefined, (q) => q.where('source_type', '=', query.sourceType as string))
    .$if(query.sourceId !== undefined, (q) => q.where('source_id', '=', query.sourceId as string))
    .$if(query.ownerId === 'none', (q) => q.where('owner_id', 'is', null))
    .$if(query.ownerId !== undefined && query.ownerId !== 'none', (q) =>
      q.where('owner_id', '=', query.ownerId as string),
    );
  return listPage(
    base,
    'improvements',
    { ...query, sortColumns: { title: 'sort_name', dueOn: 'due_on?', createdAt: 'created_at' } },
    toImprovement,
  );
}
