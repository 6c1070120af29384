import type { Review, ReviewListQuery } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { DB, ReviewsTable } from '../../db/schema.js';
import { fromJsonList } from '../../shared/json.js';

export function toReview(row: ReviewsTable): Review {
  return {
    id: row.id,
    subject: row.subject as Review['subject'],
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

export async function findReview(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toReview(row);
}

export async function insertReview(db: Kysely<DB>, row: ReviewsTable) {
  await db.insertInto('reviews').values(row).execute();
}

export function listReviews(db: Kysely<DB>, query: ReviewListQuery, today: string) {
  const base = withCommonFilters(db.selectFrom('reviews'), 'reviews', query)
    .$if(query.subject !== undefined, (q) => q.where('subject', '=', query.subject as string))
    .$if(query.status !== undefined, (q) => q.where('status', '=', query.status as string))
    .$if(query.trigger !== undefined, (q) => q.where('trigger', '=', query.trigger as string))
    .$if(query.due === true, (q) =>
      q.where('status', '=', 'planned').where(sql<boolean>`scheduled_on <= ${today}`),
    );
  return listPage(
    base,
    'reviews',
    {
      ...query,
      sortColumns: { scheduledOn: 'scheduled_on?', heldOn: 'held_on?', createdAt: 'created_at' },
    },
    toReview,
  );
}
