import { z } from 'zod';
import { boundedList, Id, IsoDateTime, LongText, Name, PageQuery, text, Version } from './limits.js';

/** SPEC §6: lessons learned are searchable knowledge; a lesson on a model guides its next relationships. */
const Tag = text().trim().min(1).max(100);

export const Lesson = z.object({
  id: Id,
  title: z.string(),
  body: z.string().describe('Markdown'),
  tags: z.array(z.string()),
  groupId: Id.nullable().describe('the stakeholder group it concerns'),
  modelId: Id.nullable().describe('the relationship model it is guidance for'),
  relationshipId: Id.nullable().describe('the relationship it was learned in'),
  sourceReviewId: Id.nullable().describe('the review whose lessons learned it was taken from'),
  createdBy: Id.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Lesson = z.infer<typeof Lesson>;

const editable = {
  title: Name,
  body: LongText,
  tags: boundedList(Tag),
  groupId: Id.nullable(),
  modelId: Id.nullable(),
  relationshipId: Id.nullable(),
};

export const LessonCreate = z.strictObject({
  title: editable.title,
  body: editable.body.optional().describe("defaults to the source review's lessons learned, else empty"),
  tags: editable.tags.default([]),
  groupId: editable.groupId.default(null),
  modelId: editable.modelId.optional().describe("defaults to the source review's relationship's model"),
  relationshipId: editable.relationshipId.optional().describe("defaults to the source review's relationship"),
  sourceReviewId: Id.nullable().default(null).describe('the review whose lessons learned it records'),
});
export type LessonCreate = z.infer<typeof LessonCreate>;

export const LessonPatch = z.strictObject({ ...editable, version: Version }).partial();
export type LessonPatch = z.infer<typeof LessonPatch>;

export const LessonListQuery = z.strictObject({
  q: text().max(200).optional().describe('a substring of the title, text or tags, any case'),
  groupId: Id.optional(),
  modelId: Id.optional(),
  relationshipId: Id.optional(),
  sourceReviewId: Id.optional(),
  tag: text().max(100).optional(),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(['title', '-title', 'createdAt', '-createdAt']).default('-createdAt'),
  ...PageQuery,
});
export type LessonListQuery = z.infer<typeof LessonListQuery>;
