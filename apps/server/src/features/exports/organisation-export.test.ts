import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import type { Database, Dialect } from '../../db/database.js';
import { migrateTo, migrationNames } from '../../db/migrate.js';
import { seedDemo } from '../demo/demo.seed.js';
import { BackupError } from '../operations/backup-format.js';
import { readCatalog } from '../operations/catalog.js';
import { exportOrganisationToFile, importOrganisation } from './organisation-export.js';
import { isOrganisationTable, LEFT_OUT_TABLES } from './organisation-tables.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-export-test-'));
let fileCounter = 0;
const tempFile = (name: string) => path.join(dir, `${++fileCounter}-${name}`);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface ExportDocument {
  format: string;
  formatVersion: number;
  schema: string;
  exportedAt: string;
  tables: Record<string, { columns: string[]; rows: unknown[][] }>;
  counts: Record<string, number>;
  sha256: string;
}

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as ExportDocument;

/** Each table's rows as sorted JSON objects: the dialects order text keys differently. */
function rowsOf(document: ExportDocument): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(document.tables).map(([name, { columns, rows }]) => [
      name,
      rows.map((row) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, row[i]]).sort()))).sort(),
    ]),
  );
}

/** The database's own rows of every organisation table, in the same form. */
async function databaseRows(database: Database): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await readCatalog(database.db, database.dialect, database.schema)) {
    if (!isOrganisationTable(table.name)) continue;
    // biome-ignore lint/suspicious/noExplicitAny: every table the catalog lists
    const rows = await (database.db as Kysely<any>).selectFrom(table.name).selectAll().execute();
    result[table.name] = rows
      .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).sort())))
      .sort();
  }
  return result;
}

