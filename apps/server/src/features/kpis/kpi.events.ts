import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Measure, perPeriod, type Series } from './kpi.measure.js';
import {
  average,
  bucketOf,
  current,
  inWindow,
  lastEnd,
  num,
  percent,
  round,
  type Window,
} from './kpi.period.js';
import { answerScope, exceptionScope, relationshipScope, type Scope } from './kpi.scope.js';

/*
 * KPIs counted from events that fall in a period (an end, a due date, an answer, an exception): one query
 * grouped by the period index gives all six trend points; a second query gives the breakdown.
 */

interface Counted {
  b: number | string | null;
  n: number | string | null;
  d: number | string | null;
}

const share = (row: Counted): Measure => ({
  value: percent(num(row.n), num(row.d)),
  numerator: num(row.n),
  denominator: num(row.d),
});

/** Relationships ended in the period (`ended_on`), and of them those ended because the approach was not followed. */
export async function endedApproachNotFollowed(db: Kysely<DB>, w: Window, scope: Scope): Promise<Series> {
  const day = sql.ref('r.ended_on');
  const { rows } = await sql<Counted>`
    select ${bucketOf(w, day)} as b, count(*) as d,
      sum(case when r.end_reason = 'approach_not_followed' then 1 else 0 end) as n
    from relationships r
    where ${inWindow(w, day)} and r.archived_at is null and ${relationshipScope(scope)}
    group by 1`.execute(db);
  const period = current(w);
  const reasons = await sql<{ reason: string | null; count: number | string }>`
    select r.end_reason as reason, count(*) as count from relationships r
    where r.ended_on >= ${period.from} and r.ended_on <= ${period.to} and r.archived_at is null
      and ${relationshipScope(scope)}
    group by r.end_reason order by 2 desc, 1`.execute(db);
  const total = reasons.rows.reduce((sum, row) => sum + num(row.count), 0);
  return {
    points: perPeriod(rows, share),
    breakdown: reasons.rows.map((row) => ({
      id: row.reason ?? 'other',
      label: row.reason ?? 'other',
      value: percent(num(row.count), total),
      count: num(row.count),
    })),
  };
}

/**
 * Relationship reviews due in the period (`scheduled_on`, not cancelled or archived) that are done or whose day
 * has passed; held on time = done with `held_on` on or before `scheduled_on`.
 */
export async function reviewsOnTime(db: Kysely<DB>, w: Window, scope: Scope): Promise<Series> {
  const day = sql.ref('rv.scheduled_on');
  const { rows } = await sql<Counted>`
    select ${bucketOf(w, day)} as b, count(*) as d,
      sum(case when rv.status = 'done' and rv.held_on <= rv.scheduled_on then 1 else 0 end) as n
    from reviews rv join relationships r on r.id = rv.relationship_id
    where rv.subject = 'relationship' and ${inWindow(w, day)} and rv.archived_at is null
      and rv.status <> 'cancelled' and (rv.status = 'done' or rv.scheduled_on < ${w.today})
      and ${relationshipScope(scope)}
    group by 1`.execute(db);
  return { points: perPeriod(rows, share), breakdown: [] };
}

/**
 * Exceptions (not compliments, not archived) due in the period (`due_on`) that are resolved or whose due day
 * has passed; in time = resolved on or before the due day (UTC).
 */
export async function exceptionsResolvedInTime(db: Kysely<DB>, w: Window, scope: Scope): Promise<Series> {
  const day = sql.ref('e.due_on');
  const { rows } = await sql<Counted>`
    select ${bucketOf(w, day)} as b, count(*) as d,
      sum(case when e.resolved_at is not null and substr(e.resolved_at, 1, 10) <= e.due_on then 1 else 0 end) as n
    from exceptions e
    where ${inWindow(w, day)} and e.archived_at is null and e.type <> 'compliment'
      and (e.resolved_at is not null or e.due_on < ${w.today}) and ${exceptionScope(scope)}
    group by 1`.execute(db);
  return { points: perPeriod(rows, share), breakdown: [] };
}

/** The day an exception happened: `occurred_on`, else the day it was recorded. */
export const exceptionDay = sql`coalesce(e.occurred_on, substr(e.created_at, 1, 10))`;

/** Toxic-behaviour exceptions (not archived) that happened in the period, by behaviour. */
export async function toxicExceptions(db: Kysely<DB>, w: Window, scope: Scope): Promise<Series> {
  const { rows } = await sql<Counted>`
    select ${bucketOf(w, exceptionDay)} as b, count(*) as n
    from exceptions e
    where e.type = 'toxic_behaviour' and ${inWindow(w, exceptionDay)} and e.archived_at is null
      and ${exceptionScope(scope)}
    group by 1`.execute(db);
  const period = current(w);
  const behaviours = await sql<{ behaviour: string | null; count: number | string }>`
    select e.toxic_behaviour as behaviour, count(*) as count from exceptions e
    where e.type = 'toxic_behaviour' and ${exceptionDay} >= ${period.from} and ${exceptionDay} < ${lastEnd(w)}
      and e.archived_at is null and ${exceptionScope(scope)}
    group by e.toxic_behaviour order by 2 desc, 1`.execute(db);
  const zero: Measure = { value: 0, numerator: 0, denominator: null };
  return {
    points: perPeriod(rows, (row) => ({ value: num(row.n), numerator: num(row.n), denominator: null }), zero),
    breakdown: behaviours.rows.map((row) => ({
      id: row.behaviour ?? 'unknown',
      label: row.behaviour ?? 'unknown',
      value: num(row.count),
      count: num(row.count),
    })),
  };
}

