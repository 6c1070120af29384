import { Dashboard, DashboardQuery } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/common.js';
import type { DashboardService } from './dashboard.service.js';

export const dashboardRoutes =
  (service: DashboardService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/dashboard',
      {
        schema: {
          tags: ['kpis'],
          summary:
            'The dashboard: health distribution, journey funnel, engagement gap, exceptions by type and severity, what is due this week',
          querystring: DashboardQuery,
          response: { 200: Dashboard, ...problemResponses },
        },
      },
      (request) => service.dashboard(request.actor, request.query),
    );
  };
