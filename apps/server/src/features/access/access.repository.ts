import type { Assignment } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The manager and agent of each relationship named: one query, however many there are. */
export async function assignmentsOf(db: Kysely<DB>, relationshipIds: (string | null)[]) {
  const assignments = new Map<string, Assignment>();
  const ids = [...new Set(relationshipIds.flatMap((id) => id ?? []))];
  if (ids.length === 0) return assignments;
  const rows = await db
    .selectFrom('relationships')
    .select(['id', 'manager_id', 'agent_id'])
    .where('id', 'in', ids)
    .execute();
  for (const row of rows) assignments.set(row.id, { managerId: row.manager_id, agentId: row.agent_id });
  return assignments;
}

/** The assignment of one relationship, or null when there is none (an interaction with a stakeholder alone). */
export async function assignmentOf(
  db: Kysely<DB>,
  relationshipId: string | null,
): Promise<Assignment | null> {
  if (relationshipId === null) return null;
  return (await assignmentsOf(db, [relationshipId])).get(relationshipId) ?? null;
}
