import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { testPostgresUrl, testSchemaName } from '../../test/postgres-url.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { restoreDatabase, sourceOf } from '../features/operations/restore.js';
import { type Database, type Dialect, openDatabase } from './database.js';
import { migrationNames } from './migrate.js';

/**
 * A database made at an older schema: the demo organisation, a sign-in and an API token written at the schema
 * of migration 20261127320000_kpi_speed (test/fixtures/make-upgrade-fixture.ts made it; the file is frozen).
 * Loading it brings an empty database to that level, writes the rows there, then runs every later migration
 * over them — the same steps as upgrading a database in place.
 */
const FIXTURE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../test/fixtures/upgrade-20261127320000.jsonl.gz',
);
const LEVEL = '20261127320000_kpi_speed';
const TOKEN = 'rpt_x2bnbfF7PKvtsBNhP2FrwY1B5XHiUwf1xyE3vTTR2C8';

/** The fixture's rows, table by table, as the older schema held them. */
async function fixtureRows(): Promise<Map<string, { columns: string[]; rows: unknown[][] }>> {
  const tables = new Map<string, { columns: string[]; rows: unknown[][] }>();
  let current: { columns: string[]; rows: unknown[][] } | undefined;
  await sourceOf(FIXTURE)((event) => {
    if (event.kind === 'table') {
      current = { columns: event.columns, rows: [] };
      tables.set(event.table, current);
    }
    if (event.kind === 'row') current?.rows.push(event.values);
  });
  return tables;
}

/** A database with no schema at all: a new SQLite file, or a new PostgreSQL schema. */
async function emptyDatabase(dialect: Dialect): Promise<{ database: Database; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-upgrade-'));
    const database = openDatabase(`sqlite:${path.join(dir, 'old.db')}`);
    return {
      database,
      async drop() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = testPostgresUrl() as string;
  const schema = testSchemaName();
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await run(`create schema ${schema}`);
  const database = openDatabase(url, { schema, poolSize: 2 });
  return {
    database,
    // The schema itself goes when the run ends (testSchemaName).
    drop: () => database.close(),
  };
}

describe.each(dialects)('upgrading a database of an older schema on %s', (dialect) => {
  let old: { database: Database; drop(): Promise<void> };
  let migratedAfter: string[];
  beforeAll(async () => {
    old = await emptyDatabase(dialect);
    ({ migratedAfter } = await restoreDatabase(old.database, sourceOf(FIXTURE)));
  });
  afterAll(() => old.drop());

  it('runs every migration after the old level over its data', () => {
    const names = migrationNames();
    expect(names).toContain(LEVEL);
    expect(migratedAfter).toEqual(names.slice(names.indexOf(LEVEL) + 1));
    expect(migratedAfter.length).toBeGreaterThan(0);
  });

  it('keeps every row of every table, each value as it was', async () => {
    const before = await fixtureRows();
    expect(before.get('stakeholders')?.rows.length).toBeGreaterThan(20);
    // biome-ignore lint/suspicious/noExplicitAny: the tables of the older schema, by name
    const db = old.database.db as unknown as Kysely<any>;
    for (const [table, { columns, rows }] of before) {
      const now = await db.selectFrom(table).select(columns).execute();
      const asRows = (list: unknown[][]) => list.map((values) => JSON.stringify(values)).sort();
      expect(asRows(now.map((row) => columns.map((column) => row[column]))), table).toEqual(asRows(rows));
    }
  });

  it('serves the upgraded data: the old API token and password still sign in', async () => {
    const app = await buildApp(
      loadConfig({
        LOG_LEVEL: 'silent',
        RAPPORT_WEB_DIST: '/nonexistent',
        RAPPORT_JOBS: 'off',
        RAPPORT_ORIGINS: 'http://localhost:80',
      }),
      old.database,
    );
    try {
      const bearer = { authorization: `Bearer ${TOKEN}` };
      const stakeholders = await app.inject({ url: '/api/v1/stakeholders?count=true', headers: bearer });
      expect(stakeholders.statusCode).toBe(200);
      expect(stakeholders.json().total).toBe(26);
      const relationships = await app.inject({ url: '/api/v1/relationships?count=true', headers: bearer });
      expect(relationships.json().total).toBe(5);
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { origin: 'http://localhost:80', host: 'localhost:80' },
        payload: { email: 'upgrade.admin@example.com', password: 'correct-horse-battery' },
      });
      expect(signIn.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
