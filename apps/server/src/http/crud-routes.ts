import { pageOf } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Actor } from '../features/auth/actor.js';
import type { Page } from '../shared/pagination.js';
import { expectedVersion } from '../shared/version.js';
import { IdParams, IfMatchHeaders, problemResponses, VersionBody } from './common.js';

/** What a resource with the usual list/create/get/patch/archive/restore endpoints offers the routes. */
export interface CrudService<T, Create, Patch, Query> {
  list(actor: Actor | null, query: Query): Promise<Page<unknown>>;
  get(actor: Actor | null, id: string): Promise<T>;
  create(actor: Actor | null, input: Create): Promise<T>;
  update(actor: Actor | null, id: string, version: number, patch: Patch): Promise<T>;
  archive(actor: Actor | null, id: string, version: number): Promise<T>;
  restore(actor: Actor | null, id: string, version: number): Promise<T>;
}

export interface CrudSchemas {
  record: z.ZodType;
  /** The list row when lists leave out the bulky fields of a record. */
  row?: z.ZodType;
  create: z.ZodType;
  patch: z.ZodType<{ version?: number }>;
  query: z.ZodType;
}

/**
 * The SPEC §11 endpoints of one resource: `GET/POST /<path>`, `GET/PATCH/DELETE /<path>/:id` and
 * `POST /<path>/:id/restore`. DELETE archives; PATCH and DELETE need the version (If-Match or body).
 */
export function crudRoutes<T, Create, Patch extends { version?: number }, Query>(
  path: string,
  tag: string,
  schemas: CrudSchemas,
  service: CrudService<T, Create, Patch, Query>,
): FastifyPluginAsyncZod {
  const tags = [tag];
  const { record } = schemas;
  return async (app) => {
    app.get(
      path,
      {
        schema: {
          tags,
          querystring: schemas.query,
          response: { 200: pageOf(schemas.row ?? record), ...problemResponses },
        },
      },
      (request) => service.list(request.actor, request.query as Query),
    );

    app.post(
      path,
      { schema: { tags, body: schemas.create, response: { 201: record, ...problemResponses } } },
      async (request, reply) => {
        const created = await service.create(request.actor, request.body as Create);
        const id = (created as { id: string }).id;
        return reply.status(201).header('location', `/api/v1${path}/${id}`).send(created);
      },
    );

    app.get(
      `${path}/:id`,
      { schema: { tags, params: IdParams, response: { 200: record, ...problemResponses } } },
      (request) => service.get(request.actor, request.params.id),
    );

    app.patch(
      `${path}/:id`,
      {
        schema: {
          tags,
          params: IdParams,
          headers: IfMatchHeaders,
          body: schemas.patch,
          response: { 200: record, ...problemResponses },
        },
      },
      (request) => {
        const body = request.body as Patch;
        return service.update(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match'], body.version),
          body,
        );
      },
    );

    app.delete(
      `${path}/:id`,
      {
        schema: {
          tags,
          summary: 'Archive (it stays readable by id with archivedAt set)',
          params: IdParams,
          headers: IfMatchHeaders,
          body: VersionBody,
          response: { 200: record, ...problemResponses },
        },
      },
      (request) =>
        service.archive(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match'], request.body?.version),
        ),
    );

    app.post(
      `${path}/:id/restore`,
      {
        schema: {
          tags,
          params: IdParams,
          headers: IfMatchHeaders,
          body: VersionBody,
          response: { 200: record, ...problemResponses },
        },
      },
      (request) =>
        service.restore(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match'], request.body?.version),
        ),
    );
  };
}
