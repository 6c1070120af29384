import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Breakdown, type Measure, noMeasure, type Series } from './kpi.measure.js';
import {
  daysBefore,
  isPostgres,
  lastEnd,
  num,
  percent,
  shiftDay,
  TREND_POINTS,
  type Window,
  withoutJit,
} from './kpi.period.js';
import { membershipScope, relationshipScope, type Scope } from './kpi.scope.js';

/*
 * KPIs that describe a state at the end of each period (how things stood on its last day): one query with
 * one conditional count per period (`n0..n5`, `d0..d5`), so six points cost one pass.
 */

type Row = Record<string, number | string | null>;
const periods = Array.from({ length: TREND_POINTS }, (_, k) => k);

function columns(
  window: Window,
  counted: (end: string, k: number) => { d: RawBuilder<unknown>; n: RawBuilder<unknown> },
) {
  return sql.join(
    periods.flatMap((k) => {
      const { d, n } = counted(window.ends[k] as string, k);
      return [
        sql`sum(case when ${d} then 1 else 0 end) as ${sql.ref(`d${k}`)}`,
        sql`sum(case when ${d} and ${n} then 1 else 0 end) as ${sql.ref(`n${k}`)}`,
      ];
    }),
  );
}

const shares = (row: Row | undefined): Measure[] =>
  periods.map((k) => {
    const n = num(row?.[`n${k}`]);
    const d = num(row?.[`d${k}`]);
    return { value: percent(n, d), numerator: n, denominator: d };
  });

/** The distinct interval lengths (days) in use, from a query selecting `days`. */
async function distinctDays(db: Kysely<DB>, query: RawBuilder<unknown>): Promise<number[]> {
  const { rows } = await sql<{ days: number | string | null }>`${query}`.execute(db);
  return rows.filter((row) => row.days !== null).map((row) => Number(row.days));
}

/**
 * `cad(days, s0..s5)`: for each interval length in use, the first day of the interval that ends with each
 * period end. Computed here once per length, so the per-row test compares text instead of doing date
 * arithmetic in SQL for every row and period (which cost more than the index probes).
 */
function sinceTable(days: number[], w: Window) {
  const rows = (days.length > 0 ? days : [0]).map(
    (d) => sql`(${sql.lit(d)}, ${sql.join(w.ends.map((end) => sql`${shiftDay(end, -d)}`))})`,
  );
  return sql`cad(days, s0, s1, s2, s3, s4, s5) as (values ${sql.join(rows)})`;
}

/** Ids of the relationship models in force at each period end (a version agreed before it and not retired). */
export async function modelsInForce(db: Kysely<DB>, window: Window): Promise<string[][]> {
  const versions = await db
    .selectFrom('relationship_model_versions as v')
    .innerJoin('relationship_models as rm', 'rm.id', 'v.document_id')
    .select(['v.document_id as id', 'v.agreed_at', 'v.retired_at', 'rm.archived_at'])
    .where('v.agreed_at', 'is not', null)
    .execute();
  return window.ends.map((end) => [
    ...new Set(
      versions
        .filter(
          (v) =>
            (v.agreed_at as string) < end &&
            (v.retired_at === null || v.retired_at >= end) &&
            (v.archived_at === null || v.archived_at >= end),
        )
        .map((v) => v.id),
    ),
  ]);
}

const inList = (column: RawBuilder<unknown>, ids: string[]) =>
  ids.length === 0 ? sql`1 = 0` : sql`${column} in (${sql.join(ids)})`;

/**
 * Key groups that existed at the period end (created before it, not archived by then) and, of them, those linked
 * to a relationship model in force then. Group links are as they are now (they keep no history).
 */
