import {
  Acknowledgement,
  AcknowledgementCreate,
  Material,
  MaterialCreate,
  MaterialListQuery,
  MaterialPatch,
  MaterialReaders,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, problemResponses } from '../../http/common.js';
import { crudRoutes } from '../../http/crud-routes.js';
import type { MaterialService } from './material.service.js';

const tags = ['training materials'];

export const materialRoutes =
  (service: MaterialService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      crudRoutes(
        '/materials',
        tags[0] as string,
        { record: Material, create: MaterialCreate, patch: MaterialPatch, query: MaterialListQuery },
        service,
      ),
    );

    app.post(
      '/materials/:id/acknowledgements',
      {
        schema: {
          tags,
          summary: 'I have read the current revision',
          params: IdParams,
          body: AcknowledgementCreate,
          response: { 200: Acknowledgement, ...problemResponses },
        },
      },
      (request) => service.acknowledge(request.actor, request.params.id, request.body.revision),
    );

    app.get(
      '/materials/:id/acknowledgements',
      {
        schema: {
          tags,
          summary: 'Who has read the current revision, and who in its audience has not yet',
          params: IdParams,
          response: { 200: MaterialReaders, ...problemResponses },
        },
      },
      (request) => service.readers(request.actor, request.params.id),
    );
  };
