import { CalendarFeedCreated, CalendarFeedStatus, CalendarFeedToken, Problem } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/common.js';
import type { CalendarFeedService } from './calendar-feed.service.js';

/** Requests per minute per client address on the public feed (calendar apps fetch it about hourly). */
export const CALENDAR_FEED_LIMIT_PER_MINUTE = 30;

const tags = ['calendar feed'];

/** The signed-in user's feed: whether it exists, make or rotate it (URL answered once), revoke it. */
export const calendarFeedRoutes =
  (service: CalendarFeedService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me/calendar-feed',
      {
        schema: {
          tags,
          summary: 'Whether you have a calendar feed, and since when',
          response: { 200: CalendarFeedStatus, ...problemResponses },
        },
      },
      (request) => service.status(request.actor),
    );

    app.post(
      '/me/calendar-feed',
      {
        schema: {
          tags,
          summary:
            'Create your calendar feed, or rotate it: the URL is shown this once and the old one stops working',
          response: { 201: CalendarFeedCreated, ...problemResponses },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(request.actor)),
    );

    app.delete(
      '/me/calendar-feed',
      {
        schema: {
          tags,
          summary: 'Revoke your calendar feed: its URL answers 404 from now on',
          response: { 204: z.null(), ...problemResponses },
        },
      },
      async (request, reply) => {
        await service.revoke(request.actor);
        return reply.status(204).send(null);
      },
    );
  };

/**
 * The feed itself, for calendar apps: no session, the secret token in the path is the only key (its digest is
 * looked up), rate-limited per client address like the public survey routes.
 */
export const publicCalendarFeedRoutes =
  (service: CalendarFeedService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/calendar/:token.ics',
      {
        config: { rateLimit: { max: CALENDAR_FEED_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
        schema: {
          tags,
          security: [],
          summary:
            'The iCalendar feed of a user: reviews, contacts and follow-ups due (404 unknown or revoked)',
          params: CalendarFeedToken,
          produces: ['text/calendar'],
          // A string with a text/calendar type is sent as it is (Fastify serialises only JSON).
          response: { 200: z.string().describe('iCalendar (RFC 5545) text'), 404: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const body = await service.feed(request.params.token);
        return (
          reply
            .type('text/calendar; charset=utf-8')
            .header('content-disposition', 'inline; filename="rapport.ics"')
            // Personal data: shared caches must not keep it; calendar apps refetch on their own schedule.
            .header('cache-control', 'private, no-cache')
            .send(body)
        );
      },
    );
  };
