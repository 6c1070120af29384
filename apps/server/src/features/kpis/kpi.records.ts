import type { KpiKey, KpiRecord, KpiRecordEntity } from '@rapport/contracts';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { decodeCursor, encodeCursor, type Page } from '../../shared/pagination.js';
import { exceptionDay, inKeyGroup } from './kpi.events.js';
import { current, lastEnd, type Window } from './kpi.period.js';
import { answerScope, exceptionScope, membershipScope, relationshipScope, type Scope } from './kpi.scope.js';
import {
  assessedAt,
  coverageFrom,
  coverageWhere,
  memberAt,
  modelsInForce,
  onCadenceAt,
  openAt,
} from './kpi.states.js';

/** One drill-down query: its rows are ordered and paged by the text key `k`. */
interface RecordQuery {
  entity: KpiRecordEntity;
  key: RawBuilder<unknown>;
  columns: RawBuilder<unknown>;
  from: RawBuilder<unknown>;
  where: RawBuilder<unknown>;
}

interface RecordRow {
  k: string;
  id: string;
  parent_id: string | null;
  label: string | null;
  date: string | null;
  counted: number | string | boolean | null;
  value: number | string | null;
}

const inList = (column: RawBuilder<unknown>, ids: string[]) =>
  ids.length === 0 ? sql`1 = 0` : sql`${column} in (${sql.join(ids)})`;

const flag = (condition: RawBuilder<unknown>) => sql`case when ${condition} then 1 else 0 end`;

/**
 * Which survey answers a drill-down may list one by one: those of named surveys to a role with `surveys.answers`,
 * none to anyone else (the KPI's value is their aggregate). An anonymous survey's answers are never listed.
 */
export type AnswersListed = 'named' | 'none';

