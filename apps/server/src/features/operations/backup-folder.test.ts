import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { backupDatabase } from './backup.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-backup-folder-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(dialects)('a backup into a folder on %s', (dialect) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(dialect);
  });
  // Closing the database waits for every connection: a transaction left open would hold this hook until it fails.
  afterEach(() => test.drop());

  it('makes the folder when it does not exist yet', async () => {
    const file = path.join(dir, dialect, 'backups', 'not-yet', 'rapport.jsonl.gz');
    const summary = await backupDatabase(test.database, file);
    expect(summary.tables).toBeGreaterThan(10);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it('refuses at once when no folder can be made there, leaving nothing behind', async () => {
    const blocker = path.join(dir, `${dialect}-a-file`);
    fs.writeFileSync(blocker, 'not a folder');
    const file = path.join(blocker, 'rapport.jsonl.gz');
    await expect(backupDatabase(test.database, file)).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder');
  });
});

describe('a SQLite file copy into a folder', () => {
  it('makes the folder when it does not exist yet', async () => {
    const test = await createTestDatabase('sqlite');
    try {
      const file = path.join(dir, 'copies', 'not-yet', 'rapport.db');
      const summary = await backupDatabase(test.database, file);
      expect(summary.kind).toBe('sqlite-file');
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      await test.drop();
    }
  });
});
