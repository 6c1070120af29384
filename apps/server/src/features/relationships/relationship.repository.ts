import type { ChecklistTick, JourneyMove, Relationship, RelationshipListQuery } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { DB, RelationshipsTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { fromJson, fromJsonList, toJson } from '../../shared/json.js';
import { refreshContact } from './contact.js';
import { type HealthSignals, healthOf, healthSignals, noSignals } from './health.js';
import { setPositions } from './positions.repository.js';

/** What a page needs of each relationship to name its people and model and to gather its health signals. */
type PresentedRow = Pick<RelationshipsTable, 'id' | 'stakeholder_id' | 'model_id'> & {
  from_stakeholder_id?: string | null;
};

/** The names of the stakeholders and models of many relationships, in two queries (lists show them per row). */
export async function namesFor(db: Kysely<DB>, rows: PresentedRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const stakeholderIds = [
    ...new Set(rows.flatMap((row) => [row.stakeholder_id, row.from_stakeholder_id ?? []].flat())),
  ];
  const modelIds = [...new Set(rows.flatMap((row) => row.model_id ?? []))];
  if (stakeholderIds.length > 0) {
    const found = await db
      .selectFrom('stakeholders')
      .select(['id', 'name'])
      .where('id', 'in', stakeholderIds)
      .execute();
    for (const row of found) names.set(row.id, row.name);
  }
  if (modelIds.length > 0) {
    const found = await db
      .selectFrom('relationship_models')
      .select(['id', 'title'])
      .where('id', 'in', modelIds)
      .execute();
    for (const row of found) names.set(row.id, row.title);
  }
  return names;
}

export interface Presenting {
  names: Map<string, string>;
  signals: Map<string, HealthSignals>;
  today: string;
}

/** What a page of relationships needs besides its rows: names and health signals, in a few grouped queries. */
export async function presentingOf(db: Kysely<DB>, rows: PresentedRow[]): Promise<Presenting> {
  const today = new Date().toISOString().slice(0, 10);
  return {
    names: await namesFor(db, rows),
    signals: await healthSignals(
      db,
      rows.map((row) => row.id),
      today,
    ),
    today,
  };
}

export function toRelationship(row: RelationshipsTable, { names, signals, today }: Presenting): Relationship {
  return {
    id: row.id,
    name: row.name,
    stakeholderId: row.stakeholder_id,
    stakeholderName: names.get(row.stakeholder_id) ?? '',
    fromStakeholderId: row.from_stakeholder_id,
    fromStakeholderName: row.from_stakeholder_id ? (names.get(row.from_stakeholder_id) ?? '') : null,
    orgUnitId: row.org_unit_id,
    service: row.service === 1,
    ourRole: row.our_role as Relationship['ourRole'],
    characteristics: fromJson(row.characteristics) as Relationship['characteristics'],
    managerId: row.manager_id,
    agentId: row.agent_id,
    maturity: row.maturity as Relationship['maturity'],
    status: row.status as Relationship['status'],
    startedOn: row.started_on,
    endedOn: row.ended_on,
    endReason: row.end_reason as Relationship['endReason'],
    endNote: row.end_note,
    modelId: row.model_id,
    modelName: row.model_id ? (names.get(row.model_id) ?? '') : null,
    modelVersion: row.model_version,
    journey: fromJson(row.journey) as Relationship['journey'],
    currentSteps: fromJsonList(row.current_steps),
    nextReviewOn: row.next_review_on,
    lastContactAt: row.last_contact_at,
    contactEveryDays: row.contact_every_days,
    nextContactOn: row.next_contact_on,
    health: healthOf(row, signals.get(row.id) ?? noSignals, today),
    createdBy: row.created_by,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findRelationship(db: Kysely<DB>, id: string): Promise<Relationship | undefined> {
  const row = await db.selectFrom('relationships').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRelationship(row, await presentingOf(db, [row]));
}

/** A new relationship, where it starts on its journey, and that start as the first entry of its history. */
export async function insertRelationship(db: Kysely<DB>, row: RelationshipsTable): Promise<void> {
  await db.insertInto('relationships').values(row).execute();
  const steps = fromJsonList(row.current_steps);
  await setPositions(db, row.id, steps, row.created_at);
  await insertMove(db, {
    relationshipId: row.id,
    fromSteps: [],
    toSteps: steps,
    note: '',
    actorId: row.created_by,
    at: row.created_at,
  });
  await refreshContact(db, [row.id]);
}

export async function listRelationships(db: Kysely<DB>, query: RelationshipListQuery, today: string) {
  // `none` asks for relationships without one.
  const idOrNone = (value: string | undefined) =>
    value === undefined ? undefined : value === 'none' ? null : value;
  const manager = idOrNone(query.managerId);
  const agent = idOrNone(query.agentId);
  const model = idOrNone(query.modelId);
  const base = withCommonFilters(db.selectFrom('relationships'), 'relationships', query)
    .$if(query.stakeholderId !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('stakeholder_id', '=', query.stakeholderId as string),
          eb('from_stakeholder_id', '=', query.stakeholderId as string),
        ]),
      ),
    )
    .$if(manager !== undefined, (q) =>
      q.where('manager_id', manager === null ? 'is' : '=', manager as string),
    )
    .$if(agent !== undefined, (q) => q.where('agent_id', agent === null ? 'is' : '=', agent as string))
    .$if(model !== undefined, (q) => q.where('model_id', model === null ? 'is' : '=', model as string))
    .$if(query.status !== undefined, (q) => q.where('status', '=', query.status as string))
    .$if(query.contactDue === true, (q) =>
      q.where('status', '=', 'active').where('next_contact_on', '<=', today),
    )
    .$if(query.groupId !== undefined, (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('stakeholder_group_members as m')
            .select('m.stakeholder_id')
            .whereRef('m.stakeholder_id', '=', 'relationships.stakeholder_id')
            .where('m.group_id', '=', query.groupId as string),
        ),
      ),
    )
    .$if(query.step !== undefined, (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('relationship_positions as p')
            .select('p.relationship_id')
            .whereRef('p.relationship_id', '=', 'relationships.id')
            .where('p.step_key', '=', query.step as string),
        ),
      ),
    );
  const page = await listPage(
    base,
    'relationships',
    {
      ...query,
      sortColumns: {
        name: 'sort_name',
        startedOn: 'started_on',
        updatedAt: 'updated_at',
        nextContactOn: 'next_contact_on?',
      },
    },
    (row: RelationshipsTable) => row,
  );
  const presenting = await presentingOf(db, page.data);
  return { ...page, data: page.data.map((row) => toRelationship(row, presenting)) };
}

