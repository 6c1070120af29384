import { OrgUnit, OrgUnitCreate, OrgUnitListQuery, OrgUnitPatch } from '@rapport/contracts';
import { crudRoutes } from '../../http/crud-routes.js';
import type { OrgUnitService } from './org-unit.service.js';

export const orgUnitRoutes = (service: OrgUnitService) =>
  crudRoutes(
    '/org-units',
    'org units',
    { record: OrgUnit, create: OrgUnitCreate, patch: OrgUnitPatch, query: OrgUnitListQuery },
    service,
  );
