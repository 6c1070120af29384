import { Readable } from 'node:stream';
import { StakeholderListQuery } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePermission } from '../auth/actor.js';
import type { ExportService } from './export.service.js';

const ExportQuery = StakeholderListQuery.omit({ limit: true, cursor: true, count: true });

export const exportRoutes: FastifyPluginAsyncZod<{ exports: ExportService }> = async (app, { exports }) => {
  app.get(
    '/stakeholders/export',
    {
      schema: {
        tags: ['stakeholders'],
        summary: 'The filtered, sorted list as CSV (UTF-8 with BOM), streamed',
        querystring: ExportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      // Checked before the stream starts, so a refusal is still a proper 401/403 answer.
      requirePermission(request.actor, 'stakeholders.read');
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="stakeholders-${day}.csv"`)
        .send(Readable.from(exports.stakeholdersCsv(request.actor, request.query)));
    },
  );
};
