import type { AccessActor } from '@rapport/contracts';
import { sql } from 'kysely';

/**
 * The rules of `@rapport/contracts` access.ts as SQL, for lists that must leave rows out (or count only what a
 * reader may read) without loading them first. Each filter states the same rule as the function it names.
 */

/** `canReadInteraction` over the `interactions` table of the query. */
export function interactionReadableBy(actor: AccessActor) {
  return sql<boolean>`(${actor.role === 'administrator' ? 1 : 0} = 1 or interactions.confidential = 0
    or interactions.author_id = ${actor.id}
    or exists (select 1 from relationships r where r.id = interactions.relationship_id
      and (r.manager_id = ${actor.id} or r.agent_id = ${actor.id})))`;
}

/** `canReadFollowUp` over `follow_ups` joined with its `interactions`. */
export function followUpReadableBy(actor: AccessActor) {
  return sql<boolean>`(follow_ups.owner_id = ${actor.id} or ${interactionReadableBy(actor)})`;
}
