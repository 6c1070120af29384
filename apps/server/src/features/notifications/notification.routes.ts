import {
  Notification,
  NotificationIdParams,
  NotificationListQuery,
  NotificationSettings,
  NotificationSettingsUpdate,
  pageOf,
  ReadAllResult,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/common.js';
import { expectedVersion } from '../../shared/version.js';
import type { NotificationService } from './notification.service.js';

export const notificationRoutes: FastifyPluginAsyncZod<{ notifications: NotificationService }> = async (
  app,
  { notifications },
) => {
  app.get(
    '/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications in the app, newest first (?unread=true for unread only, ?count=true)',
        querystring: NotificationListQuery,
        response: { 200: pageOf(Notification), ...problemResponses },
      },
    },
    (request) => notifications.list(request.actor, request.query),
  );

  app.post(
    '/me/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of your notifications read',
        params: NotificationIdParams,
        response: { 200: Notification, ...problemResponses },
      },
    },
    (request) => notifications.read(request.actor, request.params.id),
  );

  app.post(
    '/me/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all your notifications read',
        response: { 200: ReadAllResult, ...problemResponses },
      },
    },
    (request) => notifications.readAll(request.actor),
  );

  app.get(
    '/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Which notifications you get, in the app and by e-mail, and whether e-mails come as a daily digest',
        response: { 200: NotificationSettings, ...problemResponses },
      },
    },
    async (request, reply) => {
      const settings = await notifications.settings(request.actor);
      reply.header('etag', `"${settings.version}"`);
      return settings;
    },
  );

  app.put(
    '/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Change your notification choices (If-Match or version; kinds left out keep their choice)',
        body: NotificationSettingsUpdate,
        headers: z.object({ 'if-match': z.string().optional() }),
        response: { 200: NotificationSettings, ...problemResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request.headers['if-match'], request.body.version);
      const settings = await notifications.updateSettings(request.actor, version, request.body);
      reply.header('etag', `"${settings.version}"`);
      return settings;
    },
  );
};
