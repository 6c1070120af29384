import type { AuditEntry } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';

type Snapshot = Record<string, unknown> | null;

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

/**
 * The audit log keeps confidential interactions whole, so that nothing is lost; reading it, only administrators
 * see their content (and the text of their follow-ups). Everyone else sees that they were made and changed.
 */
export async function redactConfidential(
  db: Kysely<DB>,
  entries: AuditEntry[],
  actor: Actor,
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
