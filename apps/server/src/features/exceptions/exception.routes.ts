import {
  Exception,
  ExceptionCreate,
  ExceptionListQuery,
  ExceptionModelProposalCreate,
  ExceptionPatch,
  ExceptionTransition,
  ExceptionTransitionCreate,
  pageOf,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, IfMatchHeaders, problemResponses } from '../../http/common.js';
import { crudRoutes } from '../../http/crud-routes.js';
import { expectedVersion } from '../../shared/version.js';
import type { ExceptionService } from './exception.service.js';

const path = '/exceptions';
const tags = ['exceptions'];

export const exceptionRoutes =
  (service: ExceptionService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      crudRoutes(
        path,
        'exceptions',
        { record: Exception, create: ExceptionCreate, patch: ExceptionPatch, query: ExceptionListQuery },
        service,
      ),
    );

    app.post(
      `${path}/:id/transitions`,
      {
        schema: {
          tags,
          summary:
            'Move it on its workflow (open → in_mediation → resolved | escalated → closed), with a note',
          params: IdParams,
          headers: IfMatchHeaders,
          body: ExceptionTransitionCreate,
          response: { 200: Exception, ...problemResponses },
        },
      },
      (request) =>
        service.transition(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match'], request.body.version),
          request.body,
        ),
    );

    app.get(
      `${path}/:id/transitions`,
      {
        schema: {
          tags,
          summary: 'Its status history, oldest first',
          params: IdParams,
          response: { 200: pageOf(ExceptionTransition), ...problemResponses },
        },
      },
      (request) => service.transitions(request.actor, request.params.id),
    );

    app.post(
      `${path}/:id/model-proposal`,
      {
        schema: {
          tags,
          summary:
            "Propose an update of its relationship's model: a draft version whose change note links here",
          params: IdParams,
          headers: IfMatchHeaders,
          body: ExceptionModelProposalCreate,
          response: { 200: Exception, ...problemResponses },
        },
      },
      (request) =>
        service.proposeModelUpdate(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match'], request.body.version),
          request.body,
        ),
    );
  };