export async function keyGroupsWithAgreedModel(db: Kysely<DB>, w: Window, scope: Scope): Promise<Series> {
  const inForce = await modelsInForce(db, w);
  const groups = await db
    .selectFrom('stakeholder_groups as g')
    .leftJoin('relationship_model_groups as mg', 'mg.group_id', 'g.id')
    .select(['g.id', 'g.created_at', 'g.archived_at', 'mg.model_id'])
    .where('g.key_group', '=', 1)
    .$if(Boolean(scope.groupId), (q) => q.where('g.id', '=', scope.groupId as string))
    .execute();
  const points = w.ends.map((end, k) => {
    const existing = new Map<string, boolean>();
    const models = new Set(inForce[k]);
    for (const g of groups) {
      if (g.created_at >= end || (g.archived_at !== null && g.archived_at < end)) continue;
      const covered = g.model_id !== null && models.has(g.model_id);
      existing.set(g.id, (existing.get(g.id) ?? false) || covered);
    }
    const n = [...existing.values()].filter(Boolean).length;
    return { value: percent(n, existing.size), numerator: n, denominator: existing.size };
  });
  return { points, breakdown: [] };
}

/** A relationship open on the day before `end`: started by then, not ended by then, not archived. */
export const openAt = (end: string) =>
  sql`r.started_on < ${end} and (r.ended_on is null or r.ended_on >= ${end}) and r.archived_at is null`;

/** Relationships open at the period end, and of them those whose model was in force then. */
export async function relationshipsWithAgreedModel(db: Kysely<DB>, w: Window, scope: Scope): Promise<Series> {
  const inForce = await modelsInForce(db, w);
  const row = await sql<Row>`
    select ${columns(w, (end, k) => ({ d: openAt(end), n: inList(sql.ref('r.model_id'), inForce[k] ?? []) }))}
    from relationships r
    where r.archived_at is null and r.started_on < ${lastEnd(w)} and ${relationshipScope(scope)}`.execute(db);
  return { points: shares(row.rows[0]), breakdown: [] };
}

/**
 * Contact on cadence at the period end `end` (exclusive): the relationship had an interaction within its
 * cadence (`contact_every_days`, as it is now) before that day, or started less than a cadence before it.
 * `last_contact_at` (its latest interaction, kept by the relationships feature) decides without looking at
 * the interactions unless there were contacts after `end`: then one index probe answers.
 */
export const onCadenceAt = (
  db: Kysely<DB>,
  end: string,
  since: RawBuilder<unknown> = daysBefore(db, end, sql.ref('r.contact_every_days')),
) => {
  return sql`(r.started_on >= ${since} or (r.last_contact_at >= ${since} and (r.last_contact_at < ${end}
    or exists (select 1 from interactions i where i.relationship_id = r.id and i.occurred_at < ${end}
      and i.occurred_at >= ${since} and i.archived_at is null))))`;
};

/**
 * Relationships open at the period end, not paused, with a contact cadence; of them those on cadence.
 * SQLite answers fastest with an index probe per relationship and period end (only for relationships contacted
 * after that end, see `onCadenceAt`); PostgreSQL runs such correlated probes as sub-plans ten times slower, so
 * there the latest contact before each end comes from one grouped pass over the window's interactions
 * (`lc.l0..l5`, hash-aggregated) joined to the relationships. Same definition, same results (tests run both).
 */
