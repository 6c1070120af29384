import type {
  FieldError,
  Journey,
  Permission,
  Review,
  ReviewCreate,
  ReviewDueQuery,
  ReviewEvidence,
  ReviewListQuery,
  ReviewPatch,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, ReviewsTable } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { addDays, now } from '../../shared/time.js';
import { versionedRecords } from '../../shared/versioned-records.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { createInteractionService } from '../interactions/interaction.service.js';
import { recordHealth } from '../relationships/health.js';
import {
  checklistProgress,
  earlierReviews,
  healthInPeriod,
  interactionStats,
} from './evidence.repository.js';
import { exceptionsInPeriod, surveysInPeriod } from './evidence.sources.js';
import {
  findReview,
  insertReview,
  lastHeldOn,
  listDueRelationships,
  listReviews,
  relationshipForReview,
  rowExists,
  setNextReviewOn,
  tableExists,
} from './review.repository.js';

const today = () => now().slice(0, 10);
/** The latest date anywhere on Earth: a user east of UTC may already live in tomorrow's date. */
const latestLocalDate = () => addDays(now(), 1).slice(0, 10);
const dayAfter = (day: string, days: number) => addDays(`${day}T00:00:00.000Z`, days).slice(0, 10);
/** Without a journey a relationship is reviewed as often as health assumes (see relationships/health.ts). */
const DEFAULT_REVIEW_DAYS = 90;
/** How many of the period's interactions the evidence pack lists. */
const LATEST_INTERACTIONS = 20;

const readPermission = (subject: Review['subject'] | undefined): Permission =>
  subject === 'relationship' ? 'relationships.read' : 'approach.read';
const writePermission = (subject: Review['subject']): Permission =>
  subject === 'relationship' ? 'relationships.review' : 'approach.write';

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

function periodErrors(review: Pick<Review, 'periodFrom' | 'periodTo'>): FieldError[] {
  if (review.periodFrom !== null && review.periodTo !== null && review.periodTo < review.periodFrom)
    return [{ path: 'periodTo', message: 'the period ends on or after the day it starts' }];
  return [];
}

/** The exception that prompted a review must exist (when exceptions are recorded at all). */
async function exceptionErrors(
  db: Kysely<DB>,
  review: Pick<Review, 'trigger' | 'triggerExceptionId'>,
): Promise<FieldError[]> {
  if (review.triggerExceptionId === null) return [];
  if (review.trigger !== 'exception')
    return [{ path: 'triggerExceptionId', message: 'only a review triggered by an exception names one' }];
  if (
    !(await tableExists(db, 'exceptions')) ||
    !(await rowExists(db, 'exceptions', review.triggerExceptionId))
  )
    return [{ path: 'triggerExceptionId', message: 'no exception with this id' }];
  return [];
}

