import type { FieldError, Lesson, LessonCreate, LessonListQuery, LessonPatch } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, LessonsTable } from '../../db/schema.js';
import { fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { now } from '../../shared/time.js';
import { versionedRecords } from '../../shared/versioned-records.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import {
  findLesson,
  insertLesson,
  listLessons,
  referenceState,
  searchTextOf,
  setLessonTags,
  sourceReview,
} from './lesson.repository.js';

/** Tags are kept as written, once each whatever their case. */
const distinctTags = (tags: string[]) => {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** References set or changed must be active (existing references to records archived later stay). */
async function referenceErrors(
  db: Kysely<DB>,
  refs: { groupId?: string | null; modelId?: string | null; relationshipId?: string | null },
): Promise<FieldError[]> {
  const state = await referenceState(db, refs);
  const errors: FieldError[] = [];
  if (!state.group) errors.push({ path: 'groupId', message: 'no active stakeholder group with this id' });
  if (!state.model) errors.push({ path: 'modelId', message: 'no active relationship model with this id' });
  if (!state.relationship)
    errors.push({ path: 'relationshipId', message: 'no active relationship with this id' });
  return errors;
}

export function createLessonService(db: Kysely<DB>) {
  const records = versionedRecords<Lesson, LessonsTable>(db, {
    table: 'lessons',
    entity: 'lesson',
    label: 'lesson',
    find: findLesson,
    insert: insertLesson,
  });

  return {
    async list(actor: Actor | null, query: LessonListQuery) {
      requirePermission(actor, 'approach.read');
      return listLessons(db, query);
    },

    async get(actor: Actor | null, id: string) {
      requirePermission(actor, 'approach.read');
      return records.load(db, id);
    },

    /** With `sourceReviewId`, the text, relationship and model default from the review (one click from it). */
    async create(actor: Actor | null, input: LessonCreate) {
      const signedIn = requirePermission(actor, 'lessons.write');
      const at = now();
      return records.create(signedIn, async (trx) => {
        const errors: FieldError[] = [];
        let body = input.body;
        let relationshipId = input.relationshipId;
        let modelId = input.modelId;
        if (input.sourceReviewId !== null) {
          const review = await sourceReview(trx, input.sourceReviewId);
          if (!review || review.archived_at !== null)
            errors.push({ path: 'sourceReviewId', message: 'no active review with this id' });
          else {
            body ??= review.lessons_learned;
            relationshipId ??= review.relationship_id;
            modelId ??= review.model_id;
          }
        }
        errors.push(...(await referenceErrors(trx, { groupId: input.groupId, modelId, relationshipId })));
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        const tags = distinctTags(input.tags);
        const lesson = { title: input.title, body: body ?? '', tags };
        return {
          id: newId(),
          title: input.title,
          sort_name: input.title.toLowerCase(),
          body: lesson.body,
          tags: toJson(tags),
          search_text: searchTextOf(lesson),
          group_id: input.groupId,
          model_id: modelId ?? null,
          relationship_id: relationshipId ?? null,
          source_review_id: input.sourceReviewId,
          created_by: signedIn.id,
          archived_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        };
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: LessonPatch) {
      const signedIn = requirePermission(actor, 'lessons.write');
      let tags: string[] | null = null;
      return records.update(
        signedIn,
        id,
        version,
        async (current, trx) => {
          const changed = (field: 'groupId' | 'modelId' | 'relationshipId') =>
            patch[field] !== undefined && patch[field] !== current[field] ? patch[field] : undefined;
          const errors = await referenceErrors(trx, {
            groupId: changed('groupId'),
            modelId: changed('modelId'),
            relationshipId: changed('relationshipId'),
          });
          if (errors.length > 0) throw fieldErrors('rule_broken', errors);
          const next = {
            title: patch.title ?? current.title,
            body: patch.body ?? current.body,
            tags: patch.tags === undefined ? current.tags : distinctTags(patch.tags),
          };
          if (patch.tags !== undefined) tags = next.tags;
          return {
            ...(patch.title !== undefined && { title: patch.title, sort_name: patch.title.toLowerCase() }),
            ...(patch.body !== undefined && { body: patch.body }),
            ...(patch.tags !== undefined && { tags: toJson(next.tags) }),
            search_text: searchTextOf(next),
            ...(patch.groupId !== undefined && { group_id: patch.groupId }),
            ...(patch.modelId !== undefined && { model_id: patch.modelId }),
            ...(patch.relationshipId !== undefined && { relationship_id: patch.relationshipId }),
          };
        },
        async (trx) => {
          if (tags !== null) await setLessonTags(trx, id, tags);
        },
      );
    },

    async archive(actor: Actor | null, id: string, version: number) {
      return records.archive(requirePermission(actor, 'lessons.write'), id, version);
    },

    async restore(actor: Actor | null, id: string, version: number) {
      return records.restore(requirePermission(actor, 'lessons.write'), id, version);
    },
  };
}

export type LessonService = ReturnType<typeof createLessonService>;
