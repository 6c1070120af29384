import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { type Database, ping } from '../../db/database.js';
import { pendingMigrations } from '../../db/migrate.js';
import { notFoundProblem, sendProblem } from '../../http/problem.js';
import { RAPPORT_VERSION } from '../../version.js';
import { registry } from './metrics.js';

const Readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  version: z.string(),
  database: z.enum(['ok', 'unavailable']),
  migrations: z.object({ pending: z.array(z.string()) }),
  detail: z.string().optional(),
});

/**
 * `GET /api/v1/ready`: 200 when the database answers and every migration of this version has run; else 503
 * saying which (a load balancer sends traffic only to ready instances). No sign-in, like /health.
 */
export const readinessRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/ready',
    {
      schema: {
        tags: ['health'],
        security: [],
        summary: '200 when the database answers and no migration is pending; 503 with what is wrong',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (request, reply) => {
      try {
        await ping(database.db);
      } catch (error) {
        request.log.error({ err: error }, 'readiness: the database does not answer');
        return reply.status(503).send({
          status: 'not_ready' as const,
          version: RAPPORT_VERSION,
          database: 'unavailable' as const,
          migrations: { pending: [] },
          detail: 'The database does not answer',
        });
      }
      try {
        const pending = await pendingMigrations(database);
        if (pending.length === 0)
          return {
            status: 'ready' as const,
            version: RAPPORT_VERSION,
            database: 'ok' as const,
            migrations: { pending },
          };
        return reply.status(503).send({
          status: 'not_ready' as const,
          version: RAPPORT_VERSION,
          database: 'ok' as const,
          migrations: { pending },
          detail: 'Migrations are pending: run `rapport migrate` (or restart, which migrates)',
        });
      } catch (error) {
        request.log.error({ err: error }, 'readiness: the migrations cannot be read');
        return reply.status(503).send({
          status: 'not_ready' as const,
          version: RAPPORT_VERSION,
          database: 'ok' as const,
          migrations: { pending: [] },
          detail: `The migrations cannot be read: ${(error as Error).message}`,
        });
      }
    },
  );
};

const digest = (value: string) => createHash('sha256').update(value).digest();

/** `GET /metrics` in Prometheus' text format, behind `Authorization: Bearer $RAPPORT_METRICS_TOKEN`; 404 when unset. */
export function registerMetricsRoute(app: FastifyInstance, config: Config): void {
  const expected = config.metricsToken ? digest(config.metricsToken) : null;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!expected) return notFoundProblem(reply, request.url);
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || !timingSafeEqual(digest(token.trim()), expected)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(reply, {
        type: 'https://rapport.dev/problems/unauthenticated',
        title: 'Sign in first',
        status: 401,
        detail: 'GET /metrics needs Authorization: Bearer <RAPPORT_METRICS_TOKEN>',
      });
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
