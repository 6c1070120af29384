import pg from 'pg';
import { testPostgresUrl } from './postgres-url.js';

/** Fails the run at once when PostgreSQL does not answer: its tests never skip silently. */
export default async function setup() {
  const url = testPostgresUrl();
  if (!url) {
    console.warn('\n⚠ RAPPORT_TEST_POSTGRES_URL=off: database tests run on SQLite only.\n');
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${url.replace(/:[^:@/]*@/, ':***@')} (${String(error)}). ` +
        'Start it, point RAPPORT_TEST_POSTGRES_URL at one, or set RAPPORT_TEST_POSTGRES_URL=off for SQLite only.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
