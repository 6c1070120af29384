import { z } from 'zod';
import { EngagementLevel, SalienceClass } from './enums.js';
import { StakeholderFilter } from './groups.js';
import { Id, IsoDate } from './limits.js';
import { Stakeholder } from './stakeholders.js';

export const MapQuery = StakeholderFilter.extend({
  asOf: IsoDate.optional().describe(
    'the map as it was at the end of this day (UTC), from the assessment history',
  ),
});
export type MapQuery = z.infer<typeof MapQuery>;

export const mapFields = [
  'id',
  'name',
  'influence',
  'interest',
  'targetInfluence',
  'targetInterest',
  'category',
  'quadrant',
] as const;

/** Rows are arrays in the order of `fields`: compact enough to send 100,000 points at once. */
export const StakeholderMap = z.object({
  asOf: z.string().nullable(),
  total: z.number().int(),
  fields: z.array(z.enum(mapFields)),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});
export type StakeholderMap = z.infer<typeof StakeholderMap>;

export const SalienceSummary = z.object({
  classes: z.array(z.object({ salience: SalienceClass, count: z.number().int() })),
});

export const EngagementMatrix = z.object({
  cells: z.array(z.object({ current: EngagementLevel, desired: EngagementLevel, count: z.number().int() })),
  unassessed: z.number().int().describe('stakeholders without a current or a desired level'),
});

export const DuplicateQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const DuplicatePair = z.object({
  a: Stakeholder,
  b: Stakeholder,
  reasons: z.array(z.enum(['email', 'name'])),
});
export const DuplicateList = z.object({ data: z.array(DuplicatePair) });

export const MergeRequest = z.strictObject({
  duplicateId: Id,
  version: z.number().int().min(1).describe("the survivor's version"),
  duplicateVersion: z.number().int().min(1),
});
export type MergeRequest = z.infer<typeof MergeRequest>;
