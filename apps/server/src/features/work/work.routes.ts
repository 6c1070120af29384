import { MyWork } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/common.js';
import type { WorkService } from './work.service.js';

export const workRoutes =
  (service: WorkService): FastifyPluginAsyncZod =>
  async (app) => {
    const serialised = new WeakMap<MyWork, string>();

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
      async (request, reply) => {
        const work = await service.mine(request.actor);
        // Built from typed records and sent as it is, not re-validated on the way out (hundreds of items); work
        // kept by the service is the same object again, so its text is kept beside it.
        let body = serialised.get(work);
        if (body === undefined) {
          body = JSON.stringify(work);
          serialised.set(work, body);
        }
        return reply.type('application/json; charset=utf-8').send(body as unknown as MyWork);
      },
    );
  };
