// Types for test-postgres.mjs, which runs as plain JavaScript before anything is compiled.
export declare const DEFAULT_TEST_POSTGRES_URL: string;
export declare function redact(url: string): string;
export interface PostgresProbe {
  state: 'ok' | 'absent' | 'unusable';
  detail?: string;
  code?: string;
}
export declare function probePostgres(url: string, timeoutMs?: number): Promise<PostgresProbe>;
export declare function fixFor(url: string, probe: PostgresProbe): string;
export declare function startEmbeddedPostgres(): Promise<{ url: string; stop(): Promise<void> }>;
export declare function resolveTestPostgres(): Promise<{
  url: string | null;
  description: string;
  stop(): Promise<void>;
}>;
/** Puts pg_trgm in `public`, where every test schema sees it. */
export function shareExtensions(url: string): Promise<void>;
