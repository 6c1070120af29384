import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { httpDuration, httpRequests, slowQueries, watchDatabase, watchPool } from './metrics.js';

/** An incoming X-Request-Id is kept when it is short and plain (a proxy's or a client's id); else a UUID. */
const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  const incoming = Array.isArray(header) ? header[0] : header;
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

// Paths whose last part is a bearer secret (a survey link, a calendar feed): the token must not reach the logs.
const SECRET_PATHS = /(\/public\/surveys\/|\/calendar\/|^\/s\/)[^/?#]+/;

/** The request as Fastify logs it, with secret tokens in the path replaced. */
export function loggedRequest(request: {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: request.method,
    url: request.url.replace(SECRET_PATHS, '$1[secret]'),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The logger of the request being served (it carries the request id), for code that has no request at hand. */
const requestLogger = new AsyncLocalStorage<FastifyBaseLogger>();

/**
 * Request ids (echoed in `X-Request-Id`), per-route request metrics, the PostgreSQL pool gauges, and slow
 * queries logged at warn with the SQL text and duration — never the parameters, which may hold personal data.
 */
export function registerObservability(app: FastifyInstance, config: Config, database: Database): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    requestLogger.run(request.log, done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
  const unwatchDatabase = watchDatabase(database);
  app.addHook('onClose', async () => {
    unwatchDatabase();
  });
  if (database.pool) {
    const unwatch = watchPool(database.pool);
    app.addHook('onClose', async () => {
      unwatch();
    });
  }
  database.onSlowQuery(config.slowQueryMs, (query) => {
    slowQueries.inc();
    (requestLogger.getStore() ?? app.log).warn(
      { sql: query.sql, durationMs: query.durationMs, failed: query.failed },
      'slow query',
    );
  });
}
