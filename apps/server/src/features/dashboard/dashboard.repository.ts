import {
  type DueItem,
  type HealthBand,
  type KpiQuery,
  unresolvedExceptionStatuses,
} from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { scoresOf } from '../relationships/health.js';

export type DashboardFilters = Pick<KpiQuery, 'groupId' | 'orgUnitId' | 'managerId'>;

const isFiltered = (f: DashboardFilters) =>
  f.groupId !== undefined || f.orgUnitId !== undefined || f.managerId !== undefined;

/** Relationships narrowed by the dashboard's filters (manager, holding org unit, stakeholder's key group). */
function relationshipsMatching(db: Kysely<DB>, f: DashboardFilters) {
  return db
    .selectFrom('relationships as r')
    .$if(f.managerId !== undefined, (qb) => qb.where('r.manager_id', '=', f.managerId as string))
    .$if(f.orgUnitId !== undefined, (qb) => qb.where('r.org_unit_id', '=', f.orgUnitId as string))
    .$if(f.groupId !== undefined, (qb) =>
      qb.where('r.stakeholder_id', 'in', (eb) =>
        eb
          .selectFrom('stakeholder_group_members as m')
          .select('m.stakeholder_id')
          .where('m.group_id', '=', f.groupId as string),
      ),
    );
}

const activeRelationships = (db: Kysely<DB>, f: DashboardFilters) =>
  relationshipsMatching(db, f).where('r.status', '=', 'active').where('r.archived_at', 'is', null);

/** The ids of matching relationships, as a subquery; undefined when nothing narrows them. */
const matchingIds = (db: Kysely<DB>, f: DashboardFilters) =>
  isFiltered(f) ? relationshipsMatching(db, f).select('r.id') : undefined;

export const bandOf = (score: number | null): HealthBand =>
  score === null ? 'unmeasured' : score >= 70 ? 'good' : score >= 40 ? 'fair' : 'poor';

/** Up to this many relationships not yet scored are scored on the spot; more are counted as unmeasured. */
export const SCORE_ON_THE_SPOT = 500;

/**
 * Health of every active relationship per band, counted from the score each keeps (`health_score`, kept by every
 * change of a health input and rescored daily): one grouped read of the `relationships_health_score` index giving
 * a few hundred groups (score × day scored × override), drawn into bands here with `bandOf`, so the band
 * boundaries are written once. Relationships never scored yet (just after an upgrade, while the start-up fill
 * runs) are scored as their page scores them when few, or counted as unmeasured until the fill reaches them.
 */
