import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { listCsv } from './list-export.service.js';
import { exportQueryOf, listExports } from './list-exports.js';

/**
 * `GET <list>/export` for every list in `listExports`, beside `GET /stakeholders/export`: the same filters and
 * sort as the list (without paging), the same permissions and redaction, streamed as CSV.
 */
export const listExportRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    for (const list of listExports) {
      app.get(
        `${list.path}/export`,
        {
          schema: {
            tags: ['exports'],
            summary: `The filtered, sorted ${list.name} list as CSV (UTF-8), streamed`,
            querystring: exportQueryOf(list),
            produces: ['text/csv'],
          },
        },
        async (request, reply) => {
          const lines = await listCsv(
            services,
            list,
            request.actor,
            request.query as Record<string, unknown>,
          );
          const day = new Date().toISOString().slice(0, 10);
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${list.name}-${day}.csv"`)
            .send(Readable.from(lines));
        },
      );
    }
  };
