import { z } from 'zod';
import { Id, IsoDateTime, LongText, Name, PageQuery, text, Version } from './limits.js';
import { StakeholderListQuery } from './stakeholders.js';

export const StakeholderGroup = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  keyGroup: z.boolean().describe('a key stakeholder group, which should have a relationship model'),
  reassessDays: z
    .number()
    .int()
    .nullable()
    .describe('members are due for re-assessment after this many days'),
  memberCount: z.number().int(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type StakeholderGroup = z.infer<typeof StakeholderGroup>;

const ReassessDays = z.number().int().min(1, 'from 1 to 3650 days').max(3650, 'from 1 to 3650 days');

export const StakeholderGroupCreate = z.strictObject({
  name: Name,
  description: LongText.default(''),
  keyGroup: z.boolean().default(true),
  reassessDays: ReassessDays.nullable().default(null),
});
export type StakeholderGroupCreate = z.infer<typeof StakeholderGroupCreate>;

export const StakeholderGroupPatch = z.strictObject({
  name: Name.optional(),
  description: LongText.optional(),
  keyGroup: z.boolean().optional(),
  reassessDays: ReassessDays.nullable().optional(),
  version: Version.optional(),
});
export type StakeholderGroupPatch = z.infer<typeof StakeholderGroupPatch>;

export const StakeholderGroupListQuery = z.strictObject({
  q: text().max(200).optional(),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
  ...PageQuery,
});
export type StakeholderGroupListQuery = z.infer<typeof StakeholderGroupListQuery>;

/** The list filters, without paging or sorting: "add every stakeholder this filter finds". */
export const StakeholderFilter = StakeholderListQuery.omit({
  sort: true,
  limit: true,
  cursor: true,
  count: true,
});
export type StakeholderFilter = z.infer<typeof StakeholderFilter>;

export const GroupMembersAdd = z.union([
  z.strictObject({ stakeholderIds: z.array(Id).min(1).max(100) }),
  z.strictObject({
    filter: z
      .record(text().max(100), text().max(2000))
      .describe('the query parameters of GET /stakeholders, e.g. {"category":"customer","tag":"key"}'),
  }),
]);
export type GroupMembersAdd = z.infer<typeof GroupMembersAdd>;

export const MembershipQuery = z.strictObject({
  stakeholderId: text()
    .max(200 * 40)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(Id).min(1).max(200))
    .describe('comma-separated stakeholder ids (up to 200)'),
});
export const Memberships = z.object({
  data: z.array(z.object({ stakeholderId: Id, groupId: Id, groupName: z.string() })),
});
