import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** How far ahead "due" looks: what falls due within the coming week is on the list too. */
export const HORIZON_DAYS = 7;
const LISTED = 100;

const mine = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('relationships')
    .where('status', '=', 'active')
    .where('archived_at', 'is', null)
    .where((eb) => eb.or([eb('manager_id', '=', userId), eb('agent_id', '=', userId)]));

export const contactsDue = (db: Kysely<DB>, userId: string, until: string) =>
  mine(db, userId)
    .select(['id', 'name', 'stakeholder_id', 'next_contact_on'])
    .where('next_contact_on', '<=', until)
    .orderBy('next_contact_on')
    .orderBy('id')
    .limit(LISTED)
    .execute();

export const reviewsDue = (db: Kysely<DB>, userId: string, until: string) =>
  mine(db, userId)
    .select(['id', 'name', 'next_review_on'])
    .where('next_review_on', '<=', until)
    .orderBy('next_review_on')
    .orderBy('id')
    .limit(LISTED)
    .execute();

/** My relationships with their journeys and current steps, soonest contact first. */
export const myJourneys = (db: Kysely<DB>, userId: string) =>
  mine(db, userId)
    .select(['id', 'name', 'journey', 'current_steps'])
    .where('journey', 'is not', null)
    .orderBy('next_contact_on')
    .orderBy('id')
    .limit(LISTED)
    .execute();

export async function ticksOf(db: Kysely<DB>, relationshipIds: string[]) {
  if (relationshipIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('relationship_checklist')
    .select(['relationship_id', 'step_key', 'activity_key'])
    .where('relationship_id', 'in', relationshipIds)
    .execute();
  return new Set(rows.map((row) => `${row.relationship_id}/${row.step_key}/${row.activity_key}`));
}

export const openFollowUps = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('follow_ups as f')
    .innerJoin('interactions as i', 'i.id', 'f.interaction_id')
    .leftJoin('relationships as r', 'r.id', 'f.relationship_id')
    .selectAll('f')
    .select('r.name as relationship_name')
    .where('f.owner_id', '=', userId)
    .where('f.done_at', 'is', null)
    .where('i.archived_at', 'is', null)
    .orderBy(sql`f.due_on asc nulls last`)
    .orderBy('f.id')
    .limit(LISTED)
    .execute();
