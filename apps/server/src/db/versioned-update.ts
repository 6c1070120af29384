import { type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from './schema.js';

/** The tables whose records carry a `version` that grows by one per change (SPEC §11). */
export type VersionedTable =
  | 'users'
  | 'stakeholders'
  | 'stakeholder_groups'
  | 'org_units'
  | 'culture_assessments'
  | 'principles'
  | 'relationship_models'
  | 'materials'
  | 'reviews'
  | 'improvements'
  | 'relationships'
  | 'interactions'
  | 'follow_ups'
  | 'exceptions'
  | 'lessons'
  | 'surveys'
  | 'survey_invitations'
  | 'webhooks';

/**
 * Writes `changes` only while the stored version is still `version`, and moves the version on by one.
 * Returns false when someone else wrote first: the caller answers 409. The check is in the UPDATE itself, so
 * it holds under READ COMMITTED too.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<DB>,
  table: T,
  id: string,
  version: number,
  changes: Omit<Updateable<DB[T]>, 'id' | 'version'>,
): Promise<boolean> {
  // Kysely cannot follow a table name that is a type parameter; the signature above keeps callers typed.
  const result = await (db as unknown as Kysely<{ versioned: { id: string; version: number } }>)
    .updateTable(table as unknown as 'versioned')
    .set({ ...(changes as object), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
