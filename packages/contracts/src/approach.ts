import { z } from 'zod';
import { AgreementStatus } from './agreement.js';
import { Id, IsoDate, IsoDateTime } from './limits.js';
import { ModelCoverage } from './models.js';

const Counts = z.record(AgreementStatus, z.number().int());
const DueDocument = z.object({ id: Id, title: z.string(), nextReviewOn: IsoDate.nullable() });
const Awaiting = z.object({ id: Id, title: z.string(), proposedAt: IsoDateTime.nullable() });

/**
 * The five activities of "managing a common approach to relationships" (guide §3.2.1, table 3.1),
 * each with its records, their state and what is due.
 */
export const ApproachOverview = z.object({
  analyse: z.object({
    cultureAssessments: z.number().int(),
    lastAssessedOn: IsoDate.nullable(),
    orgUnits: z.number().int(),
    unitsAssessed: z.number().int(),
    stakeholders: z.number().int(),
    stakeholdersDue: z.number().int().describe('stakeholders due for re-assessment by their groups'),
    strategicRequirements: z.boolean().describe('the latest whole-organisation assessment records them'),
  }),
  principles: z.object({
    byStatus: Counts,
    inForce: z.number().int(),
    awaitingAgreement: z.array(Awaiting),
    reviewDue: z.array(DueDocument),
  }),
  models: z.object({
    byStatus: Counts,
    inForce: z.number().int(),
    awaitingAgreement: z.array(Awaiting),
    reviewDue: z.array(DueDocument),
    coverage: ModelCoverage.omit({ groups: true }),
  }),
  embed: z.object({
    materials: z.number().int(),
    expectedReads: z.number().int().describe('for every current material, the active users in its audience'),
    acknowledged: z.number().int(),
    pendingForMe: z.array(z.object({ id: Id, title: z.string() })),
  }),
  review: z.object({
    lastHeldOn: IsoDate.nullable(),
    nextDueOn: IsoDate.describe('a year after the last approach review, or today when there was none'),
    overdue: z.boolean(),
    planned: z.array(z.object({ id: Id, title: z.string(), scheduledOn: IsoDate.nullable() })),
    openImprovements: z.number().int(),
  }),
});
export type ApproachOverview = z.infer<typeof ApproachOverview>;
