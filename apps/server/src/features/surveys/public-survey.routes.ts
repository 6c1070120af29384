import { Problem, PublicAnswer, PublicAnswerSaved, PublicSurvey, SurveyToken } from '@rapport/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/common.js';
import { sendProblem } from '../../http/problem.js';
import { SurveyLinkGone, type SurveyService } from './survey.service.js';

/** Requests per minute per client address on each public survey route (a token cannot be guessed anyway). */
export const PUBLIC_SURVEY_LIMIT_PER_MINUTE = 30;

const tags = ['public surveys'];

const goneDetail = {
  answered: 'Thank you — this survey was already answered. An answer can be given once.',
  expired: 'This survey link has expired. If you still want to answer, please ask for a new link.',
  closed: 'This survey is closed. Thank you for your interest.',
} as const;

function gone(reply: FastifyReply, reason: SurveyLinkGone['reason']) {
  return sendProblem(reply, {
    type: `https://rapport.dev/problems/survey-${reason}`,
    title: 'This survey link can no longer be used',
    status: 410,
    detail: goneDetail[reason],
  });
}

async function orGone<T>(reply: FastifyReply, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SurveyLinkGone) return gone(reply, error.reason);
    throw error;
  }
}

/**
 * The public survey page's API: no account, the token is the only key. It tells nothing but what the page
 * shows (no ids), and it is rate-limited per client address.
 */
export const publicSurveyRoutes =
  (service: SurveyService): FastifyPluginAsyncZod =>
  async (app) => {
    const rateLimit = { max: PUBLIC_SURVEY_LIMIT_PER_MINUTE, timeWindow: '1 minute' };
    const responses = { ...problemResponses, 410: Problem };

    app.get(
      '/public/surveys/:token',
      {
        config: { rateLimit },
        schema: {
          tags,
          security: [],
          summary: 'The survey behind a link: 404 unknown, 410 answered, expired or closed',
          params: SurveyToken,
          response: { 200: PublicSurvey, ...responses },
        },
      },
      (request, reply) => orGone(reply, () => service.publicView(request.params.token)),
    );

    app.post(
      '/public/surveys/:token',
      {
        config: { rateLimit },
        schema: {
          tags,
          security: [],
          summary: 'Answer once: a second answer is refused with 410',
          params: SurveyToken,
          body: PublicAnswer,
          response: { 201: PublicAnswerSaved, ...responses },
        },
      },
      (request, reply) =>
        orGone(reply, async () =>
          reply.status(201).send(await service.answer(request.params.token, request.body)),
        ),
    );
  };
