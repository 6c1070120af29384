import { z } from 'zod';
import { Id, IsoDateTime, PageQuery, ShortText, text } from './limits.js';

export const linkTypes = [
  'reports_to',
  'member_of',
  'influences',
  'allied_with',
  'in_conflict_with',
  'represents',
] as const;
export const LinkType = z.enum(linkTypes);
export type LinkType = z.infer<typeof LinkType>;

/** Links that read the same both ways; the others point from one stakeholder to another. */
export const undirectedLinkTypes: readonly LinkType[] = ['allied_with', 'in_conflict_with'];

export const StakeholderLink = z.object({
  id: Id,
  fromId: Id,
  toId: Id,
  type: LinkType,
  directed: z.boolean(),
  note: z.string(),
  createdAt: IsoDateTime,
});
export type StakeholderLink = z.infer<typeof StakeholderLink>;

export const StakeholderLinkCreate = z.strictObject({
  fromId: Id,
  toId: Id,
  type: LinkType,
  note: ShortText.default(''),
});
export type StakeholderLinkCreate = z.infer<typeof StakeholderLinkCreate>;

const csvTypes = text()
  .max(500)
  .transform((value) => value.split(',').filter(Boolean))
  .pipe(z.array(LinkType));

/** Every link of the organisation, or those from or to one stakeholder; oldest first unless `sort=-createdAt`. */
export const StakeholderLinkListQuery = z.strictObject({
  stakeholderId: Id.optional().describe('links from or to this stakeholder'),
  type: csvTypes.optional(),
  sort: z.enum(['createdAt', '-createdAt']).default('createdAt'),
  ...PageQuery,
});
export type StakeholderLinkListQuery = z.infer<typeof StakeholderLinkListQuery>;

export const NetworkQuery = z.strictObject({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  type: csvTypes.optional(),
});
export type NetworkQuery = z.infer<typeof NetworkQuery>;

export const NetworkNode = z.object({
  id: Id,
  name: z.string(),
  category: z.string(),
  quadrant: z.string(),
  depth: z.number().int(),
});
export const Network = z.object({ nodes: z.array(NetworkNode), links: z.array(StakeholderLink) });
export type Network = z.infer<typeof Network>;
