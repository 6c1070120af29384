import {
  Board,
  BoardQuery,
  ChecklistParams,
  ChecklistSet,
  ChecklistTick,
  Id,
  JourneyMove,
  JourneyMoveCreate,
  ModelProposal,
  Relationship,
  RelationshipCreate,
  RelationshipEnd,
  RelationshipListQuery,
  RelationshipPatch,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IfMatchHeaders, problemResponses } from '../../http/common.js';
import { crudRoutes } from '../../http/crud-routes.js';
import { expectedVersion } from '../../shared/version.js';
import type { RelationshipService } from './relationship.service.js';

const tags = ['relationships'];
const path = '/relationships';
const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.null() });

export const relationshipRoutes =
  (service: RelationshipService): FastifyPluginAsyncZod =>
  async (app) => {
    const serialised = new WeakMap<Board, string>();

    // Before the CRUD routes' `/:id`, so this name is never read as an id.
    app.get(
      `${path}/proposed-models`,
      {
        schema: {
          tags,
          summary: "The models in force for the stakeholder's groups, to propose when opening a relationship",
          querystring: z.strictObject({ stakeholderId: Id }),
          response: { 200: ModelProposal, ...problemResponses },
        },
      },
      (request) => service.proposedModels(request.actor, request.query.stakeholderId),
    );

    app.get(
      `${path}/board`,
      {
        schema: {
          tags,
          summary: 'The journey board of a model: a column per step, each with its count and first cards',
          description:
            'The body is built from typed records and is not re-validated on the way out: a board holds ' +
            'hundreds of cards, and checking each again would cost more than reading them.',
          querystring: BoardQuery,
          response: { 200: Board, ...problemResponses },
        },
      },
      async (request, reply) => {
        const board = await service.board(request.actor, request.query);
        // A string body is sent as it is, without the response schema's serializer; a board kept by the service
        // is the same object again, so its text is kept beside it.
        let body = serialised.get(board);
        if (body === undefined) {
          body = JSON.stringify(board);
          serialised.set(board, body);
        }
        return reply.type('application/json; charset=utf-8').send(body as unknown as Board);
      },
    );

    await app.register(
      crudRoutes(
        path,
        tags[0] as string,
        {
          record: Relationship,
          create: RelationshipCreate,
          patch: RelationshipPatch,
          query: RelationshipListQuery,
        },
        service,
      ),
    );

    app.post(
      `${path}/:id/moves`,
      {
        schema: {
          tags,
          summary: 'Move it to the journey step or steps it is in now, with a note',
          params: IdParams,
          headers: IfMatchHeaders,
          body: JourneyMoveCreate,
          response: { 200: Relationship, ...problemResponses },
        },
      },
      (request) =>
        service.move(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match'], request.body.version),
          request.body.steps,
          request.body.note,
        ),
    );

    app.get(
      `${path}/:id/moves`,
      {
        schema: {
          tags,
          summary: 'The journey history, newest first',
          params: IdParams,
          response: { 200: listOf(JourneyMove), ...problemResponses },
        },
      },
      (request) => service.moves(request.actor, request.params.id),
    );

    app.get(
      `${path}/:id/health-history`,
      {
        schema: {
          tags,
          summary: 'Its health score per day over the last 180 days, for a sparkline',
          params: IdParams,
          response: {
            200: listOf(z.object({ day: z.string(), score: z.number().int().nullable() })),
            ...problemResponses,
          },
        },
      },
      (request) => service.healthHistory(request.actor, request.params.id),
    );

    app.get(
      `${path}/:id/checklist`,
      {
        schema: {
          tags,
          summary: 'The ticked activities of its journey, with who and when',
          params: IdParams,
          response: { 200: listOf(ChecklistTick), ...problemResponses },
        },
      },
      (request) => service.checklist(request.actor, request.params.id),
    );

    app.put(
      `${path}/:id/checklist/:stepKey/:activityKey`,
      {
        schema: {
          tags,
          summary: 'Tick or untick one activity of a journey step',
          params: ChecklistParams,
          body: ChecklistSet,
          response: { 200: listOf(ChecklistTick), ...problemResponses },
        },
      },
      (request) =>
        service.setChecklistItem(
          request.actor,
          request.params.id,
          request.params.stepKey,
          request.params.activityKey,
          request.body.done,
        ),
    );

    app.post(
      `${path}/:id/end`,
      {
        schema: {
          tags,
          summary:
            'End it (withdraw or disconnect) with a reason; it moves to its withdraw step for offboarding',
          params: IdParams,
          headers: IfMatchHeaders,
          body: RelationshipEnd,
          response: { 200: Relationship, ...problemResponses },
        },
      },
      (request) =>
        service.end(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match'], request.body.version),
          request.body,
        ),
    );
  };
