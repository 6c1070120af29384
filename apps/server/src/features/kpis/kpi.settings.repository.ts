import type { KpiEntry, KpiKey } from '@rapport/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, KpiEntriesTable } from '../../db/schema.js';
import { type Measure, perPeriod, type Series } from './kpi.measure.js';
import { average, bucketOf, inWindow, num, round, type Window } from './kpi.period.js';

export interface KpiSetting {
  target: number | null;
  version: number;
  updatedAt: string | null;
}

/** Every KPI's target; a KPI never given one is version 1 with no target. */
export async function kpiSettings(db: Kysely<DB>): Promise<Map<string, KpiSetting>> {
  const rows = await db.selectFrom('kpi_settings').selectAll().execute();
  return new Map(
    rows.map((row) => [
      row.key,
      {
        target: row.target === null ? null : Number(row.target),
        version: row.version,
        updatedAt: row.updated_at,
      },
    ]),
  );
}

export const defaultSetting: KpiSetting = { target: null, version: 1, updatedAt: null };

/** Writes the next version when the stored one is still `version`; false when someone was first. */
export async function saveSetting(
  db: Kysely<DB>,
  key: KpiKey,
  version: number,
  target: number | null,
  actorId: string,
  at: string,
): Promise<boolean> {
  if (version === 1) {
    const inserted = await db
      .insertInto('kpi_settings')
      .values({ key, target, version: 2, updated_at: at, updated_by: actorId })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await db
    .updateTable('kpi_settings')
    .set({ target, version: version + 1, updated_at: at, updated_by: actorId })
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export const toEntry = (row: Selectable<KpiEntriesTable>): KpiEntry => ({
  id: row.id,
  key: row.key as KpiKey,
  from: row.period_from,
  to: row.period_to,
  value: Number(row.value),
  note: row.note,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export async function listEntries(db: Kysely<DB>, key: KpiKey): Promise<KpiEntry[]> {
  const rows = await db
    .selectFrom('kpi_entries')
    .selectAll()
    .where('key', '=', key)
    .orderBy('period_to', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map(toEntry);
}

export async function insertEntry(db: Kysely<DB>, row: Selectable<KpiEntriesTable>) {
  await db.insertInto('kpi_entries').values(row).execute();
}

/**
 * A manual KPI in a period: the entries whose last day falls in it. Counts add up (people who left in each
 * month of a quarter); scores average (several media reviews). The numerator is the sum, the denominator the
 * number of entries.
 */
export async function manualSeries(db: Kysely<DB>, key: KpiKey, w: Window, adds: boolean): Promise<Series> {
  const day = sql.ref('k.period_to');
  const { rows } = await sql<{ b: number | string | null; s: number | string; d: number | string }>`
    select ${bucketOf(w, day)} as b, sum(k.value) as s, count(*) as d from kpi_entries k
    where k.key = ${key} and ${inWindow(w, day)} group by 1`.execute(db);
  const measure = (row: { s: number | string; d: number | string }): Measure => ({
    value: adds ? round(num(row.s), 2) : average(num(row.s), num(row.d)),
    numerator: round(num(row.s), 2),
    denominator: num(row.d),
  });
  return { points: perPeriod(rows, measure), breakdown: [] };
}
