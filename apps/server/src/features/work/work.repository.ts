import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** How far ahead "due" looks: what falls due within the coming week is on the list too. */
export const HORIZON_DAYS = 7;
const LISTED = 100;

type Person = 'manager_id' | 'agent_id';

const mine = (db: Kysely<DB>, userId: string, person: Person) =>
  db
    .selectFrom('relationships')
    .where(person, '=', userId)
    .where('status', '=', 'active')
    .where('archived_at', 'is', null);

/**
 * The user's relationships as manager and as agent, soonest first: one ordered index range for each role (an OR of
 * the two would make the database sort all of them), merged here, each relationship once.
 */
async function asManagerOrAgent<Row extends { id: string }>(
  query: (person: Person) => Promise<Row[]>,
  sortKey: (row: Row) => string,
  listed = LISTED,
): Promise<Row[]> {
  const [managed, assisted] = await Promise.all([query('manager_id'), query('agent_id')]);
  const seen = new Set<string>();
  return [...managed, ...assisted]
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a.id < b.id ? -1 : 1))
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .slice(0, listed);
}

export const contactsDue = (db: Kysely<DB>, userId: string, until: string) =>
  asManagerOrAgent(
    (person) =>
      mine(db, userId, person)
        .select(['id', 'name', 'stakeholder_id', 'next_contact_on'])
        .where('next_contact_on', '<=', until)
        .orderBy('next_contact_on')
        .orderBy('id')
        .limit(LISTED)
        .execute(),
    (row) => `${row.next_contact_on}`,
  );

export const reviewsDue = (db: Kysely<DB>, userId: string, until: string) =>
  asManagerOrAgent(
    (person) =>
      mine(db, userId, person)
        .select(['id', 'name', 'next_review_on'])
        .where('next_review_on', '<=', until)
        .orderBy('next_review_on')
        .orderBy('id')
        .limit(LISTED)
        .execute(),
    (row) => `${row.next_review_on}`,
  );

/**
 * How many relationships the activities of current steps come from: the soonest contacts, whose activities are
 * the ones to do now. Each brings its journey (several kilobytes) and a handful of open activities, so a hundred
 * would list hundreds of activities nobody reads through and cost most of the page.
 */
export const CHECKLISTED = 25;

/** My relationships with their journeys and current steps, soonest contact first. */
export const myJourneys = (db: Kysely<DB>, userId: string) =>
  asManagerOrAgent(
    (person) =>
      mine(db, userId, person)
        .select(['id', 'name', 'journey', 'current_steps', 'next_contact_on'])
        .where('journey', 'is not', null)
        .where('next_contact_on', 'is not', null)
        .orderBy('next_contact_on')
        .orderBy('id')
        .limit(CHECKLISTED)
        .execute(),
    (row) => row.next_contact_on ?? '\uffff',
    CHECKLISTED,
  );

/** The ticked activities of these relationships in these steps (earlier steps' ticks are not needed). */
export async function ticksOf(db: Kysely<DB>, relationshipIds: string[], stepKeys: string[]) {
  if (relationshipIds.length === 0 || stepKeys.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('relationship_checklist')
    .select(['relationship_id', 'step_key', 'activity_key'])
    .where('relationship_id', 'in', relationshipIds)
    .where('step_key', 'in', stepKeys)
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
