import type { FieldError, Review, ReviewCreate, ReviewListQuery, ReviewPatch } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, ReviewsTable } from '../../db/schema.js';
import { fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { addDays, now } from '../../shared/time.js';
import { versionedRecords } from '../../shared/versioned-records.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { findReview, insertReview, listReviews } from './review.repository.js';

const today = () => now().slice(0, 10);

/** The latest date anywhere on Earth: a user east of UTC may already live in tomorrow's date. */
const latestLocalDate = () => addDays(now(), 1).slice(0, 10);

/** A review is done once it was held (not in the future) and its findings are written down. */
function completionErrors(review: Pick<Review, 'status' | 'heldOn' | 'findings'>): FieldError[] {
  const errors: FieldError[] = [];
  if (review.heldOn !== null && review.heldOn > latestLocalDate())
    errors.push({ path: 'heldOn', message: 'a review cannot have been held in the future' });
  if (review.status !== 'done') return errors;
  if (review.heldOn === null) errors.push({ path: 'heldOn', message: 'say when the review was held' });
  if (!review.findings.trim()) errors.push({ path: 'findings', message: 'write down what the review found' });
  return errors;
}

const columnsOf = (review: Partial<Omit<Review, 'id' | 'subject' | 'version'>>) => ({
  ...(review.title !== undefined && { title: review.title, sort_name: review.title.toLowerCase() }),
  ...(review.trigger !== undefined && { trigger: review.trigger }),
  ...(review.triggerNote !== undefined && { trigger_note: review.triggerNote }),
  ...(review.status !== undefined && { status: review.status }),
  ...(review.scheduledOn !== undefined && { scheduled_on: review.scheduledOn }),
  ...(review.heldOn !== undefined && { held_on: review.heldOn }),
  ...(review.participants !== undefined && { participants: toJson(review.participants) }),
  ...(review.findings !== undefined && { findings: review.findings }),
  ...(review.decisions !== undefined && { decisions: review.decisions }),
  ...(review.lessonsLearned !== undefined && { lessons_learned: review.lessonsLearned }),
  ...(review.satisfaction !== undefined && { satisfaction: review.satisfaction }),
  ...(review.effective !== undefined && {
    effective: review.effective === null ? null : review.effective ? 1 : 0,
  }),
  ...(review.communicatedTo !== undefined && { communicated_to: toJson(review.communicatedTo) }),
});

export function createReviewService(db: Kysely<DB>) {
  const records = versionedRecords<Review, ReviewsTable>(db, {
    table: 'reviews',
    entity: 'review',
    label: 'review',
    find: findReview,
    insert: insertReview,
  });

  return {
    async list(actor: Actor | null, query: ReviewListQuery) {
      requirePermission(actor, 'approach.read');
      return listReviews(db, query, today());
    },

    async get(actor: Actor | null, id: string) {
      requirePermission(actor, 'approach.read');
      return records.load(db, id);
    },

    async create(actor: Actor | null, input: ReviewCreate) {
      const signedIn = requirePermission(actor, 'approach.write');
      const errors = completionErrors(input);
      if (errors.length > 0) throw fieldErrors('rule_broken', errors);
      const at = now();
      return records.create(signedIn, {
        id: newId(),
        subject: input.subject,
        title: input.title,
        sort_name: input.title.toLowerCase(),
        trigger: input.trigger,
        trigger_note: input.triggerNote,
        status: input.status,
        scheduled_on: input.scheduledOn,
        held_on: input.heldOn,
        participants: toJson(input.participants),
        findings: input.findings,
        decisions: input.decisions,
        lessons_learned: input.lessonsLearned,
        satisfaction: input.satisfaction,
        effective: input.effective === null ? null : input.effective ? 1 : 0,
        communicated_to: toJson(input.communicatedTo),
        created_by: signedIn.id,
        archived_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: ReviewPatch) {
      const signedIn = requirePermission(actor, 'approach.write');
      const { version: _version, ...changes } = patch;
      return records.update(signedIn, id, version, (current) => {
        const defined = Object.fromEntries(
          Object.entries(changes).filter(([, value]) => value !== undefined),
        );
        const errors = completionErrors({ ...current, ...defined });
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        return columnsOf(changes);
      });
    },

    async archive(actor: Actor | null, id: string, version: number) {
      return records.archive(requirePermission(actor, 'approach.write'), id, version);
    },

    async restore(actor: Actor | null, id: string, version: number) {
      return records.restore(requirePermission(actor, 'approach.write'), id, version);
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