export async function contactsOnCadence(db: Kysely<DB>, w: Window, scope: Scope): Promise<Series> {
  const days = await distinctDays(db, sql`select distinct contact_every_days as days from relationships`);
  const where = sql`cad.days = r.contact_every_days and r.archived_at is null and r.status <> 'paused'
    and r.contact_every_days is not null and r.started_on < ${lastEnd(w)} and ${relationshipScope(scope)}`;
  if (!isPostgres(db)) {
    const row = await sql<Row>`
      with ${sinceTable(days, w)}
      select ${columns(w, (end, k) => ({ d: openAt(end), n: onCadenceAt(db, end, sql.ref(`cad.s${k}`)) }))}
      from relationships r cross join cad where ${where}`.execute(db);
    return { points: shares(row.rows[0]), breakdown: [] };
  }
  // When the period asked for runs to today (the usual case), `last_contact_at` decides its point as on SQLite
  // — a probe only for a relationship with contacts dated after its end, which none is — so the grouped pass
  // reads the five past periods' interactions only. For a period wholly in the past most relationships were
  // contacted after it, so the pass covers it too.
  const last = TREND_POINTS - 1;
  const byLastContact = lastEnd(w) > w.today;
  const grouped = byLastContact ? periods.slice(0, last) : periods;
  const earliest = shiftDay(w.ends[0] as string, -Math.max(0, ...days));
  const latest = grouped.map(
    (k) => sql`max(case when i.occurred_at < ${w.ends[k]} then i.occurred_at end) as ${sql.ref(`l${k}`)}`,
  );
  const query = sql<Row>`
    with ${sinceTable(days, w)},
    lc as (select i.relationship_id as rid, ${sql.join(latest)} from interactions i
      where i.occurred_at >= ${earliest} and i.occurred_at < ${w.ends[grouped.length - 1]}
        and i.archived_at is null
      group by i.relationship_id)
    select ${columns(w, (end, k) => {
      const since = sql.ref(`cad.s${k}`);
      const n =
        k === last && byLastContact
          ? onCadenceAt(db, end, since)
          : sql`(r.started_on >= ${since} or ${sql.ref(`lc.l${k}`)} >= ${since})`;
      return { d: openAt(end), n };
    })}
    from relationships r cross join cad left join lc on lc.rid = r.id
    where ${where}`;
  const row = await withoutJit(db, (jitless) => query.execute(jitless));
  return { points: shares(row.rows[0]), breakdown: [] };
}

/** A membership (m, g, s) that existed at `end`: added and the stakeholder created before it. */
export const memberAt = (end: string) => sql`m.added_at < ${end} and s.created_at < ${end}`;

/** The stakeholder was assessed (any assessment) within its group's re-assessment interval before `end`. */
export const assessedAt = (
  db: Kysely<DB>,
  end: string,
  since: RawBuilder<unknown> = daysBefore(db, end, sql.ref('g.reassess_days')),
) =>
  sql`exists (select 1 from stakeholder_assessments sa where sa.stakeholder_id = m.stakeholder_id
    and sa.at < ${end} and sa.at >= ${since})`;

export const coverageFrom = sql`stakeholder_group_members m
  join stakeholder_groups g on g.id = m.group_id
  join stakeholders s on s.id = m.stakeholder_id`;
export const coverageWhere = sql`g.key_group = 1 and g.archived_at is null and g.reassess_days is not null
  and s.archived_at is null`;

/**
 * Memberships of active key groups that have a re-assessment interval, held at the period end by active
 * stakeholders; covered = assessed within that group's interval before the end. Broken down per group.
 * One pass grouped by key group gives both: the trend is the sum of the groups' counts, the breakdown their
 * counts at the last end (a group without memberships then is left out).
 */