async function totalRows(database: Database): Promise<number> {
  let total = 0;
  for (const table of await readCatalog(database.db, database.dialect, database.schema)) {
    // biome-ignore lint/suspicious/noExplicitAny: every table the catalog lists
    const row = await (database.db as Kysely<any>)
      .selectFrom(table.name)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
}

const otherThan = (dialect: Dialect): Dialect => {
  const other: Dialect = dialect === 'sqlite' ? 'postgres' : 'sqlite';
  return dialects.includes(other) ? other : dialect;
};

describe.each(dialects)('organisation export from %s', (dialect) => {
  let h: Harness;
  let file: string;
  let exported: ExportDocument;
  const targets: TestDatabase[] = [];
  const target = async (which: Dialect) => {
    const created = await createTestDatabase(which);
    targets.push(created);
    return created;
  };

  beforeAll(async () => {
    h = await createHarness(dialect, { RAPPORT_JOBS: 'off' });
    expect(await seedDemo(h.test.database.db)).toMatch(/^Loaded/);
    const token = await h.admin.request({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'export test' },
    });
    expect(token.statusCode).toBe(201);
    const response = await h.admin.request({ method: 'GET', url: '/api/v1/admin/export' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="rapport-export-.*\.json"$/,
    );
    file = tempFile('export.json');
    fs.writeFileSync(file, response.rawPayload);
    exported = read(file);
  });
  afterAll(async () => {
    await h.close();
    for (const created of targets) await created.drop().catch(() => {});
  });

  it('is one JSON document: format, schema, time, every organisation table, counts and a checksum', async () => {
    expect(exported).toMatchObject({
      format: 'rapport-export',
      formatVersion: 1,
      schema: migrationNames().at(-1),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Date.parse(exported.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
    const names = Object.keys(exported.tables);
    expect(names).toEqual(
      expect.arrayContaining(['users', 'stakeholders', 'relationships', 'interactions', 'audit_log']),
    );
    for (const left of [
      'sessions',
      'api_tokens',
      'calendar_feeds',
      'jobs',
      'scheduled_runs',
      'webhooks',
      'notifications',
    ])
      expect(names).not.toContain(left);
    // Referenced tables first, as the import writes them.
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('stakeholders'));
    for (const [name, table] of Object.entries(exported.tables))
      expect(exported.counts[name]).toBe(table.rows.length);
    // The file holds exactly the database's rows.
    expect(rowsOf(exported)).toEqual(await databaseRows(h.test.database));
    expect(exported.tables.stakeholders?.rows.length).toBeGreaterThan(10);
    // Who took a copy of everything is in the audit log.
    const audit = await h.admin.request({ method: 'GET', url: '/api/v1/audit-log?entity=organisation' });
    expect(audit.json().data).toEqual([
      expect.objectContaining({ action: 'export', entityId: 'all', actorId: h.admin.user.id }),
    ]);
  });

  it('is for administrators only', async () => {
    const manager = await h.userWith('relationship_manager');
    const refused = await manager.request({ method: 'GET', url: '/api/v1/admin/export' });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/admin/export' })).statusCode).toBe(401);
  });

  it('no kept table refers to a table left out, so an import never misses a parent', async () => {
    for (const table of await readCatalog(h.test.database.db, dialect, h.test.database.schema)) {
      if (!isOrganisationTable(table.name)) continue;
      for (const key of table.foreignKeys)
        expect(isOrganisationTable(key.table), `${table.name} → ${key.table}`).toBe(true);
    }
    expect(Object.keys(LEFT_OUT_TABLES).every((name) => !isOrganisationTable(name))).toBe(true);
  });

  it(`imports into an empty ${otherThan(dialect)} instance and back, row for row`, async () => {
    const there = await target(otherThan(dialect));
    const progress: string[] = [];
    const summary = await importOrganisation(there.database, file, (line) => progress.push(line));
    expect(summary.rows).toBe(Object.values(exported.counts).reduce((a, b) => a + b, 0));
    expect(progress).toContain(`read stakeholders: ${exported.counts.stakeholders} rows`);
    expect(await databaseRows(there.database)).toEqual(rowsOf(exported));
    const again = tempFile('again.json');
    await exportOrganisationToFile(there.database, again);
    expect(fs.existsSync(`${again}.partial`)).toBe(false);
    expect(rowsOf(read(again))).toEqual(rowsOf(exported));

    const back = await target(dialect);
    await importOrganisation(back.database, again);
    const third = tempFile('third.json');
    await exportOrganisationToFile(back.database, third);
    expect(rowsOf(read(third))).toEqual(rowsOf(exported));
    // Users keep their passwords: the administrator signs in on the imported data.
    expect(read(third).tables.users?.rows.length).toBe(exported.tables.users?.rows.length);
  });

  it('refuses an instance holding data, a newer schema or format, a cut or changed file — writing nothing', async () => {
    const before = await totalRows(h.test.database);
    await expect(importOrganisation(h.test.database, file)).rejects.toThrow(/already holds data/);
    expect(await totalRows(h.test.database)).toBe(before);

    const text = fs.readFileSync(file, 'utf8');
    const write = (name: string, content: string) => {
      const out = tempFile(name);
      fs.writeFileSync(out, content);
      return out;
    };
    const cases: [string, RegExp][] = [
      [
        write('newer.json', text.replace(exported.schema, '29991231000000_from_the_future')),
        /newer version of Rapport.*29991231000000_from_the_future/,
      ],
      [
        write('format.json', text.replace('"formatVersion":1', '"formatVersion":2')),
        /newer version of Rapport \(export format 2/,
      ],
      [write('cut.json', text.slice(0, Math.floor(text.length / 2))), /damaged or incomplete/],
      [write('no-end.json', text.slice(0, text.lastIndexOf(',"counts"'))), /damaged or incomplete/],
      [write('changed.json', text.replace('"Ada Admin"', '"Ada Admiral"')), /checksum does not match/],
      [write('not-json.json', 'hello'), /not a Rapport export/],
      [write('other.json', '{"format":"something-else","tables":{}}'), /not a Rapport export/],
      [write('empty.json', ''), /empty|not a Rapport export/],
      [tempFile('missing.json'), /No export file/],
    ];
    expect(text).toContain('"Ada Admin"');
    const empty = await target(dialect);
    // A new instance may hold rows a migration wrote (reference data); none of them may change.
    const fresh = await totalRows(empty.database);
    for (const [bad, message] of cases) {
      const error = await importOrganisation(empty.database, bad).catch((e: unknown) => e);
      expect(error, bad).toBeInstanceOf(BackupError);
      expect((error as Error).message, bad).toMatch(message);
      expect(await totalRows(empty.database), bad).toBe(fresh);
    }
  });

  it('imports into an instance whose only rows are per-instance state, clearing it', async () => {
    const fresh = await target(dialect);
    await fresh.database.db
      .insertInto('scheduled_runs')
      .values({
        name: 'notifications.due-scan',
        period_key: '2026-11-27T10',
        instance: 'x',
        created_at: '2026-11-27T10:00:00.000Z',
      })
      .execute();
    await importOrganisation(fresh.database, file);
    expect(await fresh.database.db.selectFrom('scheduled_runs').selectAll().execute()).toEqual([]);
    expect(await databaseRows(fresh.database)).toEqual(rowsOf(exported));
  });
});

describe.each(dialects)('an export from an older version on %s', (dialect) => {
  it('is imported at its own migration level, then migrated to this version', async () => {
    const source = await createTestDatabase(dialect);
    const target = await createTestDatabase(dialect);
    try {
      const older = '20261127220000_relationship_reviews';
      await migrateTo(source.database, older);
      const at = '2026-11-01T09:00:00.000Z';
      await source.database.db
        .insertInto('users')
        .values({
          id: '01900000-0000-7000-8000-000000000001',
          email: 'old@example.com',
          name: 'Old Timer',
          sort_name: 'old timer',
          role: 'administrator',
          locale: 'en',
          competencies: '[]',
          password_hash: null,
          deactivated_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        } as never)
        .execute();
      const file = tempFile('older.json');
      await exportOrganisationToFile(source.database, file);
      expect(read(file).schema).toBe(older);

      const summary = await importOrganisation(target.database, file);
      expect(summary.migratedAfter).toEqual(migrationNames().filter((name) => name > older));
      const user = await target.database.db
        .selectFrom('users')
        .select(['email', 'digest'])
        .executeTakeFirstOrThrow();
      // A column added by a later migration has its default.
      expect(user).toEqual({ email: 'old@example.com', digest: 'immediate' });
    } finally {
      await source.drop();
      await target.drop();
    }
  });
});