async function queryOf(
  db: Kysely<DB>,
  key: KpiKey,
  w: Window,
  scope: Scope,
  listed: AnswersListed,
): Promise<RecordQuery> {
  const period = current(w);
  const end = lastEnd(w);
  const answersListed =
    listed === 'named'
      ? sql`exists (select 1 from surveys sv where sv.id = a.survey_id and sv.anonymity = 'named')`
      : sql`1 = 0`;
  const answers = (
    value: 'csat' | 'nps' | 'score',
    where: RawBuilder<unknown>,
    counted: RawBuilder<unknown>,
  ) => ({
    entity: 'survey_answer' as const,
    key: sql.ref('a.id'),
    columns: sql`a.id as id, a.survey_id as parent_id, s.name as label, a.answered_at as date,
      ${flag(counted)} as counted, ${sql.ref(`a.${value}`)} as value`,
    from: sql`survey_answers a join stakeholders s on s.id = a.stakeholder_id`,
    where: sql`a.answered_at >= ${period.from} and a.answered_at < ${end} and ${where} and ${answersListed}`,
  });
  const relationships = (
    where: RawBuilder<unknown>,
    date: RawBuilder<unknown>,
    counted: RawBuilder<unknown>,
  ) => ({
    entity: 'relationship' as const,
    key: sql.ref('r.id'),
    columns: sql`r.id as id, null as parent_id, r.name as label, ${date} as date, ${flag(counted)} as counted,
      null as value`,
    from: sql`relationships r`,
    where: sql`${where} and ${relationshipScope(scope)}`,
  });
  const exceptions = (
    where: RawBuilder<unknown>,
    date: RawBuilder<unknown>,
    counted: RawBuilder<unknown>,
  ) => ({
    entity: 'exception' as const,
    key: sql.ref('e.id'),
    columns: sql`e.id as id, null as parent_id, e.title as label, ${date} as date, ${flag(counted)} as counted,
      null as value`,
    from: sql`exceptions e`,
    where: sql`${where} and e.archived_at is null and ${exceptionScope(scope)}`,
  });

  switch (key) {
    case 'principles_acknowledged': {
      const users = sql`(select count(*) from users u where u.deactivated_at is null and u.created_at < ${end})`;
      const acks = sql`(select count(*) from material_acknowledgements ma join users u on u.id = ma.user_id
        where ma.material_id = mt.id and ma.revision = mt.revision and u.deactivated_at is null
          and u.created_at < ${end} and ma.acknowledged_at < ${end})`;
      return {
        entity: 'material',
        key: sql.ref('mt.id'),
        columns: sql`mt.id as id, mt.principle_id as parent_id, mt.title as label, null as date,
          ${flag(sql`${acks} >= ${users}`)} as counted, ${acks} as value`,
        from: sql`materials mt join principles p on p.id = mt.principle_id`,
        where: sql`mt.archived_at is null and p.archived_at is null and p.agreed_version is not null`,
      };
    }
    case 'key_groups_with_agreed_model': {
      const inForce = (await modelsInForce(db, w)).at(-1) ?? [];
      return {
        entity: 'stakeholder_group',
        key: sql.ref('g.id'),
        columns: sql`g.id as id, null as parent_id, g.name as label, null as date,
          ${flag(sql`exists (select 1 from relationship_model_groups mg where mg.group_id = g.id
            and ${inList(sql.ref('mg.model_id'), inForce)})`)} as counted, null as value`,
        from: sql`stakeholder_groups g`,
        where: sql`g.key_group = 1 and g.created_at < ${end} and (g.archived_at is null or g.archived_at >= ${end})
          ${scope.groupId ? sql`and g.id = ${scope.groupId}` : sql``}`,
      };
    }
    case 'relationships_with_agreed_model': {
      const inForce = (await modelsInForce(db, w)).at(-1) ?? [];
      return relationships(openAt(end), sql.ref('r.started_on'), inList(sql.ref('r.model_id'), inForce));
    }
    case 'contacts_on_cadence':
      return relationships(
        sql`${openAt(end)} and r.status <> 'paused' and r.contact_every_days is not null`,
        sql`(select max(i.occurred_at) from interactions i where i.relationship_id = r.id
          and i.occurred_at < ${end} and i.archived_at is null)`,
        onCadenceAt(db, end),
      );
    case 'ended_approach_not_followed':
      return relationships(
        sql`r.ended_on >= ${period.from} and r.ended_on <= ${period.to} and r.archived_at is null`,
        sql.ref('r.ended_on'),
        sql`r.end_reason = 'approach_not_followed'`,
      );
    case 'map_coverage':
      return {
        entity: 'stakeholder',
        key: sql`s.id || ':' || g.id`,
        columns: sql`s.id as id, g.id as parent_id, s.name || ' — ' || g.name as label,
          (select max(sa.at) from stakeholder_assessments sa where sa.stakeholder_id = s.id and sa.at < ${end}) as date,
          ${flag(assessedAt(db, end))} as counted, null as value`,
        from: coverageFrom,
        where: sql`${coverageWhere} and ${membershipScope(scope)} and ${memberAt(end)}`,
      };
    case 'reviews_on_time':
      return {
        entity: 'review',
        key: sql.ref('rv.id'),
        columns: sql`rv.id as id, rv.relationship_id as parent_id, rv.title as label, rv.scheduled_on as date,
          ${flag(sql`rv.status = 'done' and rv.held_on <= rv.scheduled_on`)} as counted, null as value`,
        from: sql`reviews rv join relationships r on r.id = rv.relationship_id`,
        where: sql`rv.subject = 'relationship' and rv.scheduled_on >= ${period.from} and rv.scheduled_on <= ${period.to}
          and rv.archived_at is null and rv.status <> 'cancelled' and (rv.status = 'done' or rv.scheduled_on < ${w.today})
          and ${relationshipScope(scope)}`,
      };
    case 'exceptions_resolved_in_time':
      return exceptions(
        sql`e.due_on >= ${period.from} and e.due_on <= ${period.to} and e.type <> 'compliment'
          and (e.resolved_at is not null or e.due_on < ${w.today})`,
        sql.ref('e.due_on'),
        sql`e.resolved_at is not null and substr(e.resolved_at, 1, 10) <= e.due_on`,
      );
    case 'toxic_exceptions':
      return exceptions(
        sql`e.type = 'toxic_behaviour' and ${exceptionDay} >= ${period.from} and ${exceptionDay} < ${end}`,
        exceptionDay,
        sql`1 = 1`,
      );
    case 'climate_score':
      return answers(
        'score',
        sql`a.kind = 'climate' and a.score is not null and ${answerScope(scope, { manager: false })}`,
        sql`1 = 1`,
      );
    case 'internal_satisfaction':
      return answers(
        'csat',
        sql`a.kind = 'satisfaction' and a.csat is not null and s.scope = 'internal' and ${answerScope(scope)}`,
        sql`1 = 1`,
      );
    case 'key_stakeholder_csat':
      return answers(
        'csat',
        sql`a.kind = 'satisfaction' and a.csat is not null and ${inKeyGroup('a.stakeholder_id')} and ${answerScope(scope)}`,
        sql`1 = 1`,
      );
    case 'key_stakeholder_nps':
      return answers(
        'nps',
        sql`a.kind = 'satisfaction' and a.nps is not null and ${inKeyGroup('a.stakeholder_id')} and ${answerScope(scope)}`,
        sql`a.nps >= 9`,
      );
    case 'image_in_media':
    case 'left_due_to_toxic_relationships':
      return {
        entity: 'manual_entry',
        key: sql.ref('k.id'),
        columns: sql`k.id as id, null as parent_id, k.note as label, k.period_to as date, 1 as counted,
          k.value as value`,
        from: sql`kpi_entries k`,
        where: sql`k.key = ${key} and k.period_to >= ${period.from} and k.period_to <= ${period.to}`,
      };
  }
}

/** The records behind a KPI's value for the period asked for, ordered by id, a page at a time. */
export async function kpiRecords(
  db: Kysely<DB>,
  key: KpiKey,
  w: Window,
  scope: Scope,
  page: { limit: number; cursor?: string | undefined },
  listed: AnswersListed = 'none',
): Promise<Page<KpiRecord>> {
  const q = await queryOf(db, key, w, scope, listed);
  const after = page.cursor ? sql`and ${q.key} > ${decodeCursor(page.cursor)[1]}` : sql``;
  const { rows } = await sql<RecordRow>`
    select ${q.key} as k, ${q.columns} from ${q.from}
    where ${q.where} ${after}
    order by 1 limit ${page.limit + 1}`.execute(db);
  const more = rows.length > page.limit;
  const data = (more ? rows.slice(0, page.limit) : rows).map(
    (row): KpiRecord => ({
      entity: q.entity,
      id: row.id,
      parentId: row.parent_id,
      label: row.label ?? '',
      date: row.date,
      counted: Number(row.counted) === 1,
      value: row.value === null ? null : Number(row.value),
    }),
  );
  const last = data.at(-1);
  return {
    data,
    nextCursor: more && last ? encodeCursor(null, (rows[page.limit - 1] as RecordRow).k) : null,
  };
}
