import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { chunks } from '../csv/import.repository.js';
import { readCatalog, type TableInfo } from '../operations/catalog.js';
import { demoIdsByTable } from './demo.records.js';

// biome-ignore lint/suspicious/noExplicitAny: removal walks every table the catalog names
type AnyDb = Kysely<any>;

/** Rows that are not the organisation's records even when they point at demo ones: sign-ins of demo users. */
// Rows Rapport writes by itself for a demo row (sign-ins of demo users, notifications the due scan sends them):
// they go with that row and never make the demo the organisation's.
const FOLLOWS_ITS_PARENT = new Set(['sessions', 'notifications']);

export interface LinkedRecord {
  entity: string;
  id: string;
  demoEntity: string;
  demoId: string;
}

/**
 * The organisation's own rows that refer to demo rows (an interaction logged on a demo relationship, a demo
 * stakeholder put in the organisation's group): removing the demo would delete or orphan them, so it is refused
 * and they are named. Rows without an id of their own (tags, memberships) are the organisation's when another
 * of their keys points at one of its rows (other than a user: authorship).
 */
async function linkedRecords(db: AnyDb, tables: TableInfo[], demo: Map<string, Set<string>>) {
  const found: LinkedRecord[] = [];
  for (const table of tables) {
    if (FOLLOWS_ITS_PARENT.has(table.name)) continue;
    const keys = table.foreignKeys.filter((key) => key.columns.length === 1);
    const ownIds = demo.get(table.name) ?? new Set<string>();
    const hasId = table.columns.includes('id');
    for (const key of keys) {
      const parentIds = demo.get(key.table);
      if (!parentIds || parentIds.size === 0) continue;
      const column = key.columns[0] as string;
      // Who wrote a row (created_by, proposed_by: the administrator who loaded the demo) does not make it theirs.
      const others = keys.filter((other) => other !== key && other.table !== 'users');
      for (const chunk of chunks([...parentIds])) {
        const rows = (
          await sql<Record<string, string | null>>`select * from ${sql.table(table.name)}
            where ${sql.ref(column)} in (${sql.join(chunk)})`.execute(db)
        ).rows;
        for (const row of rows) {
          const theirs = hasId
            ? !ownIds.has(String(row.id))
            : others.some((other) => {
                const value = row[other.columns[0] as string];
                return value !== null && value !== undefined && !demo.get(other.table)?.has(String(value));
              });
          if (theirs) {
            found.push({
              entity: table.name,
              id: hasId ? String(row.id) : `${column}=${row[column]}`,
              demoEntity: key.table,
              demoId: String(row[column]),
            });
          }
        }
      }
    }
  }
  return found;
}

/**
 * Removes every row the demo loader wrote (its audit entries included: the demo's history is made up), in one
 * transaction, children before parents; refuses, naming them, when the organisation's own records refer to demo
 * records. Returns how many rows went.
 */
export async function removeDemoRows(db: Kysely<DB>, dialect: Dialect, schema?: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const any = trx as AnyDb;
    const byTable = await demoIdsByTable(trx);
    if (byTable.size === 0) throw new AppError('not_found', 'No demo organisation is loaded');
    const tables = await readCatalog(any, dialect, schema);
    const demo = new Map([...byTable].map(([table, ids]) => [table, new Set(ids)]));
    const linked = await linkedRecords(any, tables, demo);
    if (linked.length > 0) {
      throw new AppError(
        'conflict',
        `${linked.length} of the organisation's own records refer to demo records; unlink or delete them first`,
        linked.slice(0, 100).map((link) => ({
          path: `${link.entity}.${link.id}`,
          message: `refers to the demo ${link.demoEntity} ${link.demoId}`,
        })),
      );
    }
    let removed = 0;
    // Sign-ins of demo users go with them.
    for (const chunk of chunks(byTable.get('users') ?? []))
      await trx.deleteFrom('sessions').where('user_id', 'in', chunk).execute();
    // Notifications about demo records go too, whoever received them (their link would lead nowhere).
    for (const chunk of chunks([...demo.values()].flatMap((ids) => [...ids])))
      await trx.deleteFrom('notifications').where('entity_id', 'in', chunk).execute();
    // Referring tables before the tables they refer to; within a table the newest rows first (a child stakeholder
    // was created after its parent).
    for (const table of [...tables].reverse()) {
      for (const key of table.foreignKeys.filter((k) => k.columns.length === 1)) {
        const parentIds = demo.get(key.table);
        if (!parentIds || (table.columns.includes('id') && !FOLLOWS_ITS_PARENT.has(table.name))) continue;
        for (const chunk of chunks([...parentIds])) {
          await sql`delete from ${sql.table(table.name)} where ${sql.ref(key.columns[0] as string)} in (${sql.join(chunk)})`.execute(
            any,
          );
        }
      }
      const ids = byTable.get(table.name);
      if (!ids || FOLLOWS_ITS_PARENT.has(table.name)) continue;
      for (const chunk of chunks([...ids].reverse(), 200)) {
        const result =
          await sql`delete from ${sql.table(table.name)} where id in (${sql.join(chunk)})`.execute(any);
        removed += Number(result.numAffectedRows ?? 0);
      }
    }
    await trx.deleteFrom('demo_records').execute();
    return removed;
  });
}
