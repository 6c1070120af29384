import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/** One year, subdomains included: the usual HSTS policy (RFC 6797) for a site served only over https. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Rapport is served over https when its public URL is https, or when this request came over TLS — directly,
 * or through a proxy trusted with RAPPORT_TRUST_PROXY=true (Fastify then reads X-Forwarded-Proto).
 */
export function servedOverHttps(config: Config, request: FastifyRequest): boolean {
  return config.publicUrl.startsWith('https:') || request.protocol === 'https';
}

/** RAPPORT_SECURE_COOKIES=auto (the default) follows the transport; true/false are explicit overrides. */
export function secureCookie(config: Config, request: FastifyRequest): boolean {
  return config.secureCookies === 'auto' ? servedOverHttps(config, request) : config.secureCookies;
}

/** Strict-Transport-Security exactly on answers served over https (a browser ignores it over http anyway). */
export function registerTransportSecurity(app: FastifyInstance, config: Config): void {
  app.addHook('onRequest', async (request, reply) => {
    if (servedOverHttps(config, request)) reply.header('strict-transport-security', HSTS);
  });
}
