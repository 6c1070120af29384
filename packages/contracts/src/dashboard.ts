import { z } from 'zod';
import { engagementLevels } from './enums.js';
import { exceptionSeverities, exceptionTypes } from './exceptions.js';
import { KpiQuery } from './kpis.js';
import { Id, IsoDate } from './limits.js';

/** The dashboard's filters: the KPI filters (period, group, org unit, manager) and the funnel's model. */
export const DashboardQuery = KpiQuery.extend({
  modelId: Id.optional().describe(
    'the journey funnel of this model; default: the one with most active relationships',
  ),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** Health bands as the web app colours them: good ≥ 70, fair 40–69, poor < 40, unmeasured without a score. */
export const healthBands = ['good', 'fair', 'poor', 'unmeasured'] as const;
export const HealthBand = z.enum(healthBands);
export type HealthBand = z.infer<typeof HealthBand>;

export const DashboardHealth = z.object({
  total: z.number().int().describe('active relationships matching the filters'),
  bands: z.array(
    z.object({
      band: HealthBand,
      count: z.number().int(),
      overridden: z.number().int().describe('of these, how many carry a manual override'),
    }),
  ),
});

export const FunnelStep = z.object({
  key: z.string(),
  name: z.string(),
  now: z.number().int().describe('active relationships in this step now (parallel steps count in each)'),
  left: z.number().int().describe('relationships that left this step in the period'),
  advanced: z.number().int().describe('of those, how many went on to the next step'),
  conversion: z.number().nullable().describe('advanced ÷ left in %, one decimal; null when none left'),
  medianDays: z
    .number()
    .nullable()
    .describe('median days spent in the step by those that left it in the period'),
  averageDays: z.number().nullable(),
});
export type FunnelStep = z.infer<typeof FunnelStep>;

export const DashboardFunnel = z.object({
  models: z.array(z.object({ id: Id, title: z.string(), active: z.number().int() })),
  modelId: Id.nullable(),
  steps: z.array(FunnelStep),
});

export const DashboardEngagement = z.object({
  levels: z.array(
    z.object({
      level: z.enum(engagementLevels),
      current: z.number().int(),
      desired: z.number().int(),
    }),
  ),
  below: z.number().int().describe('stakeholders whose current engagement is below the desired one'),
  met: z.number().int(),
  above: z.number().int(),
  unassessed: z.number().int(),
});

const ExceptionCell = z.object({
  type: z.enum(exceptionTypes),
  severity: z.enum(exceptionSeverities),
  count: z.number().int(),
});
export const DashboardExceptions = z.object({
  open: z.array(ExceptionCell).describe('unresolved now (open, in mediation, escalated)'),
  raised: z.array(ExceptionCell).describe('raised in the period'),
  openTotal: z.number().int(),
  raisedTotal: z.number().int(),
});

const DueItem = z.object({
  id: Id.describe('the relationship (for follow-ups: the follow-up)'),
  relationshipId: Id,
  name: z.string().describe("the relationship's name"),
  dueOn: IsoDate,
  overdue: z.boolean(),
});
export type DueItem = z.infer<typeof DueItem>;
const DueKind = z.object({ due: z.number().int(), overdue: z.number().int(), items: z.array(DueItem) });
export const DashboardDue = z.object({
  today: IsoDate,
  until: IsoDate.describe('due = from today to this day; overdue = before today'),
  reviews: DueKind,
  contacts: DueKind,
  followUps: DueKind,
});

export const Dashboard = z.object({
  period: z.object({ from: IsoDate, to: IsoDate }),
  health: DashboardHealth,
  funnel: DashboardFunnel,
  engagement: DashboardEngagement,
  exceptions: DashboardExceptions,
  due: DashboardDue,
});
export type Dashboard = z.infer<typeof Dashboard>;
