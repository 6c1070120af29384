import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { limits } from '@rapport/contracts';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { analysisRoutes } from './features/analysis/analysis.routes.js';
import { approachRoutes } from './features/approach/approach.routes.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { calendarFeedRoutes, publicCalendarFeedRoutes } from './features/calendar/calendar-feed.routes.js';
import { exportRoutes } from './features/csv/export.routes.js';
import { importRoutes } from './features/csv/import.routes.js';
import { cultureRoutes } from './features/culture/culture.routes.js';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.js';
import { demoRoutes } from './features/demo/demo.routes.js';
import { createDemoService } from './features/demo/demo.service.js';
import { duplicateRoutes } from './features/duplicates/duplicate.routes.js';
import { exceptionRoutes } from './features/exceptions/exception.routes.js';
import { listExportRoutes } from './features/exports/list-export.routes.js';
import { organisationExportRoutes } from './features/exports/organisation-export.routes.js';
import { groupRoutes } from './features/groups/group.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { improvementRoutes } from './features/improvements/improvement.routes.js';
import { interactionRoutes } from './features/interactions/interaction.routes.js';
import { jobRoutes } from './features/jobs/jobs.routes.js';
import { kpiRoutes } from './features/kpis/kpi.routes.js';
import { lessonRoutes } from './features/lessons/lesson.routes.js';
import { linkRoutes } from './features/links/link.routes.js';
import { materialRoutes } from './features/materials/material.routes.js';
import { modelRoutes } from './features/models/model.routes.js';
import { notificationRoutes } from './features/notifications/notification.routes.js';
import { loggedRequest, registerObservability, requestIdOf } from './features/operations/observability.js';
import { readinessRoutes, registerMetricsRoute } from './features/operations/operations.routes.js';
import { orgUnitRoutes } from './features/org-units/org-unit.routes.js';
import { principleRoutes } from './features/principles/principle.routes.js';
import { relationshipRoutes } from './features/relationships/relationship.routes.js';
import { reportRoutes } from './features/reports/report.routes.js';
import { reviewRoutes } from './features/reviews/review.routes.js';
import { setupRoutes } from './features/setup/setup.routes.js';
import { stakeholderRoutes } from './features/stakeholders/stakeholder.routes.js';
import { publicSurveyRoutes } from './features/surveys/public-survey.routes.js';
import { surveyRoutes } from './features/surveys/survey.routes.js';
import { userRoutes } from './features/users/user.routes.js';
import { valueChainRoutes } from './features/value-chain/value-chain.routes.js';
import { webhookRoutes } from './features/webhooks/webhook.routes.js';
import { workRoutes } from './features/work/work.routes.js';
import { registerAuthHook } from './http/auth-hook.js';
import { openApiTransform, openApiTransformObject } from './http/openapi.js';
import {
  clientErrorHandler,
  frameworkErrors,
  notFoundProblem,
  registerProblemHandlers,
} from './http/problem.js';
import { registerTransportSecurity } from './http/transport-security.js';
import { createServices } from './services.js';
import { RAPPORT_VERSION } from './version.js';

const API = '/api/v1';

/** Builds the whole server without listening, so tests drive it with `app.inject`. */
export async function buildApp(
  config: Config,
  database: Database,
  /** Tests read the JSON log lines from a stream of their own. */
  options: { logStream?: { write(line: string): void } } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            serializers: { req: loggedRequest },
            ...(options.logStream && { stream: options.logStream }),
          },
    bodyLimit: limits.bodyBytes,
    // X-Request-Id is read by requestIdOf (kept only when short and plain) and echoed in the response.
    requestIdHeader: false,
    genReqId: requestIdOf,
    // Only behind a proxy the operator names: otherwise X-Forwarded-For would let a client pick its own
    // address and slip past the sign-in rate limit.
    trustProxy: config.trustProxy,
    // Errors Fastify answers before any route runs are problem+json like every other error.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);

  const services = createServices(database.db, config);

  await app.register(helmet, {
    // Sent by registerTransportSecurity, only when Rapport is served over https.
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // Mantine and Swagger UI set inline styles; scripts stay same-origin only.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: RAPPORT_VERSION,
        description:
          'The ITIL 4 Relationship Management practice: stakeholders, relationships, reviews, KPIs.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/v1/tokens' },
          session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Tags folded: the page draws 30-odd headings instead of every operation at once, and opens one on click.
    uiConfig: { docExpansion: 'none', deepLinking: true, defaultModelsExpandDepth: 0 },
  });
  registerObservability(app, config, database);
  registerMetricsRoute(app, config);
  registerTransportSecurity(app, config);
  registerAuthHook(app, services.auth, config);

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { db: database.db });
      await api.register(readinessRoutes, { database });
      await api.register(setupRoutes, { users: services.users, auth: services.auth, config });
      await api.register(authRoutes, { auth: services.auth, config });
      await api.register(userRoutes, { users: services.users });
      await api.register(stakeholderRoutes, { stakeholders: services.stakeholders });
      await api.register(auditRoutes, { audit: services.audit });
      await api.register(jobRoutes, { jobs: services.jobs });
      await api.register(notificationRoutes, { notifications: services.notifications });
      await api.register(groupRoutes, { groups: services.groups });
      await api.register(linkRoutes, { links: services.links });
      await api.register(analysisRoutes, { analysis: services.analysis });
      await api.register(duplicateRoutes, { duplicates: services.duplicates });
      await api.register(importRoutes, { imports: services.imports });
      await api.register(exportRoutes, { exports: services.exports });
      await api.register(listExportRoutes(services));
      await api.register(organisationExportRoutes(database));
      await api.register(orgUnitRoutes(services.orgUnits));
      await api.register(cultureRoutes(services.culture));
      await api.register(principleRoutes(services.principles));
      await api.register(modelRoutes(services.models));
      await api.register(materialRoutes(services.materials));
      await api.register(reviewRoutes(services.reviews));
      await api.register(reportRoutes(services));
      await api.register(improvementRoutes(services.improvements));
      await api.register(lessonRoutes(services.lessons));
      await api.register(approachRoutes(services.approach));
      await api.register(relationshipRoutes(services.relationships));
      await api.register(interactionRoutes(services.interactions));
      await api.register(exceptionRoutes(services.exceptions));
      await api.register(workRoutes(services.work));
      await api.register(kpiRoutes(services.kpis));
      await api.register(calendarFeedRoutes(services.calendarFeeds));
      await api.register(publicCalendarFeedRoutes(services.calendarFeeds));
      await api.register(dashboardRoutes(services.dashboard));
      await api.register(surveyRoutes(services.surveys));
      await api.register(publicSurveyRoutes(services.surveys));
      await api.register(webhookRoutes(services.webhooks));
      await api.register(valueChainRoutes(services.valueChain));
      await api.register(demoRoutes(createDemoService(database)));
      api.get('/openapi.json', { schema: { hide: true, security: [] } }, () => app.swagger());
    },
    { prefix: API },
  );

  const webIndex = path.join(config.webDist, 'index.html');
  const hasWeb = fs.existsSync(webIndex);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  }
  // The web app routes in the browser: any other page path gets its index.html.
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (isPage && hasWeb) {
      const file = request.url.split('?')[0] ?? '/';
      if (file.startsWith('/assets/') || path.extname(file) !== '') return notFoundProblem(reply, file);
      return reply.type('text/html').sendFile('index.html');
    }
    return notFoundProblem(reply, request.url);
  });

  return app;
}
