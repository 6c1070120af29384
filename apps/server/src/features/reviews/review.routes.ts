import { Review, ReviewCreate, ReviewListQuery, ReviewPatch } from '@rapport/contracts';
import { crudRoutes } from '../../http/crud-routes.js';
import type { ReviewService } from './review.service.js';

export const reviewRoutes = (service: ReviewService) =>
  crudRoutes(
    '/reviews',
    'reviews',
    { record: Review, create: ReviewCreate, patch: ReviewPatch, query: ReviewListQuery },
    service,
  );
