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
  project.provide('testPostgresUrl', postgres.url);
  return () => postgres.stop();
}
