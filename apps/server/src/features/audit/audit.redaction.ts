import { type AuditEntry, can, type Role } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { answerWithoutContents, mayReadAnswer } from '../surveys/survey.privacy.js';

type Snapshot = Record<string, unknown> | null;

/**
 * Entity types a role may not read at all: their entries are left out of the audit log — by the query itself,
 * so that a page is never short and `count` counts only what the reader sees — and out of webhook payloads.
 * Webhooks' URLs often carry a receiver's secret, and only `webhooks.manage` reads webhooks anywhere else.
 */
export function entitiesHiddenFrom(role: Role): string[] {
  return can(role, 'webhooks.manage') ? [] : ['webhook'];
}

/** Fields no reader of the audit log needs, whoever they are: secrets and digests of secrets. */
const secretFields = new Set([
  'secret',
  'token',
  'tokenHash',
  'token_hash',
  'password',
  'passwordHash',
  'password_hash',
  'sessionHash',
]);

function withoutSecrets(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !secretFields.has(key))
      .map(([key, item]) => [key, withoutSecrets(item, depth + 1)]),
  );
}

const withoutUrl = (snapshot: Snapshot): Snapshot => snapshot && { ...snapshot, url: '' };

const redactedInteraction = (snapshot: Snapshot): Snapshot =>
  snapshot && {
    ...snapshot,
    redacted: true,
    summary: '',
    sentiment: null,
    participantUserIds: [],
    participantStakeholderIds: [],
    followUps: [],
  };

const redactedFollowUp = (snapshot: Snapshot): Snapshot => snapshot && { ...snapshot, text: '' };

/** An exception reported with the reporter hidden: only administrators see who reported it. */
const hidesReporter = (snapshot: unknown) =>
  typeof snapshot === 'object' &&
  snapshot !== null &&
  (snapshot as { reporterHidden?: unknown }).reporterHidden === true;

const withoutReporter = (snapshot: Snapshot): Snapshot =>
  hidesReporter(snapshot) ? snapshot && { ...snapshot, reportedBy: null } : snapshot;

const isConfidential = (snapshot: unknown) =>
  typeof snapshot === 'object' &&
  snapshot !== null &&
  (snapshot as { confidential?: unknown }).confidential === true;

/** Per answer id: whether its survey is anonymous (an answer not found counts as anonymous). */
async function anonymityOfAnswers(db: Kysely<DB>, entries: AuditEntry[]) {
  const ids = entries.filter((entry) => entry.entity === 'survey_answer').map((entry) => entry.entityId);
  const found = new Map<string, string>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('survey_answers')
    .innerJoin('surveys', 'surveys.id', 'survey_answers.survey_id')
    .select(['survey_answers.id', 'surveys.anonymity'])
    .where('survey_answers.id', 'in', ids)
    .execute();
  for (const row of rows) found.set(row.id, row.anonymity);
  return found;
}

/**
 * What one reader may see of audit entries — the one function behind the audit log's list, its CSV export and
 * webhook payloads. Entries of entity types the reader may not read are left out; secrets are never shown; the
 * contents of a survey answer only to a role with `surveys.answers`, and only of a named survey; webhook URLs only
 * to `webhooks.manage`; then the rules of confidential interactions and hidden reporters below.
 */
export async function auditEntriesFor(
  db: Kysely<DB>,
  entries: AuditEntry[],
  reader: Pick<Actor, 'role'>,
): Promise<AuditEntry[]> {
  const hidden = new Set(entitiesHiddenFrom(reader.role));
  const visible = entries
    .filter((entry) => !hidden.has(entry.entity))
    .map((entry) => ({
      ...entry,
      before: withoutSecrets(entry.before) as Snapshot,
      after: withoutSecrets(entry.after) as Snapshot,
    }));
  const anonymity = await anonymityOfAnswers(db, visible);
  const surveyed = visible.map((entry) => {
    if (
      entry.entity === 'survey_answer' &&
      !mayReadAnswer(reader.role, anonymity.get(entry.entityId) ?? 'anonymous')
    )
      return {
        ...entry,
        before: entry.before && answerWithoutContents(entry.before),
        after: entry.after && answerWithoutContents(entry.after),
      };
    if (entry.entity === 'webhook' && !can(reader.role, 'webhooks.manage'))
      return { ...entry, before: withoutUrl(entry.before), after: withoutUrl(entry.after) };
    return entry;
  });
  return redactConfidential(db, surveyed, reader);
}

/**
 * The audit log keeps confidential interactions whole, so that nothing is lost; reading it, only administrators
 * see their content (and the text of their follow-ups). Everyone else sees that they were made and changed.
 */
async function redactConfidential(
  db: Kysely<DB>,
  entries: AuditEntry[],
  actor: Pick<Actor, 'role'>,
): Promise<AuditEntry[]> {
  if (actor.role === 'administrator') return entries;
  // An interaction made confidential later hides its earlier entries too: the flag that counts is today's.
  const interactionIds = entries
    .filter((entry) => entry.entity === 'interaction')
    .map((entry) => entry.entityId);
  const confidentialNow = new Set<string>();
  if (interactionIds.length > 0) {
    const rows = await db
      .selectFrom('interactions')
      .select('id')
      .where('id', 'in', interactionIds)
      .where('confidential', '=', 1)
      .execute();
    for (const row of rows) confidentialNow.add(row.id);
  }
  const followUpIds = entries.filter((entry) => entry.entity === 'follow_up').map((entry) => entry.entityId);
  const confidentialFollowUps = new Set<string>();
  if (followUpIds.length > 0) {
    const rows = await db
      .selectFrom('follow_ups as f')
      .innerJoin('interactions as i', 'i.id', 'f.interaction_id')
      .select('f.id')
      .where('f.id', 'in', followUpIds)
      .where('i.confidential', '=', 1)
      .execute();
    for (const row of rows) confidentialFollowUps.add(row.id);
  }
  return entries.map((entry) => {
    const confidential =
      confidentialNow.has(entry.entityId) || isConfidential(entry.before) || isConfidential(entry.after);
    if (entry.entity === 'interaction' && confidential) {
      return {
        ...entry,
        before: redactedInteraction(entry.before as Snapshot),
        after: redactedInteraction(entry.after as Snapshot),
      };
    }
    if (entry.entity === 'exception' && (hidesReporter(entry.before) || hidesReporter(entry.after))) {
      // The entry of its creation is recorded without an actor; later snapshots name no reporter either.
      return {
        ...entry,
        before: withoutReporter(entry.before as Snapshot),
        after: withoutReporter(entry.after as Snapshot),
      };
    }
    if (entry.entity === 'follow_up' && confidentialFollowUps.has(entry.entityId)) {
      return {
        ...entry,
        before: redactedFollowUp(entry.before as Snapshot),
        after: redactedFollowUp(entry.after as Snapshot),
      };
    }
    return entry;
  });
}
