import {
  type AssessmentValues,
  type EngagementLevel,
  type MapQuery,
  quadrantOf,
  type SalienceClass,
  type StakeholderFilter,
  salienceClasses,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { stakeholdersMatching } from '../stakeholders/stakeholder.repository.js';

type MapRow = [string, string, number, number, number | null, number | null, string, string];

/** Today's positions, straight from the indexed columns. */
export async function currentMap(db: Kysely<DB>, filter: StakeholderFilter): Promise<MapRow[]> {
  const rows = await (await stakeholdersMatching(db, filter))
    .select([
      'id',
      'name',
      'influence',
      'interest',
      'target_influence',
      'target_interest',
      'category',
      'quadrant',
    ])
    .execute();
  return rows.map((r) => [
    r.id,
    r.name,
    r.influence,
    r.interest,
    r.target_influence,
    r.target_interest,
    r.category,
    r.quadrant,
  ]);
}

/**
 * Positions as they were at `end`: each stakeholder's latest assessment up to then. Stakeholders created
 * later have none and are left out; those archived later are shown. Quadrant and salience filters apply to
 * the position then, the other filters to the stakeholder as it is now.
 */
export async function mapAsOf(db: Kysely<DB>, filter: MapQuery, end: string): Promise<MapRow[]> {
  const { quadrant, salience: _salience, archived: _archived, ...rest } = filter;
  const rows = await (await stakeholdersMatching(db, { ...rest, archived: 'true' }))
    .innerJoin('stakeholder_assessments as a', (join) =>
      join.on((eb) =>
        eb(
          'a.id',
          '=',
          eb
            .selectFrom('stakeholder_assessments as latest')
            .select('latest.id')
            .whereRef('latest.stakeholder_id', '=', 'stakeholders.id')
            .where('latest.at', '<=', end)
            .orderBy('latest.at', 'desc')
            .orderBy('latest.id', 'desc')
            .limit(1),
        ),
      ),
    )
    .where((eb) =>
      eb.or([eb('stakeholders.archived_at', 'is', null), eb('stakeholders.archived_at', '>', end)]),
    )
    .select([
      'stakeholders.id',
      'stakeholders.name',
      'stakeholders.category',
      'a.influence',
      'a.interest',
      'a.after',
    ])
    .execute();
  const wanted = quadrant?.length ? new Set<string>(quadrant) : null;
  const result: MapRow[] = [];
  for (const row of rows) {
    const position = quadrantOf(row.influence, row.interest);
    if (wanted && !wanted.has(position)) continue;
    const after = JSON.parse(row.after) as Partial<AssessmentValues>;
    result.push([
      row.id,
      row.name,
      row.influence,
      row.interest,
      after.targetInfluence ?? null,
      after.targetInterest ?? null,
      row.category,
      position,
    ]);
  }
  return result;
}

export async function salienceCounts(db: Kysely<DB>, filter: StakeholderFilter) {
  const rows = await (await stakeholdersMatching(db, filter))
    .select((eb) => ['salience', eb.fn.countAll<number>().as('n')])
    .groupBy('salience')
    .execute();
  const counts = new Map(rows.map((row) => [row.salience as SalienceClass, Number(row.n)]));
  return salienceClasses.map((salience) => ({ salience, count: counts.get(salience) ?? 0 }));
}

/** `managedBy` (the dashboard's manager filter): only stakeholders of active relationships this user manages. */
export async function engagementCounts(db: Kysely<DB>, filter: StakeholderFilter, managedBy?: string) {
  const rows = await (await stakeholdersMatching(db, filter))
    .$if(managedBy !== undefined, (qb) =>
      qb.where('stakeholders.id', 'in', (eb) =>
        eb
          .selectFrom('relationships')
          .select('relationships.stakeholder_id')
          .where('relationships.manager_id', '=', managedBy as string)
          .where('relationships.status', '=', 'active')
          .where('relationships.archived_at', 'is', null),
      ),
    )
    .select((eb) => ['engagement_current', 'engagement_desired', eb.fn.countAll<number>().as('n')])
    .groupBy(['engagement_current', 'engagement_desired'])
    .execute();
  let unassessed = 0;
  const cells: { current: EngagementLevel; desired: EngagementLevel; count: number }[] = [];
  for (const row of rows) {
    if (row.engagement_current === null || row.engagement_desired === null) {
      unassessed += Number(row.n);
    } else {
      cells.push({
        current: row.engagement_current as EngagementLevel,
        desired: row.engagement_desired as EngagementLevel,
        count: Number(row.n),
      });
    }
  }
  return { cells, unassessed };
}

/**
 * Changes whenever the current map could: a stakeholder added, removed, archived or restored (the count of
 * active ones) or changed (the latest update), or a group's members changed (for the group filter).
 */
export async function mapRevision(db: Kysely<DB>): Promise<string> {
  const stakeholders = await db
    .selectFrom('stakeholders')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')])
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('stakeholder_group_members')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('added_at').as('latest')])
    .executeTakeFirstOrThrow();
  return [Number(stakeholders.n), stakeholders.latest, Number(members.n), members.latest].join('|');
}
