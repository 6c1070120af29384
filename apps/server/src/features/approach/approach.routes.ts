import { ApproachOverview } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/common.js';
import type { ApproachService } from './approach.service.js';

export const approachRoutes =
  (service: ApproachService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/approach/overview',
      {
        schema: {
          tags: ['approach'],
          summary: 'The five activities of managing a common approach, with their records and what is due',
          response: { 200: ApproachOverview, ...problemResponses },
        },
      },
      (request) => service.overview(request.actor),
    );
  };
