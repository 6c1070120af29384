import type { Role } from './enums.js';
import { can } from './permissions.js';

/**
 * Rules about records: beside the permission table (what a role may do at all), what one person may do to one
 * record — by assignment, authorship, confidentiality and audience. The server's services, lists and exports
 * decide with these functions (and with the SQL filters in `apps/server/src/features/access`, which state the
 * same rules for lists), the web app hides what they refuse, and `docs/permissions.md` prints `recordRules`,
 * so code and documentation cannot drift apart. Every function assumes the role's permission was checked.
 */

export interface AccessActor {
  id: string;
  role: Role;
}

/** Who looks after a relationship: the people it is assigned to. `null` when there is no relationship. */
export interface Assignment {
  managerId: string | null;
  agentId: string | null;
}

export interface InteractionFacts {
  confidential: boolean;
  authorId: string | null;
}

export interface FollowUpFacts {
  ownerId: string | null;
}

const isAdministrator = (actor: AccessActor) => actor.role === 'administrator';

/** The relationship is assigned to the actor, as its manager or its agent. */
export function isAssignedTo(actor: AccessActor, relationship: Assignment | null): boolean {
  return relationship !== null && (relationship.managerId === actor.id || relationship.agentId === actor.id);
}

/** Assignment: naming or changing a relationship's manager and agent is a permission of its own. */
export function canAssignRelationship(actor: AccessActor): boolean {
  return can(actor.role, 'relationships.assign');
}

/**
 * Nobody grants themselves access: naming oneself on a relationship one is not already on would open its
 * confidential history to oneself. Only an administrator may; a relationship being opened has no history yet.
 */
export function namesSelfIntoHistory(
  actor: AccessActor,
  before: Assignment | null,
  after: Partial<Assignment>,
): boolean {
  if (before === null || isAdministrator(actor) || isAssignedTo(actor, before)) return false;
  return assignmentChanges(before, after).some((field) => after[field] === actor.id);
}

/**
 * Assignment on a write: who is named changes only with `relationships.assign`. `before` is null when the
 * relationship is being opened, so naming anyone then (oneself included) is an assignment too.
 */
export function assignmentChanges(
  before: Assignment | null,
  after: Partial<Assignment>,
): (keyof Assignment)[] {
  return (['managerId', 'agentId'] as const).filter(
    (field) => after[field] !== undefined && after[field] !== (before?.[field] ?? null),
  );
}

/** Confidentiality: the content of a confidential interaction is for its author, the relationship's people, administrators. */
export function canReadInteraction(
  actor: AccessActor,
  interaction: InteractionFacts,
  relationship: Assignment | null,
): boolean {
  return (
    !interaction.confidential ||
    isAdministrator(actor) ||
    interaction.authorId === actor.id ||
    isAssignedTo(actor, relationship)
  );
}

/** Authorship: its author changes an interaction; the relationship's manager and administrators correct it. */
export function canEditInteraction(
  actor: AccessActor,
  interaction: InteractionFacts,
  relationship: Assignment | null,
): boolean {
  return (
    isAdministrator(actor) ||
    interaction.authorId === actor.id ||
    (relationship !== null && relationship.managerId === actor.id)
  );
}

/** A follow-up shows to its owner, and to whoever may read its interaction. */
export function canReadFollowUp(
  actor: AccessActor,
  followUp: FollowUpFacts,
  interaction: InteractionFacts,
  relationship: Assignment | null,
): boolean {
  return followUp.ownerId === actor.id || canReadInteraction(actor, interaction, relationship);
}

/**
 * Authorship: a follow-up (text, owner, due date, done) is changed by its owner — while it has none, by the author
 * who wrote it — by the relationship's manager and agent, and by administrators.
 */
export function canEditFollowUp(
  actor: AccessActor,
  followUp: FollowUpFacts,
  interaction: InteractionFacts,
  relationship: Assignment | null,
): boolean {
  return (
    isAdministrator(actor) ||
    followUp.ownerId === actor.id ||
    (followUp.ownerId === null && interaction.authorId === actor.id) ||
    isAssignedTo(actor, relationship)
  );
}

/** Audience: a material is acknowledged by the roles it is written for. */
export function isInAudience(actor: AccessActor, material: { audience: readonly Role[] }): boolean {
  return material.audience.includes(actor.role);
}

/**
 * Exceptions: anyone with `exceptions.manage` handles one; with `exceptions.report`, so do its owner and the
 * manager of its relationship.
 */
export function canHandleException(
  actor: AccessActor,
  exception: { ownerId: string | null },
  relationship: Assignment | null,
): boolean {
  if (can(actor.role, 'exceptions.manage')) return true;
  if (!can(actor.role, 'exceptions.report')) return false;
  return exception.ownerId === actor.id || (relationship !== null && relationship.managerId === actor.id);
}

/** A reporter who asked to stay hidden is shown to administrators only (not even to the reporter). */
export function canSeeHiddenReporter(actor: AccessActor): boolean {
  return isAdministrator(actor);
}

/** Authorship: a proposal goes back to draft by its proposer, or by someone who may agree it. */
export function canWithdrawProposal(actor: AccessActor, proposal: { proposedBy: string | null }): boolean {
  return proposal.proposedBy === actor.id || can(actor.role, 'approach.agree');
}

/** The rules above in words, for `docs/permissions.md` (generated) and for anyone reading the code. */
export const recordRules = [
  {
    topic: 'Assignment',
    rules: [
      'Naming or changing the manager or the agent of a relationship needs `relationships.assign`, when it is opened as well as later: nobody else may assign anyone, themselves included (403, nothing written). Without it a relationship is opened unassigned, and sending the people it already has changes nothing and is allowed.',
      'Nobody grants themselves access: only an administrator may name themselves manager or agent of a relationship they are not already on (its confidential history would open to them); naming oneself while opening a relationship is allowed with `relationships.assign`.',
      "A relationship's manager and agent read its confidential interactions and change its follow-ups; its manager also corrects its interactions and handles its exceptions.",
    ],
  },
  {
    topic: 'Confidentiality',
    rules: [
      'The content of a confidential interaction (summary, sentiment, people, follow-ups) is read by its author, the manager and agent of its relationship, and administrators. Everyone else gets the record with `redacted: true` — in the relationship timeline, the stakeholder timeline, the interaction list and its CSV export, review evidence and reports — so they see that a contact happened and when, not what was said. Searching interactions (`q`) looks only into those the reader may read, so a search cannot tell what a confidential one says. As a participant (not the counterpart), a stakeholder is not shown to be in it.',
      'A follow-up of a confidential interaction is seen by its owner and by those who may read the interaction.',
      'Sentiment of confidential interactions does not count in health, which everyone sees.',
    ],
  },
  {
    topic: 'Authorship',
    rules: [
      'An interaction is changed, archived and restored by its author, the manager of its relationship and administrators.',
      'A follow-up (text, owner, due date, done) is changed by its owner (while it has none, by the author who wrote it), the manager and agent of its relationship, and administrators.',
      'A proposed principle or model is withdrawn by its proposer or by someone with `approach.agree`.',
      'An exception is handled by those with `exceptions.manage`, and, with `exceptions.report`, by its owner and the manager of its relationship. A hidden reporter is shown to administrators only.',
    ],
  },
  {
    topic: 'Audience',
    rules: [
      'A material is acknowledged only by users whose role is in its audience (403 for others); everyone with `approach.read` may read it, and only the audience counts in its acknowledgement figures.',
    ],
  },
] as const;
