import { Lesson, LessonCreate, LessonListQuery, LessonPatch } from '@rapport/contracts';
import { crudRoutes } from '../../http/crud-routes.js';
import type { LessonService } from './lesson.service.js';

export const lessonRoutes = (service: LessonService) =>
  crudRoutes(
    '/lessons',
    'lessons',
    { record: Lesson, create: LessonCreate, patch: LessonPatch, query: LessonListQuery },
    service,
  );
