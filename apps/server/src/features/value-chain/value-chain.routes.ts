import {
  ValueChainContribution,
  ValueChainHeatMap,
  ValueChainParams,
  ValueChainPatch,
  ValueChainQuery,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IfMatchHeaders, problemResponses } from '../../http/common.js';
import { expectedVersion } from '../../shared/version.js';
import type { ValueChainService } from './value-chain.service.js';

export const valueChainRoutes =
  (service: ValueChainService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/value-chain',
      {
        schema: {
          tags: ['reports'],
          summary:
            "The practice's contribution to the six value-chain activities (guide figure 3.1), with the activity recorded in the period",
          querystring: ValueChainQuery,
          response: { 200: ValueChainHeatMap, ...problemResponses },
        },
      },
      (request) => service.heatMap(request.actor, request.query),
    );

    app.patch(
      '/value-chain/:activity',
      {
        schema: {
          tags: ['reports'],
          summary: 'Change the level of contribution to one value-chain activity (If-Match or version)',
          params: ValueChainParams,
          headers: IfMatchHeaders,
          body: ValueChainPatch,
          response: { 200: ValueChainContribution, ...problemResponses },
        },
      },
      async (request, reply) => {
        const version = expectedVersion(request.headers['if-match'], request.body.version);
        const updated = await service.update(request.actor, request.params.activity, version, request.body);
        reply.header('etag', `"${updated.version}"`);
        return updated;
      },
    );
  };
