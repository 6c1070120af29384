import { MePatch, SignIn, Token, TokenCreate, TokenCreated, User } from '@rapport/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { SESSION_COOKIE } from '../../http/auth-hook.js';
import { IdParams, problemResponses } from '../../http/common.js';
import { secureCookie } from '../../http/transport-security.js';
import type { AuthService } from './auth.service.js';

export const Me = User.extend({ permissions: z.array(z.string()) });
const SignedIn = z.object({ user: User });

export function sessionCookieOptions(config: Config, request: FastifyRequest, expiresAt: string) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: secureCookie(config, request),
    path: '/',
    expires: new Date(expiresAt),
  };
}

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; config: Config }> = async (
  app,
  { auth, config },
) => {
  app.post(
    '/session',
    {
      config: { rateLimit: { max: config.signInLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        security: [],
        summary: 'Sign in: sets an HttpOnly session cookie',
        body: SignIn,
        response: { 200: SignedIn, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { user, cookieValue, expiresAt } = await auth.signIn(request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, cookieValue, sessionCookieOptions(config, request, expiresAt));
      return { user };
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        tags: ['session'],
        security: [],
        summary: 'Sign out',
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await auth.signOut(request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/', secure: secureCookie(config, request) });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in user with role and permissions',
        response: { 200: Me, ...problemResponses },
      },
    },
    (request) => auth.me(request.actor),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['session'],
        summary: 'Change your own name, language or password',
        body: MePatch,
        response: { 200: Me, ...problemResponses },
      },
    },
    (request) => auth.updateMe(request.actor, request.body, request.cookies[SESSION_COOKIE]),
  );

  app.get(
    '/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Your API tokens (never the secret)',
        response: { 200: z.object({ data: z.array(Token) }), ...problemResponses },
      },
    },
    async (request) => ({ data: await auth.listTokens(request.actor) }),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the token is shown this once and stored hashed',
        body: TokenCreate,
        response: { 201: TokenCreated, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await auth.createToken(request.actor, request.body.name)),
  );

  app.delete(
    '/tokens/:id',
    { schema: { tags: ['tokens'], params: IdParams, response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      await auth.revokeToken(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
