import { unresolvedExceptionStatuses } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** What one unresolved exception takes off the exceptions component of health, by severity. */
export const SEVERITY_PENALTY = { minor: 10, moderate: 25, severe: 50 } as const;

/**
 * The exceptions component of the health of a page of relationships, in one grouped query: 100 with no
 * unresolved exception, less per unresolved one by severity, never below 0; `value` is how many are unresolved.
 * A relationship without any exception scores 100: having none is a measurement, not missing data.
 * Compliments are exceptions too (guide §2.2.2) but take nothing off; archived exceptions do not count.
 */
export async function exceptionSignals(
  db: Kysely<DB>,
  relationshipIds: string[],
): Promise<Map<string, { score: number; value: number }>> {
  const signals = new Map<string, { score: number; value: number }>();
  if (relationshipIds.length === 0) return signals;
  for (const id of relationshipIds) signals.set(id, { score: 100, value: 0 });
  const rows = await db
    .selectFrom('exceptions')
    .select(['relationship_id', 'severity', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('relationship_id', 'in', [...new Set(relationshipIds)])
    .where('status', 'in', [...unresolvedExceptionStatuses])
    .where('archived_at', 'is', null)
    .where('type', '!=', 'compliment')
    .groupBy(['relationship_id', 'severity'])
    .execute();
  for (const row of rows) {
    const signal = signals.get(row.relationship_id as string);
    if (!signal) continue;
    const count = Number(row.n);
    signal.value += count;
    const penalty = SEVERITY_PENALTY[row.severity as keyof typeof SEVERITY_PENALTY] ?? 0;
    signal.score = Math.max(0, signal.score - penalty * count);
  }
  return signals;
}
