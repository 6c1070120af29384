import {
  Assessment,
  PageQuery,
  pageOf,
  Stakeholder,
  StakeholderCreate,
  StakeholderListQuery,
  StakeholderPatch,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IfMatchHeaders, problemResponses, VersionBody } from '../../http/common.js';
import { expectedVersion } from '../../shared/version.js';
import type { StakeholderService } from './stakeholder.service.js';

const tags = ['stakeholders'];

export const stakeholderRoutes: FastifyPluginAsyncZod<{ stakeholders: StakeholderService }> = async (
  app,
  { stakeholders },
) => {
  app.get(
    '/stakeholders',
    {
      schema: {
        tags,
        summary: 'List stakeholders with search, filters, sort and cursor pagination',
        querystring: StakeholderListQuery,
        response: { 200: pageOf(Stakeholder), ...problemResponses },
      },
    },
    (request) => stakeholders.list(request.actor, request.query),
  );

  app.post(
    '/stakeholders',
    {
      schema: {
        tags,
        summary: 'Create a stakeholder; its first assessment is recorded',
        body: StakeholderCreate,
        response: { 201: Stakeholder, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await stakeholders.create(request.actor, request.body);
      return reply.status(201).header('location', `/api/v1/stakeholders/${created.id}`).send(created);
    },
  );

  app.get(
    '/stakeholders/:id',
    { schema: { tags, params: IdParams, response: { 200: Stakeholder, ...problemResponses } } },
    (request) => stakeholders.get(request.actor, request.params.id),
  );

  app.patch(
    '/stakeholders/:id',
    {
      schema: {
        tags,
        summary: 'Change a stakeholder; a change of position is recorded as an assessment',
        params: IdParams,
        headers: IfMatchHeaders,
        body: StakeholderPatch,
        response: { 200: Stakeholder, ...problemResponses },
      },
    },
    (request) =>
      stakeholders.update(
        request.actor,
        request.params.id,
        expectedVersion(request.headers['if-match'], request.body.version),
        request.body,
      ),
  );

  app.delete(
    '/stakeholders/:id',
    {
      schema: {
        tags,
        summary: 'Archive a stakeholder (it stays readable, with archivedAt set)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: VersionBody,
        response: { 200: Stakeholder, ...problemResponses },
      },
    },
    (request) =>
      stakeholders.archive(
        request.actor,
        request.params.id,
        expectedVersion(request.headers['if-match'], request.body?.version),
      ),
  );

  app.post(
    '/stakeholders/:id/restore',
    {
      schema: {
        tags,
        summary: 'Bring an archived stakeholder back',
        params: IdParams,
        headers: IfMatchHeaders,
        body: VersionBody,
        response: { 200: Stakeholder, ...problemResponses },
      },
    },
    (request) =>
      stakeholders.restore(
        request.actor,
        request.params.id,
        expectedVersion(request.headers['if-match'], request.body?.version),
      ),
  );

  app.get(
    '/stakeholders/:id/assessments',
    {
      schema: {
        tags,
        summary: 'The assessment history of a stakeholder, newest first',
        params: IdParams,
        querystring: z.strictObject({ limit: PageQuery.limit, cursor: PageQuery.cursor }),
        response: { 200: pageOf(Assessment), ...problemResponses },
      },
    },
    (request) => stakeholders.assessments(request.actor, request.params.id, request.query),
  );
};
