import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { createHarness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { type Database, type Dialect, openDatabase } from '../../db/database.js';
import { migrateTo, migrationNames } from '../../db/migrate.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { seedDemo } from '../demo/demo.seed.js';
import { createStakeholderService } from '../stakeholders/stakeholder.service.js';
import { createUserService } from '../users/user.service.js';
import { appliedMigrations, backupDatabase, dumpDatabase } from './backup.js';
import { BackupError } from './backup-format.js';
import { readCatalog } from './catalog.js';
import { restoreDatabase, sourceOf } from './restore.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-backup-test-'));
let fileCounter = 0;
const tempFile = (name: string) => path.join(dir, `${++fileCounter}-${name}`);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Every table up to the interactions migration: the demo (with the extras below) fills each of them, so the
 * row-for-row comparison covers real rows everywhere. Tables of later migrations are compared too; they join this
 * list once the demo fills them.
 */
const FILLED = [
  'api_tokens',
  'audit_log',
  'culture_assessments',
  'follow_ups',
  'health_history',
  'import_mappings',
  'import_rows',
  'imports',
  'improvements',
  'interaction_stakeholders',
  'interactions',
  'material_acknowledgements',
  'materials',
  'org_units',
  'principle_versions',
  'principles',
  'relationship_checklist',
  'relationship_model_groups',
  'relationship_model_versions',
  'relationship_models',
  'relationship_moves',
  'relationship_positions',
  'relationships',
  'reviews',
  'sessions',
  'stakeholder_assessments',
  'stakeholder_emails',
  'stakeholder_group_members',
  'stakeholder_groups',
  'stakeholder_links',
  'stakeholder_tags',
  'stakeholders',
  'users',
];

/**
 * The demo organisation, plus what the demo does not make: a session and an API token, a CSV import (with its
 * rows and remembered mapping) and a link between stakeholders, so every table has rows.
 */
async function seeded(dialect: Dialect): Promise<TestDatabase> {
  const h = await createHarness(dialect, { RAPPORT_JOBS: 'off' });
  const summary = await seedDemo(h.test.database.db);
  expect(summary).toMatch(/^Loaded/);
  const token = await h.admin.request({
    method: 'POST',
    url: '/api/v1/tokens',
    payload: { name: 'backup test' },
  });
  expect(token.statusCode).toBe(201);
  const csv =
    'ref,name,category,influence,interest\nR-1,Imported One,customer,3,4\nR-2,导入二,supplier,2,5\n';
  const mapping = JSON.stringify({
    ref: 'externalRef',
    name: 'name',
    category: 'category',
    influence: 'influence',
    interest: 'interest',
  });
  const body = multipart({ mapping }, { name: 'people.csv', content: csv });
  const imported = await h.admin.request({
    method: 'POST',
    url: '/api/v1/imports/stakeholders',
    payload: body.payload,
    headers: body.headers,
  });
  expect(imported.statusCode, imported.body).toBeLessThan(300);
  const [from, to] = await h.test.database.db
    .selectFrom('stakeholders')
    .select('id')
    .orderBy('id')
    .limit(2)
    .execute();
  const link = await h.admin.request({
    method: 'POST',
    url: '/api/v1/stakeholder-links',
    payload: { fromId: from?.id, toId: to?.id, type: 'influences' },
  });
  expect(link.statusCode, link.body).toBe(201);
  // Nothing may write to the source any more (background jobs stop with the app).
  await h.app.close();
  return h.test;
}

/** Every table's rows, sorted by their JSON (so both dialects' orders compare equal). */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const tables = await readCatalog(database.db, database.dialect, database.schema);
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    // biome-ignore lint/suspicious/noExplicitAny: every table the catalog lists
    const rows = await (database.db as Kysely<any>).selectFrom(table.name).selectAll().execute();
    result[table.name] = rows
      .map((row) =>
        JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)))),
      )
      .sort();
  }
  return result;
}

async function totalRows(database: Database): Promise<number> {
  const all = await snapshot(database);
  return Object.values(all).reduce((sum, rows) => sum + rows.length, 0);
}

function readLines(file: string): string[] {
  return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
}

/** Writes a changed copy of a backup with a correct closing line, so only the change itself is wrong. */
function rewrite(file: string, change: (lines: string[]) => string[]): string {
  const lines = readLines(file);
  const body = change(lines.slice(0, -1));
  const trailer = JSON.parse(lines[lines.length - 1] as string);
  trailer.sha256 = createHash('sha256')
    .update(body.map((line) => `${line}\n`).join(''))
    .digest('hex');
  const out = tempFile('rewritten.jsonl.gz');
  fs.writeFileSync(out, zlib.gzipSync([...body, JSON.stringify(trailer)].map((l) => `${l}\n`).join('')));
  return out;
}

async function searchNames(db: Kysely<DB>, q: string): Promise<string[]> {
  const admin = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', 'admin@example.com')
    .executeTakeFirstOrThrow();
  const actor: Actor = { id: admin.id, name: admin.name, role: 'administrator', via: 'session' };
  const page = await createStakeholderService(db).list(actor, {
    q,
    sort: 'name',
    limit: 50,
    archived: 'true',
  });
  return page.data.map((stakeholder) => stakeholder.name).sort();
}

