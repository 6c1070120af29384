import { isSqliteBusy } from './sqlite-writer.js';

// PostgreSQL: the server ended the session (pg_terminate_backend, a restart, a fail-over) or refuses connections.
const postgresGone = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
const socketGone = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
const pgClientGone = [/Connection terminated/i, /not queryable/i, /timeout exceeded when trying to connect/i];

/**
 * True when a query failed because the database could not be reached or was busy for too long, not because of
 * the request: the answer is 503 (try again), and the next request gets a fresh connection from the pool.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (isSqliteBusy(error)) return true;
  if (typeof code === 'string' && (postgresGone.has(code) || socketGone.has(code))) return true;
  return typeof message === 'string' && pgClientGone.some((pattern) => pattern.test(message));
}
