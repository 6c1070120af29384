import type { Kysely } from 'kysely';
import type { DB, ReviewsTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findReview, insertReview, lastHeldOn } from './review.repository.js';

function emptyRow(): Omit<
  ReviewsTable,
  'id' | 'subject' | 'title' | 'sort_name' | 'created_at' | 'updated_at'
> {
  return {
    trigger: 'periodic',
    trigger_note: '',
    status: 'planned',
    scheduled_on: null,
    held_on: null,
    participants: '[]',
    findings: '',
    decisions: '',
    lessons_learned: '',
    satisfaction: null,
    effective: null,
    communicated_to: '[]',
    created_by: null,
    archived_at: null,
    version: 1,
    relationship_id: null,
    period_from: null,
    period_to: null,
    trigger_exception_id: null,
  };
}

/**
 * The end of a relationship is a trigger for its review (guide §3.2.2): called by the relationship's `end`, in its
 * transaction, it plans that review for the day of the end, over the period since the last review held.
 */
export async function planEndReview(
  trx: Kysely<DB>,
  actorId: string,
  relationship: { id: string; name: string; startedOn: string },
  endedOn: string,
  at: string,
) {
  const from = (await lastHeldOn(trx, relationship.id)) ?? relationship.startedOn;
  const id = newId();
  const title = `End of relationship: ${relationship.name}`.slice(0, 200);
  await insertReview(trx, {
    ...emptyRow(),
    id,
    subject: 'relationship',
    title,
    sort_name: title.toLowerCase(),
    trigger: 'end',
    scheduled_on: endedOn,
    relationship_id: relationship.id,
    period_from: [from, endedOn].sort()[0] as string,
    period_to: endedOn,
    created_by: actorId,
    created_at: at,
    updated_at: at,
  });
  await recordAudit(trx, {
    actorId,
    action: 'create',
    entity: 'review',
    entityId: id,
    before: null,
    after: await findReview(trx, id),
  });
}
