import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Actor } from '../features/auth/actor.js';
import type { AuthService } from '../features/auth/auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'rapport_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request's Origin (or its Referer's), serialised as URL does it: lower case, no default port. */
function originOf(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  const source = origin && origin !== 'null' ? origin : request.headers.referer;
  if (!source) return undefined;
  try {
    return new URL(source).origin;
  } catch {
    // Present but not a URL: refused below like any foreign origin.
    return 'null';
  }
}

/**
 * An endpoint anyone may reach says so in its OpenAPI schema with `security: []` (sign-in, setup, health,
 * the public survey page, calendar feeds), so the document and the server cannot disagree. A path no route
 * matches goes on to its 404, and the documentation pages (/api/docs) are public.
 */
function isPublic(request: FastifyRequest): boolean {
  if (request.routeOptions.url?.startsWith('/api/v1/') !== true) return true;
  const security = (request.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
  return Array.isArray(security) && security.length === 0;
}

/**
 * Finds who is acting (Bearer token or session cookie) and refuses cookie-signed writes that come from
 * another site: SameSite cookies already stop most cross-site requests, the Origin check stops the rest.
 * It runs on `onRequest`, before the body is parsed and validated, so an anonymous request to an endpoint
 * that is not public gets 401 and learns nothing about the endpoint's fields.
 */
export function registerAuthHook(app: FastifyInstance, auth: AuthService, config: Config): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        throw new AppError('unauthenticated', 'Authorization must be "Bearer <token>"');
      }
      request.actor = await auth.actorFromToken(token.trim());
      if (!request.actor) throw new AppError('unauthenticated', 'The API token is not valid or was revoked');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.actor = await auth.actorFromSession(cookie);
    if (!request.actor && !isPublic(request)) {
      throw new AppError('unauthenticated', cookie ? 'The session has ended; sign in again' : undefined);
    }
    if (SAFE_METHODS.has(request.method)) return;
    const origin = originOf(request);
    if (!cookie && origin === undefined) return;
    // Compared with where Rapport is published (config.origins), never with the request's own Host header.
    if (origin === undefined || !config.origins.includes(origin)) {
      throw new AppError(
        'forbidden',
        'Changes signed in by cookie must come from Rapport’s own pages (Origin check)',
      );
    }
  });
}
