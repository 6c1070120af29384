import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  probePostgres,
  redact,
  resolveTestPostgres,
  shareExtensions,
} from '../../../scripts/test-postgres.mjs';

/**
 * Chooses the run's PostgreSQL (the machine's, the one RAPPORT_TEST_POSTGRES_URL names, or one started for the
 * run), says which, and fails the run at once when it does not answer: its tests never skip silently.
 */
export default async function setup(project: TestProject) {
  const postgres = await resolveTestPostgres();
  console.log(`\nPostgreSQL for the database tests: ${postgres.description}\n`);
  if (postgres.url) {
    const probe = await probePostgres(postgres.url);
    if (probe.state !== 'ok') {
      await postgres.stop();
      throw new Error(
        `PostgreSQL does not answer at ${redact(postgres.url)} (${probe.detail}). Start it, point ` +
          'RAPPORT_TEST_POSTGRES_URL at one, set it to embedded (the tests start their own) or to off (SQLite only).',
      );
    }
    await shareExtensions(postgres.url);
  } else {
    console.warn('⚠ RAPPORT_TEST_POSTGRES_URL=off: database tests run on SQLite only.\n');
  }
  const runId = randomBytes(4).toString('hex');
  project.provide('testPostgresUrl', postgres.url);
  project.provide('testRunId', runId);
  return async () => {
    if (postgres.url) await dropRunSchemas(postgres.url, runId);
    await postgres.stop();
  };
}

/** Drops the schemas this run made (testSchemaName), once no test uses them any more. */
async function dropRunSchemas(url: string, runId: string) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      'select nspname as name from pg_namespace where nspname like $1',
      [`rapport_test_${runId}_%`],
    );
    for (const { name } of rows) await client.query(`drop schema "${name}" cascade`);
  } finally {
    await client.end().catch(() => {});
  }
}
