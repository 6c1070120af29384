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
  /** Who created the survey: the owner of an anonymous survey's complaint (its respondent is unknown). */
  surveyOwnerId: string | null;
  anonymous: boolean;
  /** The survey's low-score threshold. */
  threshold: number;
  stakeholderId: string;
  relationshipId: string | null;
  /** CSAT (climate: score) 1–5 that was at or below the survey's threshold. */
  rating: number;
  severity: 'moderate' | 'severe';
  at: string;
}

/** A complaint is severe at the lowest rating, moderate otherwise. */
export const lowScoreSeverity = (rating: number): LowScore['severity'] =>
  rating <= 1 ? 'severe' : 'moderate';

/**
 * What the complaint says. It never quotes the comment: exceptions are read by every role, the comment only by
 * roles with `surveys.answers` (through the survey's answers, for a named survey). Of an anonymous survey it says
 * only that a score at or below the threshold arrived — no respondent, relationship, exact score or severity.
 */
function complaintText(lowScore: LowScore) {
  const link = `/surveys/${lowScore.surveyId}`;
  if (lowScore.anonymous)
    return {
      title: `Low survey score: ${lowScore.surveyTitle}`.slice(0, 200),
      description: [
        `An answer at or below ${lowScore.threshold} of 5 arrived in the anonymous survey “${lowScore.surveyTitle}” (${link}).`,
        'The survey is anonymous: who answered, and what they wrote, are not shown to anyone.',
      ].join('\n\n'),
    };
  return {
    title: `Low survey score (${lowScore.rating}/5): ${lowScore.surveyTitle}`.slice(0, 200),
    description: [
      `A survey answer rated ${lowScore.rating} of 5 in “${lowScore.surveyTitle}” (${link}).`,
      'Any comment is with the survey’s answers, for those who may read them.',
    ].join('\n\n'),
  };
}

/**
 * The hook a low score runs in the answer's transaction: it opens a `complaint` exception. Of a named survey it is
 * on the invitation's relationship (or on the stakeholder), owned by the relationship's manager (or the
 * stakeholder's owner); of an anonymous survey it names neither and is owned by the survey's creator. Nobody
 * reported it: the audit entry has no actor. Returns the exception's id.
 */
export async function openLowScoreException(trx: Kysely<DB>, lowScore: LowScore): Promise<string | null> {
  const owner = lowScore.anonymous
    ? lowScore.surveyOwnerId
    : lowScore.relationshipId
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
  const { title, description } = complaintText(lowScore);
  const relationshipId = lowScore.anonymous ? null : lowScore.relationshipId;
  const stakeholderIds = lowScore.anonymous || relationshipId ? [] : [lowScore.stakeholderId];
  // Severity follows the exact score, so an anonymous complaint takes one severity whatever the score was.
  const severity = lowScore.anonymous ? 'moderate' : lowScore.severity;
  const row: ExceptionsTable = {
    id: newId(),
    relationship_id: relationshipId,
    stakeholder_ids: toJson(stakeholderIds),
    title,
    sort_name: title.toLowerCase(),
    description,
    type: 'complaint',
    toxic_behaviour: null,
    severity,
    severity_rank: severityRank[severity],
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
