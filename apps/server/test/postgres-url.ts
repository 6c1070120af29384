export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The PostgreSQL the tests use, or null when RAPPORT_TEST_POSTGRES_URL=off asks for SQLite only. */
export function testPostgresUrl(): string | null {
  const value = process.env.RAPPORT_TEST_POSTGRES_URL;
  if (value === 'off') return null;
  return value || DEFAULT_TEST_POSTGRES_URL;
}
