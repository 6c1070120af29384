import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, LongText, Name, PageQuery, ShortText, text, Version } from './limits.js';

/** The continual improvement register; initiatives come from reviews, exceptions, surveys, KPIs or by hand. */
export const improvementStatuses = ['proposed', 'approved', 'in_progress', 'done', 'rejected'] as const;
export const ImprovementStatus = z.enum(improvementStatuses);

export const improvementSources = ['review', 'exception', 'survey', 'kpi', 'manual'] as const;
export const ImprovementSource = z.enum(improvementSources);

export const Improvement = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  sourceType: ImprovementSource,
  sourceId: Id.nullable().describe('the review, exception or survey it came from, or the KPI key'),
  ownerId: Id.nullable(),
  status: ImprovementStatus,
  dueOn: IsoDate.nullable(),
  expectedBenefit: z.string(),
  realisedBenefit: z.string(),
  createdBy: Id.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Improvement = z.infer<typeof Improvement>;

export const ImprovementCreate = z.strictObject({
  title: Name,
  description: LongText.default(''),
  sourceType: ImprovementSource.default('manual'),
  sourceId: Id.nullable().default(null),
  ownerId: Id.nullable().default(null),
  status: ImprovementStatus.default('proposed'),
  dueOn: IsoDate.nullable().default(null),
  expectedBenefit: ShortText.default(''),
  realisedBenefit: ShortText.default(''),
});
export type ImprovementCreate = z.infer<typeof ImprovementCreate>;

export const ImprovementPatch = z
  .strictObject({
    title: Name,
    description: LongText,
    ownerId: Id.nullable(),
    status: ImprovementStatus,
    dueOn: IsoDate.nullable(),
    expectedBenefit: ShortText,
    realisedBenefit: ShortText,
    version: Version,
  })
  .partial();
export type ImprovementPatch = z.infer<typeof ImprovementPatch>;

export const ImprovementListQuery = z.strictObject({
  q: text().max(200).optional(),
  status: ImprovementStatus.optional(),
  sourceType: ImprovementSource.optional(),
  sourceId: Id.optional(),
  ownerId: z.union([Id, z.literal('none')]).optional(),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(['title', '-title', 'dueOn', '-dueOn', 'createdAt', '-createdAt']).default('-createdAt'),
  ...PageQuery,
});
export type ImprovementListQuery = z.infer<typeof ImprovementListQuery>;
