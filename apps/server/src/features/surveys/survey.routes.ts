import {
  Id,
  InvitationCreate,
  InvitationListQuery,
  InvitationResend,
  InvitationsCreated,
  InvitationWithLink,
  pageOf,
  RelationshipSatisfaction,
  Survey,
  SurveyAnswer,
  SurveyAnswerListQuery,
  SurveyCreate,
  SurveyInvitation,
  SurveyListQuery,
  SurveyPatch,
  SurveyResults,
  SurveyResultsQuery,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IfMatchHeaders, problemResponses } from '../../http/common.js';
import { crudRoutes } from '../../http/crud-routes.js';
import { expectedVersion } from '../../shared/version.js';
import type { SurveyService } from './survey.service.js';

const tags = ['surveys'];
const path = '/surveys';
const InvitationParams = z.object({ id: Id, invitationId: Id });

export const surveyRoutes =
  (service: SurveyService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      crudRoutes(
        path,
        'surveys',
        { record: Survey, create: SurveyCreate, patch: SurveyPatch, query: SurveyListQuery },
        service,
      ),
    );

    app.post(
      `${path}/:id/invitations`,
      {
        schema: {
          tags,
          summary: 'Invite stakeholders: one single-use link each, shown in this answer only',
          params: IdParams,
          body: InvitationCreate,
          response: { 201: InvitationsCreated, ...problemResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.invite(request.actor, request.params.id, request.body)),
    );

    app.get(
      `${path}/:id/invitations`,
      {
        schema: {
          tags,
          summary: 'Who was invited and whether they answered (never the token)',
          params: IdParams,
          querystring: InvitationListQuery,
          response: { 200: pageOf(SurveyInvitation), ...problemResponses },
        },
      },
      (request) => service.listInvitations(request.actor, request.params.id, request.query),
    );

    app.post(
      `${path}/:id/invitations/:invitationId/resend`,
      {
        schema: {
          tags,
          summary:
            'A new link for an unanswered invitation (of an anonymous survey, any invitation); the old link stops working',
          params: InvitationParams,
          headers: IfMatchHeaders,
          body: InvitationResend,
          response: { 200: InvitationWithLink, ...problemResponses },
        },
      },
      (request) =>
        service.resend(
          request.actor,
          request.params.id,
          request.params.invitationId,
          expectedVersion(request.headers['if-match'], request.body?.version),
        ),
    );

    app.get(
      `${path}/:id/results`,
      {
        schema: {
          tags,
          summary: 'Response rate, CSAT, NPS (promoters, passives, detractors) and climate',
          params: IdParams,
          querystring: SurveyResultsQuery,
          response: { 200: SurveyResults, ...problemResponses },
        },
      },
      (request) => service.results(request.actor, request.params.id, request.query),
    );

    app.get(
      `${path}/:id/answers`,
      {
        schema: {
          tags,
          summary: 'The answers with their comments, newest first (surveys.answers)',
          params: IdParams,
          querystring: SurveyAnswerListQuery,
          response: { 200: pageOf(SurveyAnswer), ...problemResponses },
        },
      },
      (request) => service.answers(request.actor, request.params.id, request.query),
    );

    app.get(
      '/relationships/:id/satisfaction',
      {
        schema: {
          tags: ['relationships', 'surveys'],
          summary: "The stakeholder's own rating beside Rapport's health, the gap, and the survey figures",
          params: IdParams,
          response: { 200: RelationshipSatisfaction, ...problemResponses },
        },
      },
      (request) => service.relationshipSatisfaction(request.actor, request.params.id),
    );
  };
