import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, type Dialect, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

import { testPostgresUrl, testSchemaName } from './postgres-url.js';

const postgresUrl = testPostgresUrl();

/**
 * The dialects every database test runs on: SQLite and PostgreSQL, always both unless
 * RAPPORT_TEST_POSTGRES_URL=off says otherwise. A PostgreSQL that does not answer fails the run.
 */
export const dialects: Dialect[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  database: Database;
  url: string;
  schema?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own: a temp SQLite file, or a new PostgreSQL schema dropped afterwards. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-'));
    const url = `sqlite:${path.join(dir, 'rapport.db')}`;
    const database = openDatabase(url);
    await migrateToLatest(database);
    return {
      database,
      url,
      async drop() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error('RAPPORT_TEST_POSTGRES_URL=off: no PostgreSQL for this test');
  const schema = testSchemaName();
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const database = openDatabase(postgresUrl, { schema, poolSize: 4, applicationName: schema });
  await migrateToLatest(database);
  return {
    database,
    url: postgresUrl,
    schema,
    // The schema itself goes when the run ends (testSchemaName).
    drop: () => database.close(),
  };
}
