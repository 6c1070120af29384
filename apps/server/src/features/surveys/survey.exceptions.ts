import type { Kysely } from 'kysely';
import type { DB, ExceptionsTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { recordAudit } from '../audit/audit.repository.js';
import {
  contextOf,
  insertException,
  severityRank,
  syncStakeholders,
  toException,
} from '../exceptions/exception.repository.js';

export interface LowScore {
  surveyId: string;
  surveyTitle: string;
  invitationId: string;
  answerId: string;
  stakeholderId: string;
  relationshipId: string | null;
  /** CSAT (climate: score) 1–5 that was at or below the survey's threshold. */
  rating: number;
  severity: 'moderate' | 'severe';
  comment: string;
  at: string;
}

/** A complaint is severe at the lowest rating, moderate otherwise. */
export const lowScoreSeverity = (rating: number): LowScore['severity'] =>
  rating <= 1 ? 'severe' : 'moderate';

/**
 * The hook a low score runs in the answer's transaction: it opens a `complaint` exception on the invitation's
 * relationship (or on the stakeholder), owned by the relationship's manager (or the stakeholder's owner), with
 * the comment. Nobody reported it: the audit entry has no actor. Returns the exception's id.
 */
export async function openLowScoreException(trx: Kysely<DB>, lowScore: LowScore): Promise<string | null> {
  const owner = lowScore.relationshipId
    ? (
        await trx
          .selectFrom('relationships')
          .select('manager_id as owner_id')
          .where('id', '=', lowScore.relationshipId)
          .executeTakeFirst()
      )?.owner_id
    : (
        await trx
          .selectFrom('stakeholders')
          .select('owner_id')
          .where('id', '=', lowScore.stakeholderId)
          .executeTakeFirst()
      )?.owner_id;
  const title = `Low survey score (${lowScore.rating}/5): ${lowScore.surveyTitle}`.slice(0, 200);
  const description = [
    `A survey answer rated ${lowScore.rating} of 5 in “${lowScore.surveyTitle}” (/surveys/${lowScore.surveyId}).`,
    lowScore.comment ? `Their comment: ${lowScore.comment}` : 'They left no comment.',
  ].join('\n\n');
  const row: ExceptionsTable = {
    id: newId(),
    relationship_id: lowScore.relationshipId,
    stakeholder_ids: toJson(lowScore.relationshipId ? [] : [lowScore.stakeholderId]),
    title,
    sort_name: title.toLowerCase(),
    description,
    type: 'complaint',
    toxic_behaviour: null,
    severity: lowScore.severity,
    severity_rank: severityRank[lowScore.severity],
    status: 'open',
    reported_by: null,
    reporter_hidden: 0,
    owner_id: owner ?? null,
    due_on: null,
    occurred_on: lowScore.at.slice(0, 10),
    mediation_notes: '',
    resolution: '',
    model_id: null,
    model_version: null,
    resolved_at: null,
    closed_at: null,
    archived_at: null,
    version: 1,
    created_at: lowScore.at,
    updated_at: lowScore.at,
  };
  await insertException(trx, row);
  await syncStakeholders(trx, row);
  await recordAudit(trx, {
    actorId: null,
    action: 'create',
    entity: 'exception',
    entityId: row.id,
    before: null,
    after: toException(row, await contextOf(trx, [row]), { showReporter: true, allowed: [] }),
  });
  return row.id;
}
