import {
  type Exception,
  type ExceptionListQuery,
  type ExceptionStatus,
  type ExceptionTransition,
  toxicAntidotes,
  unresolvedExceptionStatuses,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { DB, ExceptionsTable, ExceptionTransitionsTable } from '../../db/schema.js';
import { fromJsonList } from '../../shared/json.js';

export const severityRank = { minor: 1, moderate: 2, severe: 3 } as const;

export const isUnresolved = (status: string) =>
  (unresolvedExceptionStatuses as readonly string[]).includes(status);

/** What presenting a page of exceptions needs besides the rows: their relationships, in one query. */
export interface ExceptionContext {
  relationships: Map<string, { name: string; managerId: string | null }>;
  today: string;
}

export async function contextOf(db: Kysely<DB>, rows: ExceptionsTable[]): Promise<ExceptionContext> {
  const relationships = new Map<string, { name: string; managerId: string | null }>();
  const ids = [...new Set(rows.flatMap((row) => row.relationship_id ?? []))];
  if (ids.length > 0) {
    const found = await db
      .selectFrom('relationships')
      .select(['id', 'name', 'manager_id'])
      .where('id', 'in', ids)
      .execute();
    for (const row of found) relationships.set(row.id, { name: row.name, managerId: row.manager_id });
  }
  return { relationships, today: new Date().toISOString().slice(0, 10) };
}

/**
 * The record as the API shows it. `showReporter` is false for everyone but administrators when the reporter is
 * hidden; `allowed` are the statuses this reader may move it to.
 */
export function toException(
  row: ExceptionsTable,
  context: ExceptionContext,
  view: { showReporter: boolean; allowed: ExceptionStatus[] },
): Exception {
  const toxic = row.toxic_behaviour as Exception['toxicBehaviour'];
  return {
    id: row.id,
    relationshipId: row.relationship_id,
    relationshipName: row.relationship_id
      ? (context.relationships.get(row.relationship_id)?.name ?? '')
      : null,
    stakeholderIds: fromJsonList(row.stakeholder_ids),
    title: row.title,
    description: row.description,
    type: row.type as Exception['type'],
    toxicBehaviour: toxic,
    guidance: toxic ? toxicAntidotes[toxic] : null,
    severity: row.severity as Exception['severity'],
    status: row.status as ExceptionStatus,
    reportedBy: row.reporter_hidden === 1 && !view.showReporter ? null : row.reported_by,
    reporterHidden: row.reporter_hidden === 1,
    ownerId: row.owner_id,
    dueOn: row.due_on,
    occurredOn: row.occurred_on,
    overdue: row.due_on !== null && row.due_on < context.today && isUnresolved(row.status),
    mediationNotes: row.mediation_notes,
    resolution: row.resolution,
    modelProposal:
      row.model_id === null ? null : { modelId: row.model_id, version: row.model_version as number },
    allowedTransitions: view.allowed,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const findExceptionRow = (db: Kysely<DB>, id: string) =>
  db.selectFrom('exceptions').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertException(db: Kysely<DB>, row: ExceptionsTable): Promise<void> {
  await db.insertInto('exceptions').values(row).execute();
}

/** Mirrors every stakeholder an exception involves (named ones and its relationship's parties). */
export async function syncStakeholders(db: Kysely<DB>, row: ExceptionsTable): Promise<void> {
  const ids = new Set(fromJsonList(row.stakeholder_ids));
  if (row.relationship_id) {
    const relationship = await db
      .selectFrom('relationships')
      .select(['stakeholder_id', 'from_stakeholder_id'])
      .where('id', '=', row.relationship_id)
      .executeTakeFirst();
    if (relationship) {
      ids.add(relationship.stakeholder_id);
      if (relationship.from_stakeholder_id) ids.add(relationship.from_stakeholder_id);
    }
  }
  await db.deleteFrom('exception_stakeholders').where('exception_id', '=', row.id).execute();
  if (ids.size > 0) {
    await db
      .insertInto('exception_stakeholders')
      .values([...ids].map((stakeholderId) => ({ exception_id: row.id, stakeholder_id: stakeholderId })))
      .execute();
  }
}

export async function insertTransition(db: Kysely<DB>, row: ExceptionTransitionsTable): Promise<void> {
  await db.insertInto('exception_transitions').values(row).execute();
}

const toTransition = (row: ExceptionTransitionsTable): ExceptionTransition => ({
  id: row.id,
  exceptionId: row.exception_id,
  from: row.from_status as ExceptionStatus,
  to: row.to_status as ExceptionStatus,
  note: row.note,
  actorId: row.actor_id,
  at: row.at,
});

/** The status history, oldest first. */
export async function listTransitions(db: Kysely<DB>, exceptionId: string): Promise<ExceptionTransition[]> {
  const rows = await db
    .selectFrom('exception_transitions')
    .selectAll()
    .where('exception_id', '=', exceptionId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(toTransition);
}

const dayStart = (day: string) => `${day}T00:00:00.000Z`;
const dayAfter = (day: string) => new Date(Date.parse(dayStart(day)) + 86_400_000).toISOString();

export function listExceptionRows(db: Kysely<DB>, query: ExceptionListQuery, today: string) {
  const unresolved = [...unresolvedExceptionStatuses];
  const base = withCommonFilters(db.selectFrom('exceptions'), 'exceptions', query)
    .$if(query.relationshipId !== undefined, (q) =>
      q.where('relationship_id', '=', query.relationshipId as string),
    )
    .$if(query.stakeholderId !== undefined, (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('exception_stakeholders as es')
            .select('es.exception_id')
            .whereRef('es.exception_id', '=', 'exceptions.id')
            .where('es.stakeholder_id', '=', query.stakeholderId as string),
        ),
      ),
    )
    .$if(query.type !== undefined, (q) => q.where('type', '=', query.type as string))
    .$if(query.severity !== undefined, (q) => q.where('severity', '=', query.severity as string))
    .$if(query.status !== undefined, (q) => q.where('status', '=', query.status as string))
    .$if(query.ownerId === 'none', (q) => q.where('owner_id', 'is', null))
    .$if(query.ownerId !== undefined && query.ownerId !== 'none', (q) =>
      q.where('owner_id', '=', query.ownerId as string),
    )
    .$if(query.open === true, (q) => q.where('status', 'in', unresolved))
    .$if(query.open === false, (q) => q.where('status', 'not in', unresolved))
    .$if(query.overdue === true, (q) =>
      q.where('status', 'in', unresolved).where('due_on', 'is not', null).where('due_on', '<', today),
    )
    .$if(query.overdue === false, (q) =>
      q.where((eb) =>
        eb.or([eb('status', 'not in', unresolved), eb('due_on', 'is', null), eb('due_on', '>=', today)]),
      ),
    )
    .$if(query.from !== undefined, (q) => q.where('created_at', '>=', dayStart(query.from as string)))
    .$if(query.to !== undefined, (q) => q.where('created_at', '<', dayAfter(query.to as string)));
  return listPage<DB, 'exceptions', ExceptionsTable, ExceptionsTable>(
    base,
    'exceptions',
    {
      ...query,
      sortColumns: { createdAt: 'created_at', dueOn: 'due_on?', severity: 'severity_rank' },
    },
    (row) => row,
  );
}

/**
 * For relationship reviews triggered by exceptions: a relationship's exceptions raised in a date range
 * (inclusive days, UTC), oldest first, archived ones left out. Whole records (no reporter hidden here: callers
 * present them through the exception service when they show them to a user).
 */
export async function exceptionRowsOfRelationship(
  db: Kysely<DB>,
  relationshipId: string,
  range: { from?: string; to?: string } = {},
): Promise<ExceptionsTable[]> {
  return db
    .selectFrom('exceptions')
    .selectAll()
    .where('relationship_id', '=', relationshipId)
    .where('archived_at', 'is', null)
    .$if(range.from !== undefined, (q) => q.where('created_at', '>=', dayStart(range.from as string)))
    .$if(range.to !== undefined, (q) => q.where('created_at', '<', dayAfter(range.to as string)))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
