import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/database.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../bin/rapport.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'cli.db')}` };
const rapport = (...args: string[]) => run(process.execPath, [bin, ...args], { env });

describe('the rapport command', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says what is wrong with a user it cannot create, and creates nothing', async () => {
    const failed = await rapport('user', 'create', '--email', 'nope', '--name', 'X', '--role', 'king').catch(
      (error) => error,
    );
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('email');
    expect(failed.stderr).toContain('role');
  });

  it('refuses the demo without an administrator: exits non-zero, loads nothing', async () => {
    const failed = await rapport('demo').catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/administrator/);
    const database = openDatabase(env.DATABASE_URL);
    try {
      expect(await database.db.selectFrom('stakeholders').select('id').execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('prints its version, the one of package.json, with --version and -V', async () => {
    const { version } = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8'),
    );
    const [long, short] = await Promise.all([rapport('--version'), rapport('-V')]);
    expect(long.stdout.trim()).toBe(version);
    expect(short.stdout.trim()).toBe(version);
  });

  it('fails, exiting non-zero, on an unknown generated page or thing to import', async () => {
    const cases = [
      ['docs', 'nonsense'],
      ['import', 'nonsense', 'x.csv'],
    ];
    const results = await Promise.all(cases.map((args) => rapport(...args).catch((error) => error)));
    for (const [index, failed] of results.entries()) {
      expect(failed.code, cases[index]?.join(' ')).toBe(1);
      expect(failed.stderr, cases[index]?.join(' ')).toMatch(/nonsense|only stakeholders/);
    }
  });

  it('creates the first administrator, then loads the demo organisation', async () => {
    const created = await rapport(
      'user',
      'create',
      '--email',
      'cli@example.com',
      '--name',
      'CLI Admin',
      '--password',
      'a-long-password',
      '--competencies',
      'L,a',
    );
    expect(created.stdout).toMatch(/Created administrator cli@example.com/);
    const demo = await rapport('demo');
    expect(demo.stdout).toMatch(/^Loaded \d+ stakeholders/);

    const database = openDatabase(env.DATABASE_URL);
    try {
      const admin = await database.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'cli@example.com')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(admin.competencies)).toEqual(['L', 'A']);
      expect(admin.password_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await database.close();
    }
  });

  it('imports stakeholders from a CSV, all or nothing unless told to skip bad rows', async () => {
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(
      file,
      'Name,Category,Influence,Interest,Email\nCLI Acme,customer,4,4,a@acme.example\nBad,pirate,9,1,\n',
    );
    const refused = await rapport('import', 'stakeholders', file).catch((error) => error);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('row 2, influence');
    const imported = await rapport('import', 'stakeholders', file, '--mode', 'valid');
    expect(imported.stdout).toContain('1 created, 0 updated, 1 skipped');
    expect(imported.stderr).toContain('100%');
  });

  it('generates the same organisation from the same seed', async () => {
    const generated = await rapport('seed', '--scale', '300', '--seed', '7');
    expect(generated.stdout).toMatch(/^Generated 300 stakeholders, \d+ assessments, 3 groups/);
  });

  it('refuses to start with a broken configuration and lists each problem', async () => {
    const failed = await run(process.execPath, [bin, 'migrate'], {
      env: { ...env, PORT: 'x', DATABASE_URL: 'mysql://db' },
    }).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('PORT');
    expect(failed.stderr).toContain('DATABASE_URL');
  });
});
