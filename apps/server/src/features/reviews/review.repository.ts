import type { Review, ReviewDue, ReviewDueQuery, ReviewListQuery } from '@rapport/contracts';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { DB, ReviewsTable } from '../../db/schema.js';
import { fromJsonList } from '../../shared/json.js';
import { applyKeyset, keysetOf, type Page, pageFrom } from '../../shared/pagination.js';

export function toReview(row: ReviewsTable, relationshipName: string | null = null): Review {
  return {
    id: row.id,
    subject: row.subject as Review['subject'],
    relationshipId: row.relationship_id,
    relationshipName,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    triggerExceptionId: row.trigger_exception_id,
    title: row.title,
    trigger: row.trigger as Review['trigger'],
    triggerNote: row.trigger_note,
    status: row.status as Review['status'],
    scheduledOn: row.scheduled_on,
    heldOn: row.held_on,
    participants: fromJsonList(row.participants),
    findings: row.findings,
    decisions: row.decisions,
    lessonsLearned: row.lessons_learned,
    satisfaction: row.satisfaction,
    effective: row.effective === null ? null : row.effective === 1,
    communicatedTo: fromJsonList(row.communicated_to),
    createdBy: row.created_by,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The names of the relationships of a page of reviews, in one query. */
async function withRelationshipNames(db: Kysely<DB>, reviews: Review[]): Promise<Review[]> {
  const ids = [...new Set(reviews.flatMap((review) => review.relationshipId ?? []))];
  if (ids.length === 0) return reviews;
  const rows = await db.selectFrom('relationships').select(['id', 'name']).where('id', 'in', ids).execute();
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return reviews.map((review) => ({
    ...review,
    relationshipName: review.relationshipId ? (names.get(review.relationshipId) ?? null) : null,
  }));
}

export async function findReview(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [review] = await withRelationshipNames(db, [toReview(row)]);
  return review;
}

export async function insertReview(db: Kysely<DB>, row: ReviewsTable) {
  await db.insertInto('reviews').values(row).execute();
}

export async function listReviews(db: Kysely<DB>, query: ReviewListQuery, today: string) {
  const base = withCommonFilters(db.selectFrom('reviews'), 'reviews', query)
    .$if(query.subject !== undefined, (q) => q.where('subject', '=', query.subject as string))
    .$if(query.relationshipId !== undefined, (q) =>
      q.where('relationship_id', '=', query.relationshipId as string),
    )
    .$if(query.status !== undefined, (q) => q.where('status', '=', query.status as string))
    .$if(query.trigger !== undefined, (q) => q.where('trigger', '=', query.trigger as string))
    .$if(query.due === true, (q) =>
      q.where('status', '=', 'planned').where(sql<boolean>`scheduled_on <= ${today}`),
    );
  const page = await listPage(
    base,
    'reviews',
    {
      ...query,
      sortColumns: { scheduledOn: 'scheduled_on?', heldOn: 'held_on?', createdAt: 'created_at' },
    },
    (row: ReviewsTable) => toReview(row),
  );
  return { ...page, data: await withRelationshipNames(db, page.data) };
}

/**
 * Active relationships whose next review date has come (or comes within `withinDays`) and that have no planned
 * review: the ones somebody still has to plan. One range of `relationships_next_review`.
 */
export async function listDueRelationships(
  db: Kysely<DB>,
  query: ReviewDueQuery,
  today: string,
  until: string,
): Promise<Page<ReviewDue>> {
  const keyset = keysetOf('nextReviewOn', { nextReviewOn: 'next_review_on' });
  const base = db
    .selectFrom('relationships')
    .innerJoin('stakeholders', 'stakeholders.id', 'relationships.stakeholder_id')
    .where('relationships.next_review_on', '<=', until)
    .where('relationships.status', '=', 'active')
    .where('relationships.archived_at', 'is', null)
    .$if(query.managerId !== undefined, (q) =>
      q.where('relationships.manager_id', '=', query.managerId as string),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reviews')
            .select('reviews.id')
            .whereRef('reviews.relationship_id', '=', 'relationships.id')
            .where('reviews.status', '=', 'planned')
            .where('reviews.archived_at', 'is', null),
        ),
      ),
    );
  const rows = await applyKeyset(
    base.select([
      'relationships.id',
      'relationships.name',
      'relationships.manager_id',
      'relationships.next_review_on',
      'stakeholders.name as stakeholder_name',
    ]),
    keyset,
    query.cursor,
    'relationships',
  )
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, keyset, (row) => ({
    relationshipId: row.id,
    name: row.name,
    stakeholderName: row.stakeholder_name,
    managerId: row.manager_id,
    nextReviewOn: row.next_review_on as string,
    overdue: (row.next_review_on as string) < today,
  }));
  if (query.count) {
    const counted = await base.select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    page.total = Number(counted.n);
  }
  return page;
}

/** The relationship a review is of, with what the review rules need. */
export async function relationshipForReview(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('relationships')
    .select([
      'id',
      'name',
      'status',
      'started_on',
      'ended_on',
      'journey',
      'current_steps',
      'model_id',
      'manager_id',
      'agent_id',
      'archived_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The day the latest review of the relationship was held, if any. */
export async function lastHeldOn(db: Kysely<DB>, relationshipId: string): Promise<string | null> {
  const row = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.max('held_on').as('held'))
    .where('relationship_id', '=', relationshipId)
    .where('status', '=', 'done')
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return (row?.held as string | null | undefined) ?? null;
}

/**
 * The relationship's next review date is derived from its reviews held: it changes without a new record version
 * (like the contact cadence), so holding a review never turns someone's edit of the relationship into a conflict.
 */
export async function setNextReviewOn(db: Kysely<DB>, relationshipId: string, day: string) {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.selectFrom('relationships').select('id').where('id', '=', relationshipId).forUpdate().execute();
  }
  await db
    .updateTable('relationships')
    .set({ next_review_on: day })
    .where('id', '=', relationshipId)
    .execute();
}

/** Whether a table exists: the exceptions and surveys features may not be installed yet. */
export async function tableExists(db: Kysely<DB>, table: string): Promise<boolean> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const result = await sql<{ found: string | null }>`select to_regclass(${table}) as found`.execute(db);
    return result.rows[0]?.found != null;
  }
  const result = await sql<{ name: string }>`select name from sqlite_master
    where type = 'table' and name = ${table}`.execute(db);
  return result.rows.length > 0;
}

/** Whether a row with this id exists in `table` (checked with `tableExists` first). */
export async function rowExists(db: Kysely<DB>, table: string, id: string): Promise<boolean> {
  const result = await sql<{ id: string }>`select id from ${sql.table(table)} where id = ${id}`.execute(db);
  return result.rows.length > 0;
}
