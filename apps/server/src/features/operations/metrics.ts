import type pg from 'pg';
import client from 'prom-client';

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
