import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/common.js';
import type { DemoService } from './demo.service.js';

const DemoStatus = z.object({
  loaded: z.boolean(),
  organisationEmpty: z.boolean().optional(),
  summary: z.string().optional(),
  removed: z.number().int().optional(),
});

/** `/admin/demo`: whether the demo is loaded, load it (all or nothing), remove it as a whole. Administrators. */
export const demoRoutes =
  (demo: DemoService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/admin/demo',
      {
        schema: {
          tags: ['operations'],
          summary: 'Whether the demo organisation is loaded, and whether the organisation is still empty',
          response: { 200: DemoStatus, ...problemResponses },
        },
      },
      (request) => demo.status(request.actor),
    );
    app.post(
      '/admin/demo',
      {
        schema: {
          tags: ['operations'],
          summary: 'Load the demo organisation: all of it, or nothing (409 when it is loaded already)',
          response: { 201: DemoStatus, ...problemResponses },
        },
      },
      async (request, reply) => reply.status(201).send(await demo.load(request.actor)),
    );
    app.delete(
      '/admin/demo',
      {
        schema: {
          tags: ['operations'],
          summary:
            "Remove every demo record as a whole; 409 naming the organisation's own records that refer to demo records",
          response: { 200: DemoStatus, ...problemResponses },
        },
      },
      (request) => demo.remove(request.actor),
    );
  };
