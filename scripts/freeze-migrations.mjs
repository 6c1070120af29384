// Records the SHA-256 of every migration that is not yet recorded in apps/server/src/db/migrations/checksums.json.
// Run it when migrations land (`npm run migrations:freeze`); running it again changes nothing. It refuses, and
// writes nothing, when a recorded migration changed or went missing, or when a new one sorts before a recorded
// one (Kysely runs migrations by name and stops at one older than the last it ran).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../apps/server/src/db/migrations');
const checksumsFile = path.join(dir, 'checksums.json');

/** Line endings normalised, so a checkout that turns LF into CRLF does not look like an edit. */
const checksumOf = (file) =>
  createHash('sha256')
    .update(fs.readFileSync(path.join(dir, file), 'utf8').replaceAll('\r\n', '\n'))
    .digest('hex');

const files = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .sort();
const recorded = fs.existsSync(checksumsFile) ? JSON.parse(fs.readFileSync(checksumsFile, 'utf8')) : {};
const lastRecorded = Object.keys(recorded).sort().at(-1) ?? '';

const problems = [];
for (const [file, checksum] of Object.entries(recorded)) {
  if (!files.includes(file)) problems.push(`${file} has landed and is gone: bring it back unchanged`);
  else if (checksumOf(file) !== checksum)
    problems.push(`${file} changed after it landed: undo the change and make it a new migration`);
}
const added = files.filter((file) => !(file in recorded));
for (const file of added) {
  if (file < lastRecorded)
    problems.push(`${file} sorts before ${lastRecorded}, which has landed: give it a later timestamp`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}

const next = Object.fromEntries(
  [...Object.entries(recorded), ...added.map((file) => [file, checksumOf(file)])].sort(([a], [b]) =>
    a < b ? -1 : 1,
  ),
);
fs.writeFileSync(checksumsFile, `${JSON.stringify(next, null, 2)}\n`);
console.log(
  added.length === 0
    ? `Every migration was recorded already (${files.length}).`
    : `Recorded ${added.length} migration(s): ${added.join(', ')}.`,
);
