import { sql } from 'kysely';
import type pg from 'pg';
import client from 'prom-client';
import type { Database } from '../../db/database.js';
import { sqliteFileSizes } from '../../db/wal.js';

/**
 * Rapport's Prometheus metrics, in a registry of its own (served at /metrics when RAPPORT_METRICS_TOKEN is set).
 * Features import the counter they need and increment it, e.g. `emails.inc({ outcome: 'sent' })`.
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'rapport_' });

const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Requests by method, route pattern (`/api/v1/stakeholders/:id`, never a raw URL) and status. */
export const httpRequests = new client.Counter({
  name: 'rapport_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new client.Histogram({
  name: 'rapport_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: durationBuckets,
  registers: [registry],
});

/** One run of a scheduled job: `schedulerRuns.inc({ job: 'health-history', outcome: 'ok' | 'failed' })`. */
export const schedulerRuns = new client.Counter({
  name: 'rapport_scheduler_runs_total',
  help: 'Scheduled job runs, by job and outcome (ok, failed)',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});

/** One webhook delivery attempt: `webhookDeliveries.inc({ outcome: 'delivered' | 'failed' | 'gave_up' })`. */
export const webhookDeliveries = new client.Counter({
  name: 'rapport_webhook_deliveries_total',
  help: 'Webhook delivery attempts, by outcome',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

/** One e-mail: `emails.inc({ outcome: 'sent' | 'failed' })`. */
export const emails = new client.Counter({
  name: 'rapport_emails_total',
  help: 'E-mails Rapport tried to send, by outcome',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const slowQueries = new client.Counter({
  name: 'rapport_db_slow_queries_total',
  help: 'Database queries slower than RAPPORT_SLOW_QUERY_MS',
  registers: [registry],
});

const pools = new Set<pg.Pool>();

/** PostgreSQL pool connections (total, idle, waiting clients), read at each scrape. */
new client.Gauge({
  name: 'rapport_db_pool_connections',
  help: 'PostgreSQL connection pool: total and idle connections, and clients waiting for one',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    if (pools.size === 0) return;
    let total = 0;
    let idle = 0;
    let waiting = 0;
    for (const pool of pools) {
      total += pool.totalCount;
      idle += pool.idleCount;
      waiting += pool.waitingCount;
    }
    this.set({ state: 'total' }, total);
    this.set({ state: 'idle' }, idle);
    this.set({ state: 'waiting' }, waiting);
  },
});

/** Counts the pool in the gauges until the returned function is called. */
export function watchPool(pool: pg.Pool): () => void {
  pools.add(pool);
  return () => pools.delete(pool);
}

const databases = new Set<Pick<Database, 'db' | 'dialect' | 'sqliteFile'>>();

/** How much disk the data takes: the SQLite file, or PostgreSQL's `pg_database_size`, read at each scrape. */
new client.Gauge({
  name: 'rapport_db_file_bytes',
  help: 'Size of the database: the SQLite file, or pg_database_size of the PostgreSQL database',
  registers: [registry],
  async collect() {
    this.reset();
    let total = 0;
    for (const database of databases) {
      if (database.dialect === 'sqlite' && database.sqliteFile) {
        total += sqliteFileSizes(database.sqliteFile).file;
      } else if (database.dialect === 'postgres') {
        const { rows } = await sql<{ bytes: number | string }>`
          select pg_database_size(current_database()) as bytes`.execute(database.db);
        total += Number(rows[0]?.bytes ?? 0);
      }
    }
    if (databases.size > 0) this.set(total);
  },
});

/** The SQLite WAL: after large writes it is checkpointed and emptied (db/wal.ts), so it should stay small. */
new client.Gauge({
  name: 'rapport_db_wal_bytes',
  help: 'Size of the SQLite write-ahead log (-wal file); 0 on PostgreSQL, which manages its own',
  registers: [registry],
  collect() {
    this.reset();
    let total = 0;
    let sqlite = false;
    for (const database of databases) {
      if (database.dialect !== 'sqlite' || !database.sqliteFile) continue;
      sqlite = true;
      total += sqliteFileSizes(database.sqliteFile).wal;
    }
    if (sqlite) this.set(total);
  },
});

/** Counts the database in the size gauges until the returned function is called. */
export function watchDatabase(database: Pick<Database, 'db' | 'dialect' | 'sqliteFile'>): () => void {
  databases.add(database);
  return () => databases.delete(database);
}
