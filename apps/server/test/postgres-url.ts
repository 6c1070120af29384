import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL of this run (global-setup.ts), or null when RAPPORT_TEST_POSTGRES_URL=off. */
    testPostgresUrl: string | null;
    /** This run's id: its PostgreSQL schemas are named after it and dropped together when the run ends. */
    testRunId: string;
  }
}

/** The PostgreSQL the tests use, or null when RAPPORT_TEST_POSTGRES_URL=off asks for SQLite only. */
export function testPostgresUrl(): string | null {
  return inject('testPostgresUrl');
}

/**
 * A new PostgreSQL schema name of this run. Schemas are dropped together when the run ends (global-setup.ts),
 * not by each test: while one test dropped its schema, another one's migrator, listing every schema it may use
 * (Kysely's introspection calls has_schema_privilege on each), failed with "schema … does not exist".
 */
export function testSchemaName(): string {
  return `rapport_test_${inject('testRunId')}_${randomBytes(5).toString('hex')}`;
}
