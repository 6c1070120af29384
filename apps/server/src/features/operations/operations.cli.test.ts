import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';

// The commands are thin wrappers of backup.ts and restore.ts, whose tests run on both databases; this checks
// the wiring (arguments, progress on stderr, messages and exit codes) on SQLite files.
const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/rapport.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-ops-cli-'));
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

describe('rapport backup and rapport restore', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('backs up, refuses a non-empty target unless --force, refuses a damaged file, and restores', async () => {
    const source = urlOf('source.db');
    await rapport(
      source,
      'user',
      'create',
      '--email',
      'a@example.com',
      '--name',
      'A',
      '--password',
      'a-long-password',
    );
    const file = path.join(dir, 'backup.jsonl.gz');
    const backup = await rapport(source, 'backup', file);
    expect(backup.stdout).toMatch(/^Backed up \d+ rows of \d+ tables/);
    expect(backup.stderr).toMatch(/^users: 1 rows$/m);

    const target = urlOf('target.db');
    await rapport(
      target,
      'user',
      'create',
      '--email',
      'b@example.com',
      '--name',
      'B',
      '--password',
      'a-long-password',
    );
    const refused = await rapport(target, 'restore', file).catch((error) => error);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty.*--force/);
    expect(await userEmails(target)).toEqual(['b@example.com']);

    const damaged = path.join(dir, 'damaged.jsonl.gz');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(damaged, bytes.subarray(0, bytes.length - 8));
    const refusedDamaged = await rapport(target, 'restore', '--force', damaged).catch((error) => error);
    expect(refusedDamaged.code).toBe(1);
    expect(refusedDamaged.stderr).toMatch(/damaged or incomplete/);
    expect(await userEmails(target)).toEqual(['b@example.com']);

    const restored = await rapport(target, 'restore', '--force', file);
    expect(restored.stdout).toMatch(/^Restored \d+ rows of \d+ tables/);
    expect(await userEmails(target)).toEqual(['a@example.com']);

    const online = path.join(dir, 'online.db');
    await rapport(source, 'backup', online);
    const fresh = urlOf('fresh.db');
    await rapport(fresh, 'restore', online);
    expect(await userEmails(fresh)).toEqual(['a@example.com']);
  }, 120_000);
});
