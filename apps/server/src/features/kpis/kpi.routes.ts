import {
  Kpi,
  KpiCatalogue,
  KpiEntry,
  KpiEntryInput,
  KpiQuery,
  KpiRecord,
  KpiRecordsQuery,
  KpiSettingsPatch,
  pageOf,
  text,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IfMatchHeaders, problemResponses } from '../../http/common.js';
import { expectedVersion } from '../../shared/version.js';
import type { KpiService } from './kpi.service.js';

const tags = ['kpis'];
const KeyParams = z.object({ key: text().min(1).max(64).describe('one of `kpiKeys`') });

export const kpiRoutes =
  (service: KpiService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/kpis',
      {
        schema: {
          tags,
          summary: 'Every KPI for the period, grouped under the practice success factors, with its trend',
          querystring: KpiQuery,
          response: { 200: KpiCatalogue, ...problemResponses },
        },
      },
      (request) => service.catalogue(request.actor, request.query),
    );

    app.get(
      '/kpis/:key',
      {
        schema: {
          tags,
          params: KeyParams,
          querystring: KpiQuery,
          response: { 200: Kpi, ...problemResponses },
        },
      },
      (request) => service.get(request.actor, request.params.key, request.query),
    );

    app.patch(
      '/kpis/:key',
      {
        schema: {
          tags,
          summary: 'Set the target (If-Match or version)',
          params: KeyParams,
          headers: IfMatchHeaders,
          body: KpiSettingsPatch,
          response: { 200: Kpi, ...problemResponses },
        },
      },
      (request) =>
        service.updateSettings(
          request.actor,
          request.params.key,
          request.body,
          expectedVersion(request.headers['if-match'], request.body.version),
        ),
    );

    app.get(
      '/kpis/:key/entries',
      {
        schema: {
          tags,
          summary: 'Values entered by hand for a manual KPI, newest period first',
          params: KeyParams,
          response: { 200: pageOf(KpiEntry), ...problemResponses },
        },
      },
      (request) => service.listEntries(request.actor, request.params.key),
    );

    app.post(
      '/kpis/:key/entries',
      {
        schema: {
          tags,
          summary: 'Enter the value of a manual KPI for a period (computed KPIs refuse: 422)',
          params: KeyParams,
          body: KpiEntryInput,
          response: { 201: KpiEntry, ...problemResponses },
        },
      },
      async (request, reply) => {
        const entry = await service.addEntry(request.actor, request.params.key, request.body);
        return (
          reply
            .status(201)
            // Entries are read as the KPI's list (there is no page of one entry).
            .header('location', `/api/v1/kpis/${entry.key}/entries`)
            .send(entry)
        );
      },
    );

    app.get(
      '/kpis/:key/records',
      {
        schema: {
          tags,
          summary: 'The records behind the value for the period (the drill-down), paged',
          params: KeyParams,
          querystring: KpiRecordsQuery,
          response: { 200: pageOf(KpiRecord), ...problemResponses },
        },
      },
      (request) => service.records(request.actor, request.params.key, request.query),
    );
  };
