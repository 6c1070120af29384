import {
  type Dashboard,
  type DashboardQuery,
  type ExceptionSeverity,
  type ExceptionType,
  engagementLevels,
  healthBands,
  type ModelContent,
  StakeholderFilter,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fieldErrors, notFound } from '../../errors.js';
import { fromJson } from '../../shared/json.js';
import { auditRevision, revisionCache } from '../../shared/revision-cache.js';
import { findDocument, findVersion } from '../agreement/agreement.repository.js';
import { engagementCounts } from '../analysis/analysis.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { funnelOf } from './dashboard.funnel.js';
import {
  type DashboardFilters,
  exceptionCounts,
  followUpsDue,
  healthBands as healthBandCounts,
  modelsInUse,
  movesOfModel,
  positionsPerStep,
  relationshipsDue,
} from './dashboard.repository.js';

const MODELS = { head: 'relationship_models', versions: 'relationship_model_versions' } as const;
const DAY_MS = 86_400_000;
const DUE_DAYS = 7;
const DEFAULT_PERIOD_DAYS = 89;
const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

// A whole organisation's dashboard (health of every active relationship, the journey history of the largest
// model) takes seconds at 200,000 relationships, far more than checking whether anything changed: answers are
// kept per filter while the audit log — which every change writes in its transaction — is unchanged and the
// day is the same (health, due and overdue depend on the date). Five minutes is the backstop for instances
// whose clocks differ.
const CACHED_ANSWERS = 50;
const MAX_AGE_MS = 5 * 60_000;

export function createDashboardService(db: Kysely<DB>) {
  const cache = revisionCache<Dashboard>({ size: CACHED_ANSWERS, maxAgeMs: MAX_AGE_MS });

  async function compute(query: DashboardQuery, today: string): Promise<Dashboard> {
    const to = query.to ?? today;
    const from = query.from ?? dayAfter(to, -DEFAULT_PERIOD_DAYS);
    const f: DashboardFilters = {
      groupId: query.groupId,
      orgUnitId: query.orgUnitId,
      managerId: query.managerId,
    };
    const range = { from: `${from}T00:00:00.000Z`, to: `${to}T23:59:59.999Z` };

    const health = await healthBandCounts(db, f, today);

    const models = await modelsInUse(db, f);
    const modelId = query.modelId ?? models[0]?.id ?? null;
    let steps: Dashboard['funnel']['steps'] = [];
    if (modelId !== null) {
      const model = await findDocument(db, MODELS, modelId);
      if (!model) throw notFound('relationship model', modelId);
      // As the board: the version in force, or a retired model's newest.
      const version = await findVersion(
        db,
        MODELS,
        modelId,
        model.head.agreed_version ?? model.head.current_version,
      );
      const modelSteps = (fromJson<ModelContent>(version?.content ?? null)?.steps ?? []).map(
        ({ key, name }) => ({
          key,
          name,
        }),
      );
      steps = funnelOf(
        modelSteps,
        await positionsPerStep(db, f, modelId),
        await movesOfModel(db, f, modelId, range.to),
        range,
      );
    }

    const engagement = await engagementCounts(
      db,
      StakeholderFilter.parse({ groupId: query.groupId, orgUnitId: query.orgUnitId }),
      query.managerId,
    );
    const levels = engagementLevels.map((level) => ({ level, current: 0, desired: 0 }));
    let below = 0;
    let met = 0;
    let above = 0;
    for (const cell of engagement.cells) {
      const current = engagementLevels.indexOf(cell.current);
      const desired = engagementLevels.indexOf(cell.desired);
      (levels[current] as { current: number }).current += cell.count;
      (levels[desired] as { desired: number }).desired += cell.count;
      if (current < desired) below += cell.count;
      else if (current === desired) met += cell.count;
      else above += cell.count;
    }

    const open = await exceptionCounts(db, f, { open: true });
    const raised = await exceptionCounts(db, f, range);
    const cells = (rows: typeof open) =>
      rows.map((row) => ({
        type: row.type as ExceptionType,
        severity: row.severity as ExceptionSeverity,
        count: row.count,
      }));

    const until = dayAfter(today, DUE_DAYS);
    return {
      period: { from, to },
      health: {
        total: health.total,
        bands: healthBands.map((band) => ({
          band,
          ...(health.counts.get(band) ?? { count: 0, overridden: 0 }),
        })),
      },
      funnel: { models, modelId, steps },
      engagement: { levels, below, met, above, unassessed: engagement.unassessed },
      exceptions: {
        open: cells(open),
        raised: cells(raised),
        openTotal: open.reduce((sum, row) => sum + row.count, 0),
        raisedTotal: raised.reduce((sum, row) => sum + row.count, 0),
      },
      due: {
        today,
        until,
        reviews: await relationshipsDue(db, f, 'next_review_on', today, until),
        contacts: await relationshipsDue(db, f, 'next_contact_on', today, until),
        followUps: await followUpsDue(db, f, today, until),
      },
    };
  }

  return {
    /**
     * The organisation's dashboard for the filters: health distribution, the journey funnel of one model,
     * the engagement gap, exceptions by type and severity, and what is due this week. Nothing in it depends on
     * who asks (confidential content is never part of it), so one cached answer serves every reader.
     */
    async dashboard(actor: Actor | null, query: DashboardQuery): Promise<Dashboard> {
      requirePermission(actor, 'kpis.read');
      if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
        throw fieldErrors('bad_request', [{ path: 'from', message: 'the period starts after it ends' }]);
      }
      const today = new Date().toISOString().slice(0, 10);
      // Read before computing: a change committed meanwhile makes the next request's revision differ.
      const revision = `${await auditRevision(db)}|${today}`;
      const key = JSON.stringify([
        query.from,
        query.to,
        query.groupId,
        query.orgUnitId,
        query.managerId,
        query.modelId,
      ]);
      return cache.get(key, revision, () => compute(query, today));
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
