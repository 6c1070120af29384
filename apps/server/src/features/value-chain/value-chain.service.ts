import {
  type ValueChainActivity,
  type ValueChainActivityKey,
  type ValueChainContribution,
  type ValueChainHeatMap,
  type ValueChainPatch,
  type ValueChainQuery,
  valueChainActivities,
  valueChainDefaultLevels,
  valueChainRecordTypes,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import {
  type ContributionRow,
  type Period,
  recordedActivity,
  saveContribution,
  storedContribution,
  storedContributions,
} from './value-chain.repository.js';

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/** The period of the query: `to` defaults to today (UTC), `from` to 89 days before it (90 days, like the KPIs). */
function periodOf(query: ValueChainQuery, today: string): Period {
  const toDay = query.to ?? today;
  const fromDay = query.from ?? dayOf(msOf(toDay) - 89 * DAY);
  if (fromDay > toDay) {
    throw fieldErrors('rule_broken', [{ path: 'from', message: 'must not be after `to`' }]);
  }
  return {
    fromDay,
    toDay,
    start: new Date(msOf(fromDay)).toISOString(),
    end: new Date(msOf(toDay) + DAY).toISOString(),
  };
}

const isActivity = (key: string): key is ValueChainActivityKey =>
  (valueChainActivities as readonly string[]).includes(key);

/** An activity nobody has changed: the guide's default level, version 1 (no row is stored for it). */
const defaultOf = (activity: ValueChainActivityKey): ContributionRow => ({
  activity,
  level: valueChainDefaultLevels[activity],
  note: '',
  version: 1,
  updatedAt: null,
  updatedBy: null,
});

export function createValueChainService(db: Kysely<DB>) {
  return {
    /** The six activities in value-chain order, each with its level and what was recorded in the period. */
    async heatMap(actor: Actor | null, query: ValueChainQuery): Promise<ValueChainHeatMap> {
      requirePermission(actor, 'kpis.read');
      const period = periodOf(query, now().slice(0, 10));
      const [stored, counts] = await Promise.all([storedContributions(db), recordedActivity(db, period)]);
      const byActivity = new Map(stored.map((row) => [row.activity, row]));
      const data: ValueChainActivity[] = valueChainActivities.map((activity) => {
        const typed = valueChainRecordTypes[activity].map((type) => ({ type, count: counts[type] }));
        return {
          ...(byActivity.get(activity) ?? defaultOf(activity)),
          recorded: { total: typed.reduce((sum, row) => sum + row.count, 0), counts: typed },
        };
      });
      return { period: { from: period.fromDay, to: period.toDay }, data };
    },

    /** Changes the level and/or note of one activity; versioned and audited in one transaction. */
    async update(
      actor: Actor | null,
      activity: string,
      version: number,
      patch: ValueChainPatch,
    ): Promise<ValueChainContribution> {
      const signedIn = requirePermission(actor, 'kpis.manage');
      if (!isActivity(activity)) throw new AppError('not_found', `No value-chain activity ${activity}`);
      return db.transaction().execute(async (trx) => {
        const stored = await storedContribution(trx, activity);
        const before = stored ?? defaultOf(activity);
        if (before.version !== version) throw staleVersion(before);
        const level = patch.level ?? before.level;
        const note = patch.note ?? before.note;
        // A patch that changes nothing writes nothing (no new version, no audit entry).
        if (level === before.level && note === before.note) return before;
        const after = {
          activity,
          level,
          note,
          version: version + 1,
          updatedAt: now(),
          updatedBy: signedIn.id,
        };
        if (!(await saveContribution(trx, stored !== null, after))) {
          throw staleVersion((await storedContribution(trx, activity)) ?? before);
        }
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'update',
          entity: 'value_chain_contribution',
          entityId: activity,
          before,
          after,
        });
        return after;
      });
    },
  };
}

export type ValueChainService = ReturnType<typeof createValueChainService>;
