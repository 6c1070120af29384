import type { Journey, Quadrant } from '@rapport/contracts';
import { type Kysely, PostgresAdapter } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fromJson, fromJsonList } from '../../shared/json.js';
import { recordHealth } from './health.js';
import { syncPositions } from './positions.repository.js';

/**
 * The contact cadence that applies now (guide §2.2.3, "timing and frequency matter"): the shortest of the current
 * steps' own cadences; else the one for the stakeholder's quadrant; else the journey's.
 */
export function contactEveryDays(
  journey: Journey | null,
  currentSteps: string[],
  quadrant: Quadrant,
): number | null {
  if (!journey) return null;
  const ofSteps = currentSteps
    .map((key) => journey.steps.find((step) => step.key === key)?.contactEveryDays)
    .filter((days): days is number => typeof days === 'number');
  if (ofSteps.length > 0) return Math.min(...ofSteps);
  return journey.contactEveryDaysByQuadrant[quadrant] ?? journey.contactEveryDays;
}

const dayAfter = (isoDay: string, days: number) =>
  new Date(Date.parse(`${isoDay.slice(0, 10)}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Recomputes when the relationships were last in contact and when the next contact is due. These are derived
 * from interactions, steps and the stakeholder's quadrant, so they change without a new record version: an
 * interaction logged by one person never makes another person's edit of the relationship a conflict.
 */
export async function refreshContact(db: Kysely<DB>, relationshipIds: string[]): Promise<void> {
  for (const id of relationshipIds) {
    // On PostgreSQL two interactions logged at once wait for each other here, so the second sees the first.
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await db.selectFrom('relationships').select('id').where('id', '=', id).forUpdate().execute();
    }
    const row = await db
      .selectFrom('relationships as r')
      .innerJoin('stakeholders as s', 's.id', 'r.stakeholder_id')
      .select(['r.journey', 'r.current_steps', 'r.status', 'r.started_on', 's.quadrant'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!row) continue;
    const last = await db
      .selectFrom('interactions')
      .select((eb) => eb.fn.max('occurred_at').as('at'))
      .where('relationship_id', '=', id)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow();
    const lastAt = (last.at as string | null) ?? null;
    const days = contactEveryDays(
      fromJson<Journey>(row.journey),
      fromJsonList(row.current_steps),
      row.quadrant as Quadrant,
    );
    const next = row.status === 'active' && days !== null ? dayAfter(lastAt ?? row.started_on, days) : null;
    await db
      .updateTable('relationships')
      .set({ last_contact_at: lastAt, contact_every_days: days, next_contact_on: next })
      .where('id', '=', id)
      .execute();
  }
  await syncPositions(db, relationshipIds);
  await recordHealth(db, relationshipIds, new Date().toISOString().slice(0, 10));
}

/** After a re-assessment moved a stakeholder to another quadrant, its relationships' cadence may differ. */
export async function refreshContactOfStakeholder(db: Kysely<DB>, stakeholderId: string): Promise<void> {
  const rows = await db
    .selectFrom('relationships')
    .select('id')
    .where('stakeholder_id', '=', stakeholderId)
    .where('status', '=', 'active')
    .execute();
  await refreshContact(
    db,
    rows.map((row) => row.id),
  );
}
