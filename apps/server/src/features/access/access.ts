import {
  type AccessActor,
  type Assignment,
  assignmentChanges,
  canAssignRelationship,
  canEditFollowUp,
  canEditInteraction,
  type FollowUpFacts,
  type InteractionFacts,
  isInAudience,
  namesSelfIntoHistory,
  type Role,
} from '@rapport/contracts';
import { AppError } from '../../errors.js';

/**
 * The services' side of the rules about records (`@rapport/contracts` access.ts): each `require…` refuses with
 * 403 before anything is written, naming the rule, so a service reads as "permission, then record, then rules".
 */

export function requireAssignmentAllowed(
  actor: AccessActor,
  before: Assignment | null,
  after: Partial<Assignment>,
): void {
  const changed = assignmentChanges(before, after);
  if (changed.length > 0 && !canAssignRelationship(actor)) {
    throw new AppError(
      'forbidden',
      `The role ${actor.role} may not name a relationship's manager or agent (${changed.join(', ')}; needs relationships.assign)`,
    );
  }
  if (namesSelfIntoHistory(actor, before, after)) {
    throw new AppError(
      'forbidden',
      'Nobody may name themselves manager or agent of a relationship they are not on: an administrator or another manager assigns you',
    );
  }
}

export function requireInteractionEditor(
  actor: AccessActor,
  interaction: InteractionFacts,
  relationship: Assignment | null,
): void {
  if (!canEditInteraction(actor, interaction, relationship)) {
    throw new AppError(
      'forbidden',
      'Only the author, the manager of its relationship or an administrator may change an interaction',
    );
  }
}

export function requireFollowUpEditor(
  actor: AccessActor,
  followUp: FollowUpFacts,
  interaction: InteractionFacts,
  relationship: Assignment | null,
): void {
  if (!canEditFollowUp(actor, followUp, interaction, relationship)) {
    throw new AppError(
      'forbidden',
      "Only the follow-up's owner, the manager or agent of its relationship or an administrator may change it",
    );
  }
}

export function requireAudience(actor: AccessActor, material: { audience: readonly Role[] }): void {
  if (!isInAudience(actor, material)) {
    throw new AppError(
      'forbidden',
      `This material is written for ${material.audience.join(', ') || 'nobody'}; the role ${actor.role} is not in its audience`,
    );
  }
}

/** An interaction row as the rules see it. */
export const interactionFacts = (row: {
  confidential: number;
  author_id: string | null;
}): InteractionFacts => ({
  confidential: row.confidential === 1,
  authorId: row.author_id,
});
