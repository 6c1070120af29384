import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ping } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { sendProblem } from '../../http/problem.js';
import { RAPPORT_VERSION } from '../../version.js';

export const healthRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        security: [],
        summary: '200 when the database answers, 503 when it does not',
        response: {
          200: z.object({ status: z.literal('ok'), version: z.string().meta({ example: '0.1.0' }) }),
        },
      },
    },
    async (request, reply) => {
      try {
        await ping(db);
        return { status: 'ok' as const, version: RAPPORT_VERSION };
      } catch (error) {
        request.log.error({ err: error }, 'health check: the database does not answer');
        return sendProblem(reply, {
          type: 'https://rapport.dev/problems/unavailable',
          title: 'The database does not answer',
          status: 503,
        });
      }
    },
  );
};
