import {
  Locale,
  ModelCoverage,
  ModelTemplateList,
  RelationshipModel,
  RelationshipModelCreate,
  RelationshipModelListQuery,
  RelationshipModelPatch,
  RelationshipModelSummary,
  RelationshipModelVersion,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/common.js';
import { crudRoutes } from '../../http/crud-routes.js';
import { agreementRoutes } from '../agreement/agreement.routes.js';
import type { ModelService } from './model.service.js';

const tag = 'relationship models';
const path = '/relationship-models';

export const modelRoutes =
  (service: ModelService): FastifyPluginAsyncZod =>
  async (app) => {
    // Before the CRUD routes' `/:id`, so these two names are never read as ids.
    app.get(
      `${path}/templates`,
      {
        schema: {
          tags: [tag],
          summary: 'Example models Rapport ships, to copy into a new model',
          querystring: z.strictObject({ locale: Locale.default('en') }),
          response: { 200: ModelTemplateList, ...problemResponses },
        },
      },
      (request) => service.templates(request.actor, request.query.locale),
    );
    app.get(
      `${path}/coverage`,
      {
        schema: {
          tags: [tag],
          summary: 'Which key stakeholder groups have a model in force, and who is left uncovered',
          response: { 200: ModelCoverage, ...problemResponses },
        },
      },
      (request) => service.coverage(request.actor),
    );
    await app.register(
      crudRoutes(
        path,
        tag,
        {
          record: RelationshipModel,
          row: RelationshipModelSummary,
          create: RelationshipModelCreate,
          patch: RelationshipModelPatch,
          query: RelationshipModelListQuery,
        },
        service,
      ),
    );
    await app.register(
      agreementRoutes(path, tag, { record: RelationshipModel, version: RelationshipModelVersion }, service),
    );
  };
