import type { Lesson, LessonListQuery } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { DB, LessonsTable } from '../../db/schema.js';
import { containsPattern, fromJsonList } from '../../shared/json.js';

export function toLesson(row: LessonsTable): Lesson {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    tags: fromJsonList(row.tags),
    groupId: row.group_id,
    modelId: row.model_id,
    relationshipId: row.relationship_id,
    sourceReviewId: row.source_review_id,
    createdBy: row.created_by,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What `q` searches: title, text and tags, lower-cased (Chinese has no case and stays as it is). */
export const searchTextOf = (lesson: Pick<Lesson, 'title' | 'body' | 'tags'>) =>
  [lesson.title, lesson.body, ...lesson.tags].join('\n').toLowerCase();

const tagKeys = (tags: string[]) => [...new Set(tags.map((tag) => tag.toLowerCase()))];

export async function findLesson(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('lessons').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toLesson(row);
}

export async function setLessonTags(db: Kysely<DB>, lessonId: string, tags: string[]) {
  await db.deleteFrom('lesson_tags').where('lesson_id', '=', lessonId).execute();
  const keys = tagKeys(tags);
  if (keys.length > 0)
    await db
      .insertInto('lesson_tags')
      .values(keys.map((tag_key) => ({ lesson_id: lessonId, tag_key })))
      .execute();
}

export async function insertLesson(db: Kysely<DB>, row: LessonsTable) {
  await db.insertInto('lessons').values(row).execute();
  await setLessonTags(db, row.id, fromJsonList(row.tags));
}

export function listLessons(db: Kysely<DB>, query: LessonListQuery) {
  // `q` searches the whole text, not only the title that `withCommonFilters` would look at.
  const base = withCommonFilters(db.selectFrom('lessons'), 'lessons', { archived: query.archived })
    .$if(Boolean(query.q), (q) =>
      q.where(sql<boolean>`lessons.search_text like ${containsPattern(query.q as string)} escape '\\'`),
    )
    .$if(query.groupId !== undefined, (q) => q.where('group_id', '=', query.groupId as string))
    .$if(query.modelId !== undefined, (q) => q.where('model_id', '=', query.modelId as string))
    .$if(query.relationshipId !== undefined, (q) =>
      q.where('relationship_id', '=', query.relationshipId as string),
    )
    .$if(query.sourceReviewId !== undefined, (q) =>
      q.where('source_review_id', '=', query.sourceReviewId as string),
    )
    .$if(Boolean(query.tag), (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('lesson_tags')
            .select('lesson_tags.lesson_id')
            .whereRef('lesson_tags.lesson_id', '=', 'lessons.id')
            .where('lesson_tags.tag_key', '=', (query.tag as string).trim().toLowerCase()),
        ),
      ),
    );
  return listPage(
    base,
    'lessons',
    { ...query, sortColumns: { title: 'sort_name', createdAt: 'created_at' } },
    toLesson,
  );
}

/** Which of the references a lesson names exist and are active. */
export async function referenceState(
  db: Kysely<DB>,
  refs: { groupId?: string | null; modelId?: string | null; relationshipId?: string | null },
) {
  const active = async (table: 'stakeholder_groups' | 'relationship_models' | 'relationships', id: string) =>
    (await db
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('archived_at', 'is', null)
      .executeTakeFirst()) !== undefined;
  return {
    group: refs.groupId ? await active('stakeholder_groups', refs.groupId) : true,
    model: refs.modelId ? await active('relationship_models', refs.modelId) : true,
    relationship: refs.relationshipId ? await active('relationships', refs.relationshipId) : true,
  };
}

/** The review a lesson is taken from, with its relationship's model. */
export async function sourceReview(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('reviews')
    .leftJoin('relationships', 'relationships.id', 'reviews.relationship_id')
    .select([
      'reviews.id',
      'reviews.lessons_learned',
      'reviews.relationship_id',
      'relationships.model_id',
      'reviews.archived_at',
    ])
    .where('reviews.id', '=', id)
    .executeTakeFirst();
}