export async function insertMove(db: Kysely<DB>, move: Omit<JourneyMove, 'id'>): Promise<void> {
  await db
    .insertInto('relationship_moves')
    .values({
      id: newId(),
      relationship_id: move.relationshipId,
      from_steps: toJson(move.fromSteps),
      to_steps: toJson(move.toSteps),
      note: move.note,
      actor_id: move.actorId,
      at: move.at,
    })
    .execute();
}

export async function listMoves(db: Kysely<DB>, relationshipId: string): Promise<JourneyMove[]> {
  const rows = await db
    .selectFrom('relationship_moves')
    .selectAll()
    .where('relationship_id', '=', relationshipId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    relationshipId: row.relationship_id,
    fromSteps: fromJsonList(row.from_steps),
    toSteps: fromJsonList(row.to_steps),
    note: row.note,
    actorId: row.actor_id,
    at: row.at,
  }));
}

export async function listChecklist(db: Kysely<DB>, relationshipId: string): Promise<ChecklistTick[]> {
  const rows = await db
    .selectFrom('relationship_checklist')
    .selectAll()
    .where('relationship_id', '=', relationshipId)
    .orderBy('done_at')
    .orderBy('step_key')
    .orderBy('activity_key')
    .execute();
  return rows.map((row) => ({
    stepKey: row.step_key,
    activityKey: row.activity_key,
    doneBy: row.done_by,
    doneAt: row.done_at,
  }));
}

export async function setChecklistItem(
  db: Kysely<DB>,
  item: { relationshipId: string; stepKey: string; activityKey: string; doneBy: string; at: string },
  done: boolean,
): Promise<boolean> {
  const key = (q: ReturnType<typeof db.deleteFrom<'relationship_checklist'>>) =>
    q
      .where('relationship_id', '=', item.relationshipId)
      .where('step_key', '=', item.stepKey)
      .where('activity_key', '=', item.activityKey);
  if (!done)
    return Number((await key(db.deleteFrom('relationship_checklist')).executeTakeFirst()).numDeletedRows) > 0;
  const result = await db
    .insertInto('relationship_checklist')
    .values({
      relationship_id: item.relationshipId,
      step_key: item.stepKey,
      activity_key: item.activityKey,
      done_by: item.doneBy,
      done_at: item.at,
    })
    .onConflict((oc) => oc.columns(['relationship_id', 'step_key', 'activity_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The stakeholder's active groups and the models in force for them. */
export async function modelsForStakeholder(db: Kysely<DB>, stakeholderId: string) {
  const groups = await db
    .selectFrom('stakeholder_group_members as m')
    .innerJoin('stakeholder_groups as g', 'g.id', 'm.group_id')
    .select(['g.id', 'g.name'])
    .where('m.stakeholder_id', '=', stakeholderId)
    .where('g.archived_at', 'is', null)
    .orderBy('g.sort_name')
    .execute();
  if (groups.length === 0) return { groups, models: [] };
  const rows = await db
    .selectFrom('relationship_model_groups as mg')
    .innerJoin('relationship_models as rm', 'rm.id', 'mg.model_id')
    .select(['rm.id', 'rm.title as name', 'rm.agreed_version as agreedVersion', 'mg.group_id as groupId'])
    .where(
      'mg.group_id',
      'in',
      groups.map((group) => group.id),
    )
    .where('rm.agreed_version', 'is not', null)
    .where('rm.archived_at', 'is', null)
    .orderBy('rm.sort_name')
    .execute();
  const models = new Map<string, { id: string; name: string; agreedVersion: number; groupIds: string[] }>();
  for (const row of rows) {
    const model = models.get(row.id) ?? {
      id: row.id,
      name: row.name,
      agreedVersion: row.agreedVersion as number,
      groupIds: [],
    };
    model.groupIds.push(row.groupId);
    models.set(row.id, model);
  }
  return { groups, models: [...models.values()] };
}

/** The ids among `ids` of stakeholders that exist and are not archived. */
export async function activeStakeholderIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('stakeholders')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where('archived_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.id));
}

export async function activeStakeholder(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('stakeholders')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}