const columnsOf = (review: Partial<Omit<Review, 'id' | 'subject' | 'relationshipId' | 'version'>>) => ({
  ...(review.title !== undefined && { title: review.title, sort_name: review.title.toLowerCase() }),
  ...(review.trigger !== undefined && { trigger: review.trigger }),
  ...(review.triggerNote !== undefined && { trigger_note: review.triggerNote }),
  ...(review.triggerExceptionId !== undefined && { trigger_exception_id: review.triggerExceptionId }),
  ...(review.status !== undefined && { status: review.status }),
  ...(review.scheduledOn !== undefined && { scheduled_on: review.scheduledOn }),
  ...(review.heldOn !== undefined && { held_on: review.heldOn }),
  ...(review.periodFrom !== undefined && { period_from: review.periodFrom }),
  ...(review.periodTo !== undefined && { period_to: review.periodTo }),
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

/**
 * After a relationship review was held (or its date changed): the next review is due a review interval after the
 * latest one held, and the day's health is recorded, since review timeliness is part of it.
 */
async function afterRelationshipReview(trx: Kysely<DB>, relationshipId: string) {
  const relationship = await relationshipForReview(trx, relationshipId);
  if (relationship?.status !== 'active') return;
  const held = await lastHeldOn(trx, relationshipId);
  if (held === null) return;
  const days = fromJson<Journey>(relationship.journey)?.reviewEveryDays ?? DEFAULT_REVIEW_DAYS;
  await setNextReviewOn(trx, relationshipId, dayAfter(held, days));
  await recordHealth(trx, [relationshipId], today());
}

export function createReviewService(db: Kysely<DB>) {
  const records = versionedRecords<Review, ReviewsTable>(db, {
    table: 'reviews',
    entity: 'review',
    label: 'review',
    find: findReview,
    insert: insertReview,
  });
  const interactions = createInteractionService(db);

  return {
    async list(actor: Actor | null, query: ReviewListQuery) {
      requirePermission(actor, readPermission(query.subject));
      return listReviews(db, query, today());
    },

    /** Active relationships whose next review date has come (or comes soon) and that have no planned review. */
    async due(actor: Actor | null, query: ReviewDueQuery) {
      requirePermission(actor, 'relationships.read');
      return listDueRelationships(db, query, today(), dayAfter(today(), query.withinDays));
    },

    async get(actor: Actor | null, id: string) {
      const signedIn = requirePermission(actor, 'approach.read');
      const review = await records.load(db, id);
      requirePermission(signedIn, readPermission(review.subject));
      return review;
    },

    async create(actor: Actor | null, body: ReviewCreate) {
      const input = {
        ...body,
        relationshipId: body.relationshipId ?? null,
        triggerExceptionId: body.triggerExceptionId ?? null,
      };
      const signedIn = requirePermission(actor, writePermission(input.subject));
      const at = now();
      return db.transaction().execute(async (trx) => {
        const errors = completionErrors(input);
        let periodFrom = input.periodFrom ?? null;
        let periodTo = input.periodTo ?? null;
        if (input.subject === 'approach' && input.relationshipId !== null)
          errors.push({ path: 'relationshipId', message: 'an approach review is of no relationship' });
        if (input.subject === 'relationship') {
          const relationship =
            input.relationshipId === null
              ? undefined
              : await relationshipForReview(trx, input.relationshipId);
          if (input.relationshipId === null)
            errors.push({ path: 'relationshipId', message: 'name the relationship reviewed' });
          else if (!relationship || relationship.archived_at !== null)
            errors.push({ path: 'relationshipId', message: 'no active relationship with this id' });
          else {
            // The period runs from the last review held (else the start) to the planned date (else today).
            periodTo ??= input.heldOn ?? input.scheduledOn ?? today();
            if (periodFrom === null) {
              const from = (await lastHeldOn(trx, relationship.id)) ?? relationship.started_on;
              periodFrom = [from, periodTo].sort()[0] as string;
            }
          }
        }
        errors.push(...periodErrors({ periodFrom, periodTo }));
        errors.push(...(await exceptionErrors(trx, input)));
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        const id = newId();
        await insertReview(trx, {
          id,
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
          relationship_id: input.relationshipId,
          period_from: periodFrom,
          period_to: periodTo,
          trigger_exception_id: input.triggerExceptionId,
        });
        if (input.subject === 'relationship' && input.status === 'done')
          await afterRelationshipReview(trx, input.relationshipId as string);
        const created = await records.load(trx, id);
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'create',
          entity: 'review',
          entityId: id,
          before: null,
          after: created,
        });
        return created;
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: ReviewPatch) {
      const signedIn = requirePermission(actor, 'approach.read');
      const { version: _version, ...changes } = patch;
      let relationshipId: string | null = null;
      return records.update(
        signedIn,
        id,
        version,
        async (current, trx) => {
          requirePermission(signedIn, writePermission(current.subject));
          relationshipId = current.relationshipId;
          const defined = Object.fromEntries(
            Object.entries(changes).filter(([, value]) => value !== undefined),
          );
          const next = { ...current, ...defined } as Review;
          const errors = [...completionErrors(next), ...periodErrors(next)];
          if (
            next.triggerExceptionId !== current.triggerExceptionId ||
            (next.trigger !== current.trigger && next.triggerExceptionId !== null)
          )
            errors.push(...(await exceptionErrors(trx, next)));
          if (errors.length > 0) throw fieldErrors('rule_broken', errors);
          return columnsOf(changes);
        },
        async (trx) => {
          if (relationshipId !== null) await afterRelationshipReview(trx, relationshipId);
        },
      );
    },

    /** What the review of a relationship looks at, for its period. */
    async evidence(actor: Actor | null, id: string): Promise<ReviewEvidence> {
      const signedIn = requirePermission(actor, 'relationships.read');
      const review = await records.load(db, id);
      if (review.subject !== 'relationship' || review.relationshipId === null)
        throw new AppError('rule_broken', 'Only a review of a relationship has an evidence pack');
      const relationship = await relationshipForReview(db, review.relationshipId);
      if (!relationship) throw new AppError('not_found', `No relationship with id ${review.relationshipId}`);
      const from = review.periodFrom ?? relationship.started_on;
      const to = review.periodTo ?? review.heldOn ?? review.scheduledOn ?? today();
      const stats = await interactionStats(db, relationship.id, from, to, signedIn);
      const latest = await interactions.list(signedIn, {
        relationshipId: relationship.id,
        from: `${from}T00:00:00.000Z`,
        to: dayAfter(to, 1).concat('T00:00:00.000Z'),
        archived: 'false',
        sort: '-occurredAt',
        limit: LATEST_INTERACTIONS,
      });
      return {
        reviewId: review.id,
        relationshipId: relationship.id,
        periodFrom: from,
        periodTo: to,
        interactions: { ...stats, latest: latest.data },
        health: await healthInPeriod(db, relationship.id, from, to),
        checklist: await checklistProgress(db, relationship, from, to),
        exceptions: await exceptionsInPeriod(db, relationship.id, from, to),
        surveys: await surveysInPeriod(db, relationship.id, from, to, signedIn.role),
        reviews: await earlierReviews(db, relationship.id, review.id),
      };
    },

    async archive(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'approach.read');
      const review = await records.load(db, id);
      return records.archive(requirePermission(signedIn, writePermission(review.subject)), id, version);
    },

    async restore(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'approach.read');
      const review = await records.load(db, id);
      return records.restore(requirePermission(signedIn, writePermission(review.subject)), id, version);
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
