import { pageOf, User, UserCreate, UserListQuery, UserPatch } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, IfMatchHeaders, problemResponses } from '../../http/common.js';
import { expectedVersion } from '../../shared/version.js';
import type { UserService } from './user.service.js';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod<{ users: UserService }> = async (app, { users }) => {
  app.get(
    '/users',
    { schema: { tags, querystring: UserListQuery, response: { 200: pageOf(User), ...problemResponses } } },
    (request) => users.list(request.actor, request.query),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (administrators only)',
        body: UserCreate,
        response: { 201: User, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await users.create(request.actor, request.body);
      return reply.status(201).header('location', `/api/v1/users/${created.id}`).send(created);
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags, params: IdParams, response: { 200: User, ...problemResponses } } },
    (request) => users.get(request.actor, request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user: role, competencies, language, password, deactivation (administrators only)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UserPatch,
        response: { 200: User, ...problemResponses },
      },
    },
    (request) =>
      users.update(
        request.actor,
        request.params.id,
        expectedVersion(request.headers['if-match'], request.body.version),
        request.body,
      ),
  );
};
