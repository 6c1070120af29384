import { z } from 'zod';
import { Id, IsoDateTime, LongText, Name, PageQuery, text, Version } from './limits.js';

/** The organisation's own structure, so internal relationships and culture assessments have a place. */
export const orgUnitKinds = ['organisation', 'division', 'department', 'team', 'other'] as const;
export const OrgUnitKind = z.enum(orgUnitKinds);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

export const OrgUnit = z.object({
  id: Id,
  name: z.string(),
  kind: OrgUnitKind,
  parentId: Id.nullable(),
  description: z.string(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitCreate = z.strictObject({
  name: Name,
  kind: OrgUnitKind.default('team'),
  parentId: Id.nullable().default(null),
  description: LongText.default(''),
});
export type OrgUnitCreate = z.infer<typeof OrgUnitCreate>;

export const OrgUnitPatch = z.strictObject({
  name: Name.optional(),
  kind: OrgUnitKind.optional(),
  parentId: Id.nullable().optional(),
  description: LongText.optional(),
  version: Version.optional(),
});
export type OrgUnitPatch = z.infer<typeof OrgUnitPatch>;

export const OrgUnitListQuery = z.strictObject({
  q: text().max(200).optional(),
  kind: OrgUnitKind.optional(),
  parentId: z
    .union([Id, z.literal('none')])
    .optional()
    .describe('a unit id, or `none` for top-level units'),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
  ...PageQuery,
});
export type OrgUnitListQuery = z.infer<typeof OrgUnitListQuery>;
