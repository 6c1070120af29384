import { EngagementMatrix, MapQuery, SalienceSummary, StakeholderFilter } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/common.js';
import type { AnalysisService } from './analysis.service.js';

const tags = ['stakeholder analysis'];

export const analysisRoutes: FastifyPluginAsyncZod<{ analysis: AnalysisService }> = async (
  app,
  { analysis },
) => {
  app.get(
    '/stakeholders/map',
    {
      schema: {
        tags,
        summary:
          'Every matching stakeholder’s position on the influence × interest map, today or as of a date',
        description:
          'Answers `{asOf, total, fields, rows}` where each row is an array in the order of `fields` ' +
          '(id, name, influence, interest, targetInfluence, targetInterest, category, quadrant). ' +
          'The body is not re-validated on the way out, so 100,000 points stay fast.',
        querystring: MapQuery,
      },
    },
    async (request, reply) => {
      const { etag, json } = await analysis.mapJson(request.actor, request.query);
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  app.get(
    '/stakeholders/salience',
    {
      schema: {
        tags,
        summary: 'How many stakeholders are in each salience class',
        querystring: StakeholderFilter,
        response: { 200: SalienceSummary, ...problemResponses },
      },
    },
    (request) => analysis.salience(request.actor, request.query),
  );

  app.get(
    '/stakeholders/engagement',
    {
      schema: {
        tags,
        summary: 'The engagement assessment matrix: how many stakeholders at each current × desired level',
        querystring: StakeholderFilter,
        response: { 200: EngagementMatrix, ...problemResponses },
      },
    },
    (request) => analysis.engagement(request.actor, request.query),
  );
};