describe.each(dialects)('backup and restore on %s', (dialect) => {
  let source: TestDatabase;
  let file: string;
  let expected: Record<string, string[]>;
  const targets: TestDatabase[] = [];
  const target = async () => {
    const created = await createTestDatabase(dialect);
    targets.push(created);
    return created;
  };

  beforeAll(async () => {
    source = await seeded(dialect);
    file = tempFile('demo.jsonl.gz');
    const progress: string[] = [];
    const summary = await backupDatabase(source.database, file, (line) => progress.push(line));
    expect(summary.rows).toBeGreaterThan(100);
    expect(progress).toContain(
      `stakeholders: ${(await snapshot(source.database)).stakeholders?.length} rows`,
    );
    expected = await snapshot(source.database);
  });
  afterAll(async () => {
    for (const created of [source, ...targets]) await created?.drop().catch(() => {});
  });

  it('writes the portable format: a header, tables with their rows, and a closing line with a digest', () => {
    const lines = readLines(file).map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({
      format: 'rapport-backup',
      formatVersion: 1,
      dialect,
      migrations: migrationNames(),
    });
    const tables = lines.filter((line) => line.table).map((line) => line.table);
    expect(tables).toContain('stakeholders');
    expect(tables).not.toContain('kysely_migration');
    expect(tables.some((name: string) => name.startsWith('stakeholder_search'))).toBe(false);
    // Referenced tables come first.
    expect(tables.indexOf('users')).toBeLessThan(tables.indexOf('stakeholders'));
    expect(lines[lines.length - 1]).toMatchObject({
      end: true,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it('restores into an empty database with every row of every table, and search works', async () => {
    // The demo fills every table, so the comparison covers the whole schema.
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(FILLED));
    expect(FILLED.filter((table) => (expected[table]?.length ?? 0) === 0)).toEqual([]);
    const restored = await target();
    const summary = await restoreDatabase(restored.database, sourceOf(file));
    expect(summary.rows).toBe(Object.values(expected).reduce((sum, rows) => sum + rows.length, 0));
    expect(await snapshot(restored.database)).toEqual(expected);
    const found = await searchNames(source.database.db, 'ent');
    expect(found.length).toBeGreaterThan(0);
    expect(await searchNames(restored.database.db, 'ent')).toEqual(found);
  });

  it('refuses a database that is not empty, writing nothing, and replaces it with --force', async () => {
    const restored = await target();
    await createUserService(restored.database.db).createFirstAdmin({
      email: 'someone@example.com',
      name: 'Someone Else',
      password: 'correct-horse-battery',
    });
    const before = await snapshot(restored.database);
    await expect(restoreDatabase(restored.database, sourceOf(file))).rejects.toThrow(/not empty.*--force/);
    expect(await snapshot(restored.database)).toEqual(before);

    await restoreDatabase(restored.database, sourceOf(file), { force: true });
    expect(await snapshot(restored.database)).toEqual(expected);
    // Twice forced, still the same.
    await restoreDatabase(restored.database, sourceOf(file), { force: true });
    expect(await snapshot(restored.database)).toEqual(expected);
    expect(await searchNames(restored.database.db, 'ent')).toEqual(
      await searchNames(source.database.db, 'ent'),
    );
  });

  it('refuses a truncated file, a file without its closing line, a changed row and a newer version; nothing is written', async () => {
    const restored = await target();
    const bytes = fs.readFileSync(file);
    const truncated = tempFile('truncated.jsonl.gz');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const lines = readLines(file);
    const noTrailer = tempFile('no-trailer.jsonl.gz');
    fs.writeFileSync(
      noTrailer,
      zlib.gzipSync(
        lines
          .slice(0, -1)
          .map((line) => `${line}\n`)
          .join(''),
      ),
    );
    const changed = tempFile('changed.jsonl.gz');
    const row = lines.findIndex((line) => line.includes('"Imported One"') && line.startsWith('['));
    expect(row).toBeGreaterThan(0);
    const altered = [...lines];
    altered[row] = (altered[row] as string).replace('"Imported One"', '"Imported Two"');
    fs.writeFileSync(changed, zlib.gzipSync(altered.map((line) => `${line}\n`).join('')));
    const newer = rewrite(file, (body) => {
      const header = JSON.parse(body[0] as string);
      header.migrations.push('29991231000000_from_the_future');
      return [JSON.stringify(header), ...body.slice(1)];
    });
    const newerFormat = rewrite(file, (body) => {
      const header = JSON.parse(body[0] as string);
      header.formatVersion = 2;
      return [JSON.stringify(header), ...body.slice(1)];
    });
    const missingRow = rewrite(file, (body) => body.filter((_, index) => index !== row));
    const notABackup = tempFile('not-a-backup.jsonl.gz');
    fs.writeFileSync(notABackup, 'hello');

    const cases: [string, RegExp][] = [
      [truncated, /damaged or incomplete/],
      [noTrailer, /ends before its closing line/],
      [changed, /checksum does not match/],
      [missingRow, /should have \d+ rows but has/],
      [newer, /newer version of Rapport.*29991231000000_from_the_future/],
      [newerFormat, /newer version of Rapport \(backup format 2/],
      [notABackup, /not a Rapport backup/],
      [tempFile('missing.jsonl.gz'), /No backup file/],
    ];
    for (const [bad, message] of cases) {
      const error = await restoreDatabase(restored.database, sourceOf(bad)).catch((e: unknown) => e);
      expect(error, bad).toBeInstanceOf(BackupError);
      expect((error as Error).message, bad).toMatch(message);
      expect(await totalRows(restored.database)).toBe(0);
    }
    // A damaged file refused under --force leaves the existing data as it was.
    await restoreDatabase(restored.database, sourceOf(file));
    for (const [bad] of cases) {
      await expect(restoreDatabase(restored.database, sourceOf(bad), { force: true })).rejects.toThrow(
        BackupError,
      );
      expect(await snapshot(restored.database)).toEqual(expected);
    }
  });

  it('reads one snapshot: rows written by another connection during the backup are not in it', async () => {
    const other = openDatabase(source.url, { schema: source.schema });
    const usersBefore = expected.users?.length ?? 0;
    const written: string[] = [];
    try {
      const rowsOf: Record<string, number> = {};
      let current = '';
      await dumpDatabase(source.database.db, dialect, source.database.schema, async (event) => {
        if (event.kind === 'table') {
          current = event.table;
          rowsOf[current] = 0;
          if (written.length === 0) {
            // The server goes on writing while the backup runs.
            const user = await createUserService(other.db).createAsSystem({
              email: 'during.backup@example.com',
              name: 'During Backup',
              role: 'viewer',
              password: 'correct-horse-battery',
              locale: 'en',
            });
            written.push(user.id);
          }
        }
        if (event.kind === 'row') rowsOf[current] = (rowsOf[current] ?? 0) + 1;
      });
      expect(written).toHaveLength(1);
      expect(
        await other.db
          .selectFrom('users')
          .select('id')
          .where('id', '=', written[0] as string)
          .execute(),
      ).toHaveLength(1);
      expect(rowsOf.users).toBe(usersBefore);
    } finally {
      await other.db
        .deleteFrom('audit_log')
        .where('entity_id', '=', written[0] ?? '')
        .execute();
      await other.db.deleteFrom('users').where('email', '=', 'during.backup@example.com').execute();
      await other.close();
    }
  });

  it('restores a backup from an older migration level, then migrates it', async () => {
    const names = migrationNames();
    const older = names[names.indexOf('20261127180000_relationships')] as string;
    const fresh = await target();
    // A database at an older level (migrated down to it).
    const oldLevel = await target();
    await migrateTo(oldLevel.database, older);
    expect((await appliedMigrations(oldLevel.database.db)).at(-1)).toBe(older);
    await createUserService(oldLevel.database.db).createFirstAdmin({
      email: 'old@example.com',
      name: 'Old Admin',
      password: 'correct-horse-battery',
    });
    const oldFile = tempFile('old.jsonl.gz');
    await backupDatabase(oldLevel.database, oldFile);
    expect(JSON.parse(readLines(oldFile)[0] as string).migrations.at(-1)).toBe(older);

    const summary = await restoreDatabase(fresh.database, sourceOf(oldFile));
    expect(summary.migratedAfter).toEqual(names.slice(names.indexOf(older) + 1));
    expect(await appliedMigrations(fresh.database.db)).toEqual(names);
    const users = await fresh.database.db.selectFrom('users').select('email').execute();
    expect(users).toEqual([{ email: 'old@example.com' }]);
  });
});

describe('backups move between SQLite and PostgreSQL', () => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const test of opened) await test.drop().catch(() => {});
  });

  it.each(
    dialects.includes('postgres')
      ? ([
          ['sqlite', 'postgres'],
          ['postgres', 'sqlite'],
        ] as const)
      : [],
  )('from %s to %s, every row of every table', async (from, to) => {
    const source = await seeded(from);
    opened.push(source);
    const file = tempFile(`${from}.jsonl.gz`);
    await backupDatabase(source.database, file);
    const target = await createTestDatabase(to);
    opened.push(target);
    await restoreDatabase(target.database, sourceOf(file));
    expect(await snapshot(target.database)).toEqual(await snapshot(source.database));
    expect(await searchNames(target.database.db, '公司')).toEqual(
      await searchNames(source.database.db, '公司'),
    );
  });

  it('SQLite online backup to FILE.db, restored like a portable backup', async () => {
    const source = await seeded('sqlite');
    opened.push(source);
    const file = tempFile('online.db');
    const summary = await backupDatabase(source.database, file);
    expect(summary.kind).toBe('sqlite-file');
    const target = await createTestDatabase(dialects.includes('postgres') ? 'postgres' : 'sqlite');
    opened.push(target);
    await restoreDatabase(target.database, sourceOf(file));
    expect(await snapshot(target.database)).toEqual(await snapshot(source.database));
  });
});
