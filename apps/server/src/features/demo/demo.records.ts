import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { chunks } from '../csv/import.repository.js';
import type { RecordedRow } from './demo.recorder.js';

export async function demoLoaded(db: Kysely<DB>): Promise<boolean> {
  return Boolean(await db.selectFrom('demo_records').select('id').limit(1).executeTakeFirst());
}

/** Marks the rows the demo loader wrote, in the order written (removal goes the other way). */
export async function recordDemoRows(db: Kysely<DB>, rows: RecordedRow[]): Promise<void> {
  const seen = new Set<string>();
  const unique = rows.filter((row) => {
    const key = `${row.entity}\u0000${row.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let seq = 0;
  for (const chunk of chunks(unique, 300)) {
    await db
      .insertInto('demo_records')
      .values(chunk.map((row) => ({ seq: seq++, entity: row.entity, id: row.id })))
      .execute();
  }
}

/** The demo's rows by table. */
export async function demoIdsByTable(db: Kysely<DB>): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('demo_records').select(['entity', 'id']).orderBy('seq').execute();
  const byTable = new Map<string, string[]>();
  for (const row of rows) byTable.set(row.entity, [...(byTable.get(row.entity) ?? []), row.id]);
  return byTable;
}
