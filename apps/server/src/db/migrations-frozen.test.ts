import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listedMigrationNames } from './migrate.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const recorded: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(dir, 'checksums.json'), 'utf8'),
);
const files = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .sort();
const checksumOf = (file: string) =>
  createHash('sha256')
    .update(fs.readFileSync(path.join(dir, file), 'utf8').replaceAll('\r\n', '\n'))
    .digest('hex');

/**
 * Landed migrations are frozen: a database that ran one never runs it again, so an edit would reach only new
 * databases. A change is a new migration; `npm run migrations:freeze` records new ones when they land.
 */
describe('landed migrations', () => {
  it.each(Object.keys(recorded))('%s is unchanged since it landed', (file) => {
    expect(files, `${file} has landed and must stay`).toContain(file);
    expect(checksumOf(file), `${file} changed after it landed: make the change a new migration`).toBe(
      recorded[file],
    );
  });

  it('are followed only by new migrations that sort after every one of them', () => {
    const lastRecorded = Object.keys(recorded).sort().at(-1) ?? '';
    const sortingEarlier = files.filter((file) => !(file in recorded) && file < lastRecorded);
    expect(sortingEarlier, `new migrations must sort after ${lastRecorded}`).toEqual([]);
  });

  it('are listed in migrate.ts in name order, one entry per file on disk', () => {
    const listed = listedMigrationNames();
    expect(listed).toEqual([...listed].sort());
    expect(listed.map((name) => `${name}.ts`)).toEqual(files);
  });
});
