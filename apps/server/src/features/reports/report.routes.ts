import { ReportParams, ReportQuery } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { createReportService } from './report.service.js';

/** `GET /reports/{kind}.pdf`: a report to print or keep, downloaded as a PDF file. */
export const reportRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const reports = createReportService(services);
    app.get(
      '/reports/:kind.pdf',
      {
        schema: {
          tags: ['reports'],
          summary: 'A report as a PDF file, in English or Simplified Chinese',
          description:
            'Kinds: `stakeholder-map` (stakeholders.read), `relationship-review` (relationships.read; needs ' +
            '`reviewId`), `kpis` (kpis.read; `from`/`to` set the period), `approach` (approach.read). ' +
            'The report shows what the reader may see through the API.',
          params: ReportParams,
          querystring: ReportQuery,
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const { pdf, fileName } = await reports.pdf(request.actor, request.params.kind, request.query);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );
  };
