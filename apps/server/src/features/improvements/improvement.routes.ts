import { Improvement, ImprovementCreate, ImprovementListQuery, ImprovementPatch } from '@rapport/contracts';
import { crudRoutes } from '../../http/crud-routes.js';
import type { ImprovementService } from './improvement.service.js';

export const improvementRoutes = (service: ImprovementService) =>
  crudRoutes(
    '/improvements',
    'improvements',
    { record: Improvement, create: ImprovementCreate, patch: ImprovementPatch, query: ImprovementListQuery },
    service,
  );
