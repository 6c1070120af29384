import { FirstAdmin, SetupState, User } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { SESSION_COOKIE } from '../../http/auth-hook.js';
import { problemResponses } from '../../http/common.js';
import { sessionCookieOptions } from '../auth/auth.routes.js';
import type { AuthService } from '../auth/auth.service.js';
import type { UserService } from '../users/user.service.js';

export const setupRoutes: FastifyPluginAsyncZod<{
  users: UserService;
  auth: AuthService;
  config: Config;
}> = async (app, { users, auth, config }) => {
  app.get(
    '/setup',
    {
      schema: {
        tags: ['setup'],
        security: [],
        summary: 'Whether Rapport still needs its first administrator',
        response: { 200: SetupState },
      },
    },
    async () => ({ needsFirstAdmin: await users.needsFirstAdmin() }),
  );

  app.post(
    '/setup',
    {
      config: { rateLimit: { max: config.signInLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['setup'],
        security: [],
        summary: 'Create the first administrator on an empty database, and sign them in',
        body: FirstAdmin,
        response: { 201: z.object({ user: User }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = await users.createFirstAdmin(request.body);
      const { cookieValue, expiresAt } = await auth.startSession(user.id);
      reply.setCookie(SESSION_COOKIE, cookieValue, sessionCookieOptions(config, request, expiresAt));
      return reply.status(201).send({ user });
    },
  );
};
