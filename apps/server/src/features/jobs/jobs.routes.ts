import { Job, JobListQuery, pageOf } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/common.js';
import type { JobService } from './jobs.service.js';

export const jobRoutes: FastifyPluginAsyncZod<{ jobs: JobService }> = async (app, { jobs }) => {
  app.get(
    '/admin/jobs',
    {
      schema: {
        tags: ['operations'],
        summary:
          'Background jobs (e-mails, scans, deliveries), newest first; ?status=failed for those given up',
        querystring: JobListQuery,
        response: { 200: pageOf(Job), ...problemResponses },
      },
    },
    (request) => jobs.list(request.actor, request.query),
  );
};
