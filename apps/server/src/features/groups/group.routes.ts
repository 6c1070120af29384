import {
  GroupMembersAdd,
  Id,
  MembershipQuery,
  Memberships,
  pageOf,
  StakeholderGroup,
  StakeholderGroupCreate,
  StakeholderGroupListQuery,
  StakeholderGroupPatch,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IfMatchHeaders, problemResponses, VersionBody } from '../../http/common.js';
import { expectedVersion } from '../../shared/version.js';
import type { GroupService } from './group.service.js';

const tags = ['stakeholder groups'];

export const groupRoutes: FastifyPluginAsyncZod<{ groups: GroupService }> = async (app, { groups }) => {
  app.get(
    '/stakeholder-groups',
    {
      schema: {
        tags,
        querystring: StakeholderGroupListQuery,
        response: { 200: pageOf(StakeholderGroup), ...problemResponses },
      },
    },
    (request) => groups.list(request.actor, request.query),
  );

  app.post(
    '/stakeholder-groups',
    {
      schema: {
        tags,
        body: StakeholderGroupCreate,
        response: { 201: StakeholderGroup, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await groups.create(request.actor, request.body);
      return reply.status(201).header('location', `/api/v1/stakeholder-groups/${created.id}`).send(created);
    },
  );

  app.get(
    '/stakeholder-groups/memberships',
    {
      schema: {
        tags,
        summary: 'The active groups of up to 200 stakeholders at once',
        querystring: MembershipQuery,
        response: { 200: Memberships, ...problemResponses },
      },
    },
    (request) => groups.memberships(request.actor, request.query.stakeholderId),
  );

  app.get(
    '/stakeholder-groups/:id',
    { schema: { tags, params: IdParams, response: { 200: StakeholderGroup, ...problemResponses } } },
    (request) => groups.get(request.actor, request.params.id),
  );

  app.patch(
    '/stakeholder-groups/:id',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeaders,
        body: StakeholderGroupPatch,
        response: { 200: StakeholderGroup, ...problemResponses },
      },
    },
    (request) =>
      groups.update(
        request.actor,
        request.params.id,
        expectedVersion(request.headers['if-match'], request.body.version),
        request.body,
      ),
  );

  app.delete(
    '/stakeholder-groups/:id',
    {
      schema: {
        tags,
        summary: 'Archive a group (members stay; it becomes read-only)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: VersionBody,
        response: { 200: StakeholderGroup, ...problemResponses },
      },
    },
    (request) =>
      groups.archive(
        request.actor,
        request.params.id,
        expectedVersion(request.headers['if-match'], request.body?.version),
      ),
  );

  app.post(
    '/stakeholder-groups/:id/restore',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeaders,
        body: VersionBody,
        response: { 200: StakeholderGroup, ...problemResponses },
      },
    },
    (request) =>
      groups.restore(
        request.actor,
        request.params.id,
        expectedVersion(request.headers['if-match'], request.body?.version),
      ),
  );

  app.post(
    '/stakeholder-groups/:id/members',
    {
      schema: {
        tags,
        summary: 'Add stakeholders by id, or every stakeholder a list filter finds',
        params: IdParams,
        body: GroupMembersAdd,
        response: { 200: z.object({ added: z.number().int() }), ...problemResponses },
      },
    },
    (request) => groups.addMembers(request.actor, request.params.id, request.body),
  );

  app.delete(
    '/stakeholder-groups/:id/members/:stakeholderId',
    {
      schema: {
        tags,
        params: z.object({ id: Id, stakeholderId: Id }),
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await groups.removeMember(request.actor, request.params.id, request.params.stakeholderId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/stakeholders/:id/groups',
    {
      schema: {
        tags,
        summary: 'The groups a stakeholder belongs to',
        params: IdParams,
        response: { 200: z.object({ data: z.array(StakeholderGroup) }), ...problemResponses },
      },
    },
    async (request) => ({ data: await groups.ofStakeholder(request.actor, request.params.id) }),
  );
};
