import { AgreementStep, DocumentVersionList, VersionNumberParams } from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { IdParams, IfMatchHeaders, problemResponses } from '../../http/common.js';
import { expectedVersion } from '../../shared/version.js';
import type { Actor } from '../auth/actor.js';

type Move = (actor: Actor | null, id: string, version: number, note: string) => Promise<unknown>;

export interface AgreementService {
  propose: Move;
  withdraw: Move;
  agree: Move;
  retire: Move;
  versions(actor: Actor | null, id: string): Promise<z.infer<typeof DocumentVersionList>>;
  version(actor: Actor | null, id: string, number: number): Promise<unknown>;
}

const moves = {
  propose: 'Propose the draft for agreement',
  withdraw: 'Take a proposal back to draft (withdrawn, or sent back for rework)',
  agree: 'Agree the proposal: it comes into force and is frozen; the version agreed before retires',
  retire: 'Retire it: nothing of it stays in force',
} as const;

/** The agreement workflow and version history of an agreed document, beside its CRUD endpoints. */
export function agreementRoutes(
  path: string,
  tag: string,
  schemas: { record: z.ZodType; version: z.ZodType },
  service: AgreementService,
): FastifyPluginAsyncZod {
  const tags = [tag];
  return async (app) => {
    for (const [move, summary] of Object.entries(moves) as [keyof typeof moves, string][]) {
      app.post(
        `${path}/:id/${move}`,
        {
          schema: {
            tags,
            summary,
            params: IdParams,
            headers: IfMatchHeaders,
            body: AgreementStep,
            response: { 200: schemas.record, ...problemResponses },
          },
        },
        (request) =>
          service[move](
            request.actor,
            request.params.id,
            expectedVersion(request.headers['if-match'], request.body?.version),
            request.body?.note ?? '',
          ),
      );
    }

    app.get(
      `${path}/:id/versions`,
      {
        schema: {
          tags,
          summary: 'Every version, newest first, without its content',
          params: IdParams,
          response: { 200: DocumentVersionList, ...problemResponses },
        },
      },
      (request) => service.versions(request.actor, request.params.id),
    );

    app.get(
      `${path}/:id/versions/:number`,
      {
        schema: {
          tags,
          summary: 'One version with its content',
          params: VersionNumberParams,
          response: { 200: schemas.version, ...problemResponses },
        },
      },
      (request) => service.version(request.actor, request.params.id, request.params.number),
    );
  };
}
