import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { testPostgresUrl, testSchemaName } from '../../test/postgres-url.js';
import { type Database, openDatabase } from './database.js';
import { migrateTo, migrateToLatest, pendingMigrations } from './migrate.js';

async function emptyDatabase(dialect: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-migrate-'));
    const database = openDatabase(`sqlite:${path.join(dir, 'm.db')}`);
    return {
      database,
      drop: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = testPostgresUrl() as string;
  const schema = testSchemaName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase(url, { schema, poolSize: 2 });
  return {
    database,
    // The schema itself goes when the run ends (testSchemaName).
    drop: () => database.close(),
  };
}

describe.each(dialects)('migrations on %s', (dialect) => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await drop?.();
    drop = undefined;
  });

  it('runs every migration once, and twice is a no-op', async () => {
    const fresh = await emptyDatabase(dialect);
    drop = fresh.drop;
    expect((await migrateToLatest(fresh.database)).length).toBeGreaterThan(1);
    expect(await migrateToLatest(fresh.database)).toEqual([]);
    expect(await pendingMigrations(fresh.database)).toEqual([]);
  });

  it('sorts names by code point on both dialects, and gives PostgreSQL a trigram search index', async () => {
    const fresh = await emptyDatabase(dialect);
    drop = fresh.drop;
    await migrateToLatest(fresh.database);
    const at = '2026-01-01T00:00:00.000Z';
    for (const [id, sortName] of [
      ['1', 'b'],
      ['2', 'B'],
      ['3', 'a'],
      ['4', 'ä'],
    ]) {
      await fresh.database.db
        .insertInto('users')
        .values({
          id: id as string,
          email: `${id}@x.example`,
          name: sortName as string,
          sort_name: sortName as string,
          role: 'viewer',
          locale: 'en',
          competencies: '[]',
          password_hash: null,
          deactivated_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const sorted = await fresh.database.db
      .selectFrom('users')
      .select('sort_name')
      .orderBy('sort_name')
      .execute();
    expect(sorted.map((r) => r.sort_name)).toEqual(['B', 'a', 'b', 'ä']);
    if (dialect === 'postgres') {
      const { rows } = await sql<{ indexname: string }>`
        select indexname from pg_indexes
        where schemaname = ${fresh.database.schema} and indexname = 'stakeholders_search_trgm'`.execute(
        fresh.database.db,
      );
      expect(rows).toHaveLength(1);
    }
  });

  it('fills the analysis columns of stakeholders written before they existed', async () => {
    const fresh = await emptyDatabase(dialect);
    drop = fresh.drop;
    // biome-ignore lint/suspicious/noExplicitAny: rows of the schema as it was, which the app types no longer describe
    const db = fresh.database.db as never as Kysely<any>;
    await migrateTo(fresh.database, '20261127100000_initial');
    const at = '2026-01-02T03:04:05.000Z';
    await db
      .insertInto('stakeholders')
      .values({
        id: 's1',
        name: 'Acme Ltd',
        sort_name: 'acme ltd',
        search_text: 'acme ltd',
        kind: 'organisation',
        category: 'customer',
        scope: 'external',
        parent_id: null,
        influence: 4,
        interest: 4,
        quadrant: 'manage_closely',
        power: 0,
        legitimacy: 0,
        urgency: 0,
        salience: 'none',
        engagement_current: 'resistant',
        engagement_desired: 'supportive',
        target_influence: null,
        target_interest: null,
        owner_id: null,
        emails: '["a@acme.example","b@acme.example"]',
        phones: '[]',
        tags: '[]',
        notes: '',
        archived_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('stakeholder_assessments')
      .values({
        id: 'a1',
        stakeholder_id: 's1',
        at,
        actor_id: null,
        note: '',
        influence: 4,
        interest: 4,
        before: null,
        after: '{}',
      })
      .execute();
    await migrateToLatest(fresh.database);
    const row = await fresh.database.db.selectFrom('stakeholders').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name_key: 'acme',
      engagement_gap: 2,
      last_assessed_at: at,
      external_ref: null,
    });
    const emails = await fresh.database.db
      .selectFrom('stakeholder_emails')
      .select('email')
      .orderBy('email')
      .execute();
    expect(emails.map((e) => e.email)).toEqual(['a@acme.example', 'b@acme.example']);
  });
});