export async function mapCoverage(db: Kysely<DB>, w: Window, scope: Scope): Promise<Series> {
  const days = await distinctDays(db, sql`select distinct reassess_days as days from stakeholder_groups`);
  const end = lastEnd(w);
  const where = sql`cad.days = g.reassess_days and ${coverageWhere} and ${membershipScope(scope)}`;
  // As for contacts on cadence: probes on SQLite, one grouped pass over the assessments on PostgreSQL —
  // of the stakeholders in such groups only (most stakeholders are in none).
  const postgres = isPostgres(db);
  const earliest = shiftDay(w.ends[0] as string, -Math.max(0, ...days));
  const latest = sql`, la as (select sa.stakeholder_id as sid, ${sql.join(
    periods.map((k) => sql`max(case when sa.at < ${w.ends[k]} then sa.at end) as ${sql.ref(`l${k}`)}`),
  )} from stakeholder_assessments sa where sa.at >= ${earliest} and sa.at < ${end}
    and sa.stakeholder_id in (select km.stakeholder_id from stakeholder_group_members km
      join stakeholder_groups kg on kg.id = km.group_id
      where kg.key_group = 1 and kg.archived_at is null and kg.reassess_days is not null)
    group by sa.stakeholder_id)`;
  const covered = (k: number, at: string) =>
    postgres
      ? sql`${sql.ref(`la.l${k}`)} >= ${sql.ref(`cad.s${k}`)}`
      : assessedAt(db, at, sql.ref(`cad.s${k}`));
  const from = postgres
    ? sql`${coverageFrom} cross join cad left join la on la.sid = m.stakeholder_id`
    : sql`${coverageFrom} cross join cad`;
  const ctes = sql`with ${sinceTable(days, w)} ${postgres ? latest : sql``}`;
  const query = sql<Row & { id: string; label: string }>`
    ${ctes} select g.id as id, g.name as label, ${columns(w, (at, k) => ({ d: memberAt(at), n: covered(k, at) }))}
    from ${from} where ${where}
    group by g.id, g.name order by g.name, g.id`;
  const groups = await withoutJit(db, (jitless) => query.execute(jitless));
  const total: Row = {};
  for (const g of groups.rows) {
    for (const k of periods) {
      total[`d${k}`] = num(total[`d${k}`]) + num(g[`d${k}`]);
      total[`n${k}`] = num(total[`n${k}`]) + num(g[`n${k}`]);
    }
  }
  const last = TREND_POINTS - 1;
  const breakdown: Breakdown[] = groups.rows
    .filter((g) => num(g[`d${last}`]) > 0)
    .map((g) => ({
      id: g.id,
      label: g.label,
      value: percent(num(g[`n${last}`]), num(g[`d${last}`])),
      count: num(g[`d${last}`]),
    }));
  return { points: shares(total), breakdown };
}

/**
 * Acknowledgement of the current principles: the materials (not archived) linked to a principle in force now,
 * read by the users who are not deactivated. At each period end: (user, material) pairs where the user, created
 * before the end, acknowledged the material's current revision before it ÷ users then × materials. Per
 * material in the breakdown.
 */
export async function principlesAcknowledged(db: Kysely<DB>, w: Window): Promise<Series> {
  const materials = await db
    .selectFrom('materials as mt')
    .innerJoin('principles as p', 'p.id', 'mt.principle_id')
    .select(['mt.id', 'mt.title'])
    .where('mt.archived_at', 'is', null)
    .where('p.archived_at', 'is', null)
    .where('p.agreed_version', 'is not', null)
    .orderBy('mt.sort_name')
    .orderBy('mt.id')
    .execute();
  if (materials.length === 0) return { points: periods.map(() => noMeasure), breakdown: [] };
  const users = await sql<Row>`
    select ${sql.join(periods.map((k) => sql`sum(case when u.created_at < ${w.ends[k]} then 1 else 0 end) as ${sql.ref(`u${k}`)}`))}
    from users u where u.deactivated_at is null`.execute(db);
  const acks = await sql<Row & { id: string }>`
    select mt.id as id, ${sql.join(periods.map((k) => sql`sum(case when ma.acknowledged_at < ${w.ends[k]} and u.created_at < ${w.ends[k]} then 1 else 0 end) as ${sql.ref(`a${k}`)}`))}
    from material_acknowledgements ma
      join materials mt on mt.id = ma.material_id and ma.revision = mt.revision
      join users u on u.id = ma.user_id
    where u.deactivated_at is null and ${inList(
      sql.ref('mt.id'),
      materials.map((m) => m.id),
    )}
    group by mt.id`.execute(db);
  const usersAt = (k: number) => num(users.rows[0]?.[`u${k}`]);
  const points = periods.map((k) => {
    const n = acks.rows.reduce((sum, row) => sum + num(row[`a${k}`]), 0);
    const d = usersAt(k) * materials.length;
    return { value: percent(n, d), numerator: n, denominator: d };
  });
  const last = TREND_POINTS - 1;
  const byMaterial = new Map(acks.rows.map((row) => [row.id, num(row[`a${last}`])]));
  return {
    points,
    breakdown: materials.map((m) => ({
      id: m.id,
      label: m.title,
      value: percent(byMaterial.get(m.id) ?? 0, usersAt(last)),
      count: byMaterial.get(m.id) ?? 0,
    })),
  };
}
