import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL of this run (global-setup.ts), or null when RAPPORT_TEST_POSTGRES_URL=off. */
    testPostgresUrl: string | null;
  }
}

/** The PostgreSQL the tests use, or null when RAPPORT_TEST_POSTGRES_URL=off asks for SQLite only. */
export function testPostgresUrl(): string | null {
  return inject('testPostgresUrl');
}
