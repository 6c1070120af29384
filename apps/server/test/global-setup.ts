import pg from 'pg';

/** Fails the run at once when PostgreSQL is asked for and does not answer: its tests never skip silently. */
export default async function setup() {
  const url = process.env.RAPPORT_TEST_POSTGRES_URL;
  if (!url) {
    console.warn(
      '\n⚠ RAPPORT_TEST_POSTGRES_URL is not set: database tests run on SQLite only. ' +
        'Set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run them on PostgreSQL too.\n',
    );
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`RAPPORT_TEST_POSTGRES_URL is set but PostgreSQL does not answer: ${String(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}
