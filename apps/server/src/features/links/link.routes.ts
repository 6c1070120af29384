import {
  Network,
  NetworkQuery,
  pageOf,
  StakeholderLink,
  StakeholderLinkCreate,
  StakeholderLinkListQuery,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, problemResponses } from '../../http/common.js';
import type { LinkService } from './link.service.js';

const tags = ['stakeholder links'];

export const linkRoutes: FastifyPluginAsyncZod<{ links: LinkService }> = async (app, { links }) => {
  app.get(
    '/stakeholder-links',
    {
      schema: {
        tags,
        summary: 'The organisation’s links, or those from or to one stakeholder (`stakeholderId`)',
        querystring: StakeholderLinkListQuery,
        response: { 200: pageOf(StakeholderLink), ...problemResponses },
      },
    },
    (request) => links.list(request.actor, request.query),
  );

  app.post(
    '/stakeholder-links',
    {
      schema: { tags, body: StakeholderLinkCreate, response: { 201: StakeholderLink, ...problemResponses } },
    },
    async (request, reply) => {
      const created = await links.create(request.actor, request.body);
      return reply.status(201).header('location', `/api/v1/stakeholder-links/${created.id}`).send(created);
    },
  );

  app.delete(
    '/stakeholder-links/:id',
    { schema: { tags, params: IdParams, response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      await links.remove(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/stakeholders/:id/network',
    {
      schema: {
        tags,
        summary: 'The stakeholders within `depth` links of this one, and the links between them',
        params: IdParams,
        querystring: NetworkQuery,
        response: { 200: Network, ...problemResponses },
      },
    },
    (request) => links.networkOfStakeholder(request.actor, request.params.id, request.query),
  );

  app.get(
    '/stakeholder-groups/:id/network',
    {
      schema: {
        tags,
        summary: 'A group’s members and the stakeholders within `depth` links of them',
        params: IdParams,
        querystring: NetworkQuery,
        response: { 200: Network, ...problemResponses },
      },
    },
    (request) => links.networkOfGroup(request.actor, request.params.id, request.query),
  );
};
