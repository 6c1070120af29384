import {
  FollowUp,
  FollowUpListQuery,
  FollowUpPatch,
  Interaction,
  InteractionCreate,
  InteractionListQuery,
  InteractionPatch,
  pageOf,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, IfMatchHeaders, problemResponses } from '../../http/common.js';
import { crudRoutes } from '../../http/crud-routes.js';
import { expectedVersion } from '../../shared/version.js';
import type { InteractionService } from './interaction.service.js';

export const interactionRoutes =
  (service: InteractionService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      crudRoutes(
        '/interactions',
        'interactions',
        {
          record: Interaction,
          create: InteractionCreate,
          patch: InteractionPatch,
          query: InteractionListQuery,
        },
        service,
      ),
    );

    app.get(
      '/follow-ups',
      {
        schema: {
          tags: ['interactions'],
          summary: 'Follow-up actions of interactions; ownerId=me for your own',
          querystring: FollowUpListQuery,
          response: { 200: pageOf(FollowUp), ...problemResponses },
        },
      },
      (request) => service.followUps(request.actor, request.query),
    );

    app.patch(
      '/follow-ups/:id',
      {
        schema: {
          tags: ['interactions'],
          summary: 'Mark a follow-up done (or not), or change its text, owner or due date',
          params: IdParams,
          headers: IfMatchHeaders,
          body: FollowUpPatch,
          response: { 200: FollowUp, ...problemResponses },
        },
      },
      (request) =>
        service.updateFollowUp(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match'], request.body.version),
          request.body,
        ),
    );
  };
