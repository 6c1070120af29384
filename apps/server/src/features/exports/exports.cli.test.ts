import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';

// The commands wrap organisation-export.ts and list-export.service.ts, whose tests run on both databases; this
// checks the wiring (arguments, progress on stderr, messages, exit codes) on SQLite files.
const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/rapport.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-exports-cli-'));
const urlOf = (name: string) => `sqlite:${path.join(dir, name)}`;
const rapport = (url: string, ...args: string[]) =>
  run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: url } });

async function userEmails(url: string): Promise<string[]> {
  const database = openDatabase(url);
  try {
    const rows = await database.db.selectFrom('users').select('email').orderBy('email').execute();
    return rows.map((row) => row.email);
  } finally {
    await database.close();
  }
}

describe('rapport export and rapport import all', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports a list as CSV with filters, all data as JSON, and imports it into an empty instance only', async () => {
    const source = urlOf('source.db');
    for (const [email, role] of [
      ['a@example.com', 'administrator'],
      ['c@example.com', 'contributor'],
    ] as const)
      await rapport(
        source,
        'user',
        'create',
        '--email',
        email,
        '--name',
        `=HYPERLINK("x") ${email}`,
        '--role',
        role,
        '--password',
        'a-long-password',
      );

    const csv = path.join(dir, 'users.csv');
    const listed = await rapport(source, 'export', 'users', csv, '--filter', 'role=contributor');
    expect(listed.stdout).toBe(`Exported 1 users rows to ${csv}.\n`);
    const [header, ...rows] = Papa.parse<string[]>(fs.readFileSync(csv, 'utf8'), {
      skipEmptyLines: true,
    }).data;
    expect(header?.slice(0, 3)).toEqual(['ID', 'Email', 'Name']);
    expect(rows.map((row) => [row[1], row[2]])).toEqual([
      ['c@example.com', `'=HYPERLINK("x") c@example.com`],
    ]);
    const badFilter = await rapport(source, 'export', 'users', csv, '--filter', 'colour=red').catch((e) => e);
    expect(badFilter.code).toBe(2);
    const unknown = await rapport(source, 'export', 'nothing', csv).catch((e) => e);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/export all, or one of relationships/);

    const file = path.join(dir, 'all.json');
    const exported = await rapport(source, 'export', 'all', file);
    expect(exported.stdout).toBe(`Exported the organisation's data to ${file}.\n`);
    expect(exported.stderr).toMatch(/^users: 2 rows$/m);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).format).toBe('rapport-export');

    const used = urlOf('used.db');
    await rapport(
      used,
      'user',
      'create',
      '--email',
      'b@example.com',
      '--name',
      'B',
      '--password',
      'a-long-password',
    );
    const refused = await rapport(used, 'import', 'all', file).catch((e) => e);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds data/);
    expect(await userEmails(used)).toEqual(['b@example.com']);

    // A new database (never migrated) and a migrated one both take it.
    for (const name of ['new.db', 'migrated.db']) {
      const target = urlOf(name);
      if (name === 'migrated.db') {
        const database = openDatabase(target);
        await migrateToLatest(database);
        await database.close();
      }
      const imported = await rapport(target, 'import', 'all', file);
      expect(imported.stdout).toMatch(/^Imported \d+ rows of \d+ tables from .*all\.json\. Users sign in/);
      expect(imported.stderr).toMatch(/^read users: 2 rows$/m);
      expect(imported.stderr).toMatch(/^wrote users: 2 rows$/m);
      expect(await userEmails(target)).toEqual(['a@example.com', 'c@example.com']);
    }
  }, 180_000);
});
