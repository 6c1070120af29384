import {
  pageOf,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookListQuery,
  WebhookPatch,
  WebhookWithSecret,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, IfMatchHeaders, problemResponses, VersionBody } from '../../http/common.js';
import { expectedVersion } from '../../shared/version.js';
import type { WebhookService } from './webhook.service.js';

const tags = ['webhooks'];
const path = '/webhooks';

/** SPEC §11 endpoints of webhooks, plus rotate-secret, deliveries, test and redeliver. */
export const webhookRoutes =
  (service: WebhookService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      path,
      {
        schema: {
          tags,
          querystring: WebhookListQuery,
          response: { 200: pageOf(Webhook), ...problemResponses },
        },
      },
      (request) => service.list(request.actor, request.query),
    );

    app.post(
      path,
      {
        schema: {
          tags,
          summary: 'Register a webhook; the answer shows its secret, once',
          body: WebhookCreate,
          response: { 201: WebhookWithSecret, ...problemResponses },
        },
      },
      async (request, reply) => {
        const created = await service.create(request.actor, request.body);
        return reply.status(201).header('location', `/api/v1${path}/${created.id}`).send(created);
      },
    );

    app.get(
      `${path}/:id`,
      { schema: { tags, params: IdParams, response: { 200: Webhook, ...problemResponses } } },
      (request) => service.get(request.actor, request.params.id),
    );

    app.patch(
      `${path}/:id`,
      {
        schema: {
          tags,
          params: IdParams,
          headers: IfMatchHeaders,
          body: WebhookPatch,
          response: { 200: Webhook, ...problemResponses },
        },
      },
      (request) =>
        service.update(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match'], request.body.version),
          request.body,
        ),
    );

    for (const [method, suffix, summary] of [
      ['delete', '', 'Archive (it stops receiving events; still readable by id)'],
      ['post', '/restore', 'Bring an archived webhook back'],
    ] as const) {
      app[method](
        `${path}/:id${suffix}`,
        {
          schema: {
            tags,
            summary,
            params: IdParams,
            headers: IfMatchHeaders,
            body: VersionBody,
            response: { 200: Webhook, ...problemResponses },
          },
        },
        (request) => {
          const version = expectedVersion(request.headers['if-match'], request.body?.version);
          return method === 'delete'
            ? service.archive(request.actor, request.params.id, version)
            : service.restore(request.actor, request.params.id, version);
        },
      );
    }

    app.post(
      `${path}/:id/rotate-secret`,
      {
        schema: {
          tags,
          summary: 'A new signing secret, shown once; the old one stops at once',
          params: IdParams,
          headers: IfMatchHeaders,
          body: VersionBody,
          response: { 200: WebhookWithSecret, ...problemResponses },
        },
      },
      (request) =>
        service.rotateSecret(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match'], request.body?.version),
        ),
    );

    app.get(
      `${path}/:id/deliveries`,
      {
        schema: {
          tags,
          summary: 'Deliveries newest first, with every attempt',
          params: IdParams,
          querystring: WebhookDeliveryListQuery,
          response: { 200: pageOf(WebhookDelivery), ...problemResponses },
        },
      },
      (request) => service.deliveries(request.actor, request.params.id, request.query),
    );

    app.post(
      `${path}/:id/test`,
      {
        schema: {
          tags,
          summary: 'Send a ping now and answer with its result',
          params: IdParams,
          response: { 200: WebhookDelivery, ...problemResponses },
        },
      },
      (request) => service.test(request.actor, request.params.id),
    );

    app.get(
      `${path}/deliveries/:id`,
      { schema: { tags, params: IdParams, response: { 200: WebhookDelivery, ...problemResponses } } },
      (request) => service.delivery(request.actor, request.params.id),
    );

    app.post(
      `${path}/deliveries/:id/redeliver`,
      {
        schema: {
          tags,
          summary: 'Send a delivery again (same id and body) with a new day of retries',
          params: IdParams,
          response: { 202: WebhookDelivery, ...problemResponses },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await service.redeliver(request.actor, request.params.id)),
    );
  };
