import {
  CultureAssessment,
  CultureAssessmentCreate,
  CultureAssessmentListQuery,
  CultureAssessmentPatch,
} from '@rapport/contracts';
import { crudRoutes } from '../../http/crud-routes.js';
import type { CultureService } from './culture.service.js';

export const cultureRoutes = (service: CultureService) =>
  crudRoutes(
    '/culture-assessments',
    'culture assessments',
    {
      record: CultureAssessment,
      create: CultureAssessmentCreate,
      patch: CultureAssessmentPatch,
      query: CultureAssessmentListQuery,
    },
    service,
  );