interface Averaged {
  b: number | string | null;
  s: number | string | null;
  d: number | string | null;
}
const mean = (row: Averaged): Measure => ({
  value: average(num(row.s), num(row.d)),
  numerator: round(num(row.s), 2),
  denominator: num(row.d),
});

/** Climate surveys: the average `score` (1–5) of answers given in the period, by the unit of who answered. */
export async function climateScore(db: Kysely<DB>, w: Window, scope: Scope): Promise<Series> {
  const day = sql.ref('a.answered_at');
  const where = sql`a.kind = 'climate' and a.score is not null and ${answerScope(scope, { manager: false })}`;
  const { rows } = await sql<Averaged>`
    select ${bucketOf(w, day)} as b, sum(a.score) as s, count(*) as d from survey_answers a
    where ${inWindow(w, day)} and ${where} group by 1`.execute(db);
  const period = current(w);
  const units = await sql<{
    id: string | null;
    label: string | null;
    s: number | string;
    d: number | string;
  }>`
    select s.org_unit_id as id, u.name as label, sum(a.score) as s, count(*) as d
    from survey_answers a join stakeholders s on s.id = a.stakeholder_id
      left join org_units u on u.id = s.org_unit_id
    where a.answered_at >= ${period.from} and a.answered_at < ${lastEnd(w)} and ${where}
    group by s.org_unit_id, u.name order by 2, 1`.execute(db);
  return {
    points: perPeriod(rows, mean),
    breakdown: units.rows.map((row) => ({
      id: row.id ?? 'none',
      label: row.label ?? '',
      value: average(num(row.s), num(row.d)),
      count: num(row.d),
    })),
  };
}

/** Satisfaction surveys answered by internal stakeholders: the average CSAT (1–5) in the period. */
export async function internalSatisfaction(db: Kysely<DB>, w: Window, scope: Scope): Promise<Series> {
  const day = sql.ref('a.answered_at');
  const { rows } = await sql<Averaged>`
    select ${bucketOf(w, day)} as b, sum(a.csat) as s, count(*) as d
    from survey_answers a join stakeholders s on s.id = a.stakeholder_id
    where a.kind = 'satisfaction' and ${inWindow(w, day)} and a.csat is not null and s.scope = 'internal'
      and ${answerScope(scope)}
    group by 1`.execute(db);
  return { points: perPeriod(rows, mean), breakdown: [] };
}

/** A stakeholder who is (now) a member of an active key group. */
export const inKeyGroup = (stakeholder: string) => sql`exists (select 1 from stakeholder_group_members km
  join stakeholder_groups kg on kg.id = km.group_id
  where km.stakeholder_id = ${sql.ref(stakeholder)} and kg.key_group = 1 and kg.archived_at is null)`;

interface Satisfied {
  b: number | string | null;
  id?: string;
  label?: string;
  cs: number | string | null;
  cn: number | string | null;
  nn: number | string | null;
  promoters: number | string | null;
  detractors: number | string | null;
}

const satisfactionColumns = sql`sum(a.csat) as cs, count(a.csat) as cn, count(a.nps) as nn,
  sum(case when a.nps >= 9 then 1 else 0 end) as promoters,
  sum(case when a.nps <= 6 then 1 else 0 end) as detractors`;

const csatOf = (row: Satisfied): Measure => ({
  value: average(num(row.cs), num(row.cn)),
  numerator: round(num(row.cs), 2),
  denominator: num(row.cn),
});
/** NPS = % promoters (9–10) − % detractors (0–6); the numerator is promoters − detractors. */
const npsOf = (row: Satisfied): Measure => {
  const answers = num(row.nn);
  const net = num(row.promoters) - num(row.detractors);
  return {
    value: answers > 0 ? round((net / answers) * 100, 1) : null,
    numerator: net,
    denominator: answers,
  };
};

/**
 * Satisfaction answers of stakeholders in active key groups, given in the period: CSAT and NPS from one
 * query, each broken down per key group (a stakeholder in two key groups counts in both rows).
 */
export async function keyStakeholderSatisfaction(
  db: Kysely<DB>,
  w: Window,
  scope: Scope,
): Promise<{ csat: Series; nps: Series }> {
  const day = sql.ref('a.answered_at');
  const where = sql`a.kind = 'satisfaction' and ${answerScope(scope)}`;
  const { rows } = await sql<Satisfied>`
    select ${bucketOf(w, day)} as b, ${satisfactionColumns} from survey_answers a
    where ${inWindow(w, day)} and ${where} and ${inKeyGroup('a.stakeholder_id')}
    group by 1`.execute(db);
  const period = current(w);
  const groups = await sql<Satisfied>`
    select null as b, g.id as id, g.name as label, ${satisfactionColumns}
    from survey_answers a join stakeholder_group_members m on m.stakeholder_id = a.stakeholder_id
      join stakeholder_groups g on g.id = m.group_id
    where a.answered_at >= ${period.from} and a.answered_at < ${lastEnd(w)} and ${where}
      and g.key_group = 1 and g.archived_at is null
    group by g.id, g.name order by g.name, g.id`.execute(db);
  return {
    csat: {
      points: perPeriod(rows, csatOf),
      breakdown: groups.rows.map((row) => ({
        id: row.id ?? '',
        label: row.label ?? '',
        value: csatOf(row).value,
        count: num(row.cn),
      })),
    },
    nps: {
      points: perPeriod(rows, npsOf),
      breakdown: groups.rows.map((row) => ({
        id: row.id ?? '',
        label: row.label ?? '',
        value: npsOf(row).value,
        count: num(row.nn),
      })),
    },
  };
}
