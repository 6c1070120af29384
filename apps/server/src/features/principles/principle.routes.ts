import {
  Principle,
  PrincipleCreate,
  PrincipleListQuery,
  PrinciplePatch,
  PrincipleSummary,
  PrincipleVersion,
} from '@rapport/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { crudRoutes } from '../../http/crud-routes.js';
import { agreementRoutes } from '../agreement/agreement.routes.js';
import type { PrincipleService } from './principle.service.js';

const tag = 'principles';

export const principleRoutes =
  (service: PrincipleService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      crudRoutes(
        '/principles',
        tag,
        {
          record: Principle,
          row: PrincipleSummary,
          create: PrincipleCreate,
          patch: PrinciplePatch,
          query: PrincipleListQuery,
        },
        service,
      ),
    );
    await app.register(
      agreementRoutes('/principles', tag, { record: Principle, version: PrincipleVersion }, service),
    );
  };
