import {
  pageOf,
  Review,
  ReviewCreate,
  ReviewDue,
  ReviewDueQuery,
  ReviewEvidence,
  ReviewListQuery,
  ReviewPatch,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, problemResponses } from '../../http/common.js';
import { crudRoutes } from '../../http/crud-routes.js';
import type { ReviewService } from './review.service.js';

const tags = ['reviews'];

export const reviewRoutes =
  (service: ReviewService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reviews/due',
      {
        schema: {
          tags,
          summary:
            'Active relationships whose next review date has come (or comes within withinDays) with no planned review',
          querystring: ReviewDueQuery,
          response: { 200: pageOf(ReviewDue), ...problemResponses },
        },
      },
      (request) => service.due(request.actor, request.query),
    );

    app.get(
      '/reviews/:id/evidence',
      {
        schema: {
          tags,
          summary:
            "A relationship review's evidence pack for its period: interactions, health, checklist, exceptions, surveys",
          params: IdParams,
          response: { 200: ReviewEvidence, ...problemResponses },
        },
      },
      (request) => service.evidence(request.actor, request.params.id),
    );

    await app.register(
      crudRoutes(
        '/reviews',
        tags[0] as string,
        { record: Review, create: ReviewCreate, patch: ReviewPatch, query: ReviewListQuery },
        service,
      ),
    );
  };