export async function healthBands(
  db: Kysely<DB>,
  f: DashboardFilters,
  today: string,
  scoreOnTheSpot = SCORE_ON_THE_SPOT,
) {
  // Grouped by the index's own columns in its order, so both databases count while reading it (no sort, no
  // expression per row); scored-or-not and overridden-or-not are told apart in the few groups it returns.
  const groups = await activeRelationships(db, f)
    .select([
      'r.health_score',
      'r.health_scored_on',
      'r.health_override',
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy(['r.health_score', 'r.health_scored_on', 'r.health_override'])
    .execute();
  const counts = new Map<HealthBand, { count: number; overridden: number }>();
  const add = (score: number | null, isOverridden: boolean, n: number) => {
    const count = counts.get(bandOf(score)) ?? { count: 0, overridden: 0 };
    count.count += n;
    if (isOverridden) count.overridden += n;
    counts.set(bandOf(score), count);
  };
  let total = 0;
  const unscored = [];
  for (const group of groups) {
    total += Number(group.n);
    if (group.health_scored_on === null) unscored.push(group);
    else add(group.health_score, group.health_override !== null, Number(group.n));
  }
  const unscoredTotal = unscored.reduce((sum, group) => sum + Number(group.n), 0);
  if (unscoredTotal > scoreOnTheSpot) {
    for (const group of unscored) add(null, group.health_override !== null, Number(group.n));
  } else if (unscoredTotal > 0) {
    const rows = await activeRelationships(db, f)
      .select(['r.id', 'r.health_override'])
      .where('r.health_scored_on', 'is', null)
      .execute();
    const scores = await scoresOf(
      db,
      rows.map((row) => row.id),
      today,
    );
    for (const row of rows) add(scores.get(row.id) ?? null, row.health_override !== null, 1);
  }
  return { total, counts };
}

/**
 * Models with active matching relationships, most first. Counted on the relationships alone (on SQLite from the
 * covering index of their small columns), then named.
 */
export async function modelsInUse(db: Kysely<DB>, f: DashboardFilters) {
  // Grouped by an expression, so SQLite does not walk the model index in order (reading each row for the status)
  // but takes the covering index of active relationships and groups them aside.
  const modelKey = sql<string>`coalesce(r.model_id, '')`;
  const counts = (
    await activeRelationships(db, f)
      .select([modelKey.as('model_id'), (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy(modelKey)
      .execute()
  ).filter((row) => row.model_id !== '');
  if (counts.length === 0) return [];
  const titles = new Map(
    (
      await db
        .selectFrom('relationship_models')
        .select(['id', 'title'])
        .where(
          'id',
          'in',
          counts.map((row) => row.model_id as string),
        )
        .execute()
    ).map((row) => [row.id, row.title]),
  );
  return counts
    .flatMap((row) => {
      const title = titles.get(row.model_id as string);
      return title === undefined ? [] : [{ id: row.model_id as string, title, active: Number(row.n) }];
    })
    .sort((a, b) => b.active - a.active || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** Open positions of the model's relationships per step (parallel steps count in each). */
export async function positionsPerStep(db: Kysely<DB>, f: DashboardFilters, modelId: string) {
  const ids = matchingIds(db, f);
  const rows = await db
    .selectFrom('relationship_positions as p')
    .select(['p.step_key', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('p.model_id', '=', modelId)
    .where('p.open', '=', 1)
    .$if(ids !== undefined, (qb) => qb.where('p.relationship_id', 'in', ids as NonNullable<typeof ids>))
    .groupBy('p.step_key')
    .execute();
  return new Map(rows.map((row) => [row.step_key, Number(row.n)]));
}

/**
 * The journey history up to the end of the period of the model's matching relationships (any status: an
 * ended relationship's moves were still made), ordered per relationship, with when each was opened.
 */
export async function movesOfModel(db: Kysely<DB>, f: DashboardFilters, modelId: string, until: string) {
  const rows = await relationshipsMatching(db, f)
    .innerJoin('relationship_moves as m', 'm.relationship_id', 'r.id')
    .select(['r.id', 'r.created_at', 'm.from_steps', 'm.to_steps', 'm.at'])
    .where('r.model_id', '=', modelId)
    .where('m.at', '<=', until)
    .orderBy('r.id')
    .orderBy('m.at')
    .orderBy('m.id')
    .execute();
  return rows;
}

const OPEN = [...unresolvedExceptionStatuses];

/** Exceptions by type and severity: unresolved now, and raised in the period (archived ones left out). */
export async function exceptionCounts(
  db: Kysely<DB>,
  f: DashboardFilters,
  which: { open: true } | { from: string; to: string },
) {
  const ids = f.managerId !== undefined || f.orgUnitId !== undefined ? matchingIds(db, f) : undefined;
  const rows = await db
    .selectFrom('exceptions as e')
    .select(['e.type', 'e.severity', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('e.archived_at', 'is', null)
    .$if('open' in which, (qb) => qb.where('e.status', 'in', OPEN))
    .$if('from' in which, (qb) => {
      const range = which as { from: string; to: string };
      return qb.where('e.created_at', '>=', range.from).where('e.created_at', '<=', range.to);
    })
    // A manager or unit narrows to their relationships' exceptions; a group to exceptions involving its members.
    .$if(ids !== undefined, (qb) => qb.where('e.relationship_id', 'in', ids as NonNullable<typeof ids>))
    .$if(f.groupId !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('exception_stakeholders as es')
            .innerJoin('stakeholder_group_members as gm', 'gm.stakeholder_id', 'es.stakeholder_id')
            .select('es.exception_id')
            .whereRef('es.exception_id', '=', 'e.id')
            .where('gm.group_id', '=', f.groupId as string),
        ),
      ),
    )
    .groupBy(['e.type', 'e.severity'])
    .execute();
  return rows.map((row) => ({ type: row.type, severity: row.severity, count: Number(row.n) }));
}

export const DUE_ITEMS = 5;

const counted = (row: { overdue: number | string | null; n: number | string }) => ({
  due: Number(row.n) - Number(row.overdue ?? 0),
  overdue: Number(row.overdue ?? 0),
});

/** Reviews or contacts of active relationships due by `until` (overdue: before today), and the soonest few. */
export async function relationshipsDue(
  db: Kysely<DB>,
  f: DashboardFilters,
  column: 'next_review_on' | 'next_contact_on',
  today: string,
  until: string,
) {
  const ref = sql.ref(`r.${column}`);
  const base = activeRelationships(db, f)
    .where(`r.${column}`, 'is not', null)
    .where(`r.${column}`, '<=', until);
  const row = await base
    .select([
      sql<number | string | null>`sum(case when ${ref} < ${today} then 1 else 0 end)`.as('overdue'),
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .executeTakeFirstOrThrow();
  const items = await base
    .select(['r.id', 'r.name', `r.${column} as due_on`])
    .orderBy(`r.${column}`)
    .orderBy('r.id')
    .limit(DUE_ITEMS)
    .execute();
  return {
    ...counted(row),
    items: items.map(
      (row): DueItem => ({
        id: row.id,
        relationshipId: row.id,
        name: row.name,
        dueOn: row.due_on as string,
        overdue: (row.due_on as string) < today,
      }),
    ),
  };
}

/**
 * Open follow-ups on active relationships due by `until`. Only the relationship and the date are shown:
 * a follow-up of a confidential interaction keeps its text for those who may read it.
 */
export async function followUpsDue(db: Kysely<DB>, f: DashboardFilters, today: string, until: string) {
  const base = activeRelationships(db, f)
    .innerJoin('follow_ups as fu', 'fu.relationship_id', 'r.id')
    .where('fu.done_at', 'is', null)
    .where('fu.due_on', 'is not', null)
    .where('fu.due_on', '<=', until);
  const row = await base
    .select([
      sql<number | string | null>`sum(case when fu.due_on < ${today} then 1 else 0 end)`.as('overdue'),
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .executeTakeFirstOrThrow();
  const items = await base
    .select(['fu.id', 'r.id as relationship_id', 'r.name', 'fu.due_on'])
    .orderBy('fu.due_on')
    .orderBy('fu.id')
    .limit(DUE_ITEMS)
    .execute();
  return {
    ...counted(row),
    items: items.map(
      (row): DueItem => ({
        id: row.id,
        relationshipId: row.relationship_id,
        name: row.name,
        dueOn: row.due_on as string,
        overdue: (row.due_on as string) < today,
      }),
    ),
  };
}
