import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requirePermission } from '../auth/actor.js';
import { exportOrganisation } from './organisation-export.js';

/** `GET /admin/export`: the organisation's data as one JSON document that `rapport import all` reads back. */
export const organisationExportRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/admin/export',
      {
        schema: {
          tags: ['exports'],
          summary:
            'Every table of organisation data as one JSON document (format rapport-export), streamed; ' +
            'sessions, API tokens, webhooks and per-instance state are left out',
          produces: ['application/json'],
        },
      },
      async (request, reply) => {
        // Checked before the stream starts, so a refusal is a proper 401/403 answer.
        const actor = requirePermission(request.actor, 'data.export');
        // Changes nothing, but who took a copy of everything belongs in the audit log.
        await recordAudit(database.db, {
          actorId: actor.id,
          action: 'export',
          entity: 'organisation',
          entityId: 'all',
          before: null,
          after: null,
        });
        const body = new PassThrough();
        const log = request.log;
        let gone = false;
        body.once('close', () => {
          gone = true;
        });
        // A client that goes away ends the export (and its read transaction) at the next write.
        const write = async (text: string) => {
          if (gone) throw new Error('the client went away');
          if (body.write(text)) return;
          await new Promise<void>((resolve, reject) => {
            body.once('drain', resolve);
            body.once('close', () => reject(new Error('the client went away')));
          });
        };
        exportOrganisation(database, write)
          .then(() => body.end())
          .catch((error: unknown) => {
            // Headers are gone: the client gets a document without its checksum, which an import refuses.
            log.error({ err: error }, 'organisation export failed');
            body.destroy(error as Error);
          });
        const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="rapport-export-${stamp}.json"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  };
