import { DuplicateList, DuplicateQuery, MergeRequest, Stakeholder } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, problemResponses } from '../../http/common.js';
import type { DuplicateService } from './duplicate.service.js';

const tags = ['stakeholders'];

export const duplicateRoutes: FastifyPluginAsyncZod<{ duplicates: DuplicateService }> = async (
  app,
  { duplicates },
) => {
  app.get(
    '/stakeholders/duplicates',
    {
      schema: {
        tags,
        summary:
          'Likely duplicates: active stakeholders that share an e-mail or a name (case, spacing, word order and legal form aside)',
        querystring: DuplicateQuery,
        response: { 200: DuplicateList, ...problemResponses },
      },
    },
    (request) => duplicates.list(request.actor, request.query.limit),
  );

  app.post(
    '/stakeholders/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge a duplicate into this stakeholder: assessments, links, memberships and children move; the duplicate is archived',
        params: IdParams,
        body: MergeRequest,
        response: { 200: Stakeholder, ...problemResponses },
      },
    },
    (request) => duplicates.merge(request.actor, request.params.id, request.body),
  );
};
