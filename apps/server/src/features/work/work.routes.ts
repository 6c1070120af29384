import { MyWork } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/common.js';
import type { WorkService } from './work.service.js';

export const workRoutes =
  (service: WorkService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me/work',
      {
        schema: {
          tags: ['relationships'],
          summary:
            'My work: contacts and reviews due within a week, open follow-ups, activities of current steps',
          response: { 200: MyWork, ...problemResponses },
        },
      },
      (request) => service.mine(request.actor),
    );
  };
