import { AuditEntry, AuditListQuery, pageOf } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/common.js';
import type { AuditService } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Every change, newest first',
        querystring: AuditListQuery,
        response: { 200: pageOf(AuditEntry), ...problemResponses },
      },
    },
    (request) => audit.list(request.actor, request.query),
  );
};
