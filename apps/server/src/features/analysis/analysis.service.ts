import { type MapQuery, mapFields, type StakeholderFilter, type StakeholderMap } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { currentMap, engagementCounts, mapAsOf, salienceCounts } from './analysis.repository.js';

export function createAnalysisService(db: Kysely<DB>) {
  return {
    async map(actor: Actor | null, query: MapQuery): Promise<StakeholderMap> {
      requirePermission(actor, 'stakeholders.read');
      const rows = query.asOf
        ? await mapAsOf(db, query, `${query.asOf}T23:59:59.999Z`)
        : await currentMap(db, query);
      return { asOf: query.asOf ?? null, total: rows.length, fields: [...mapFields], rows };
    },

    async salience(actor: Actor | null, filter: StakeholderFilter) {
      requirePermission(actor, 'stakeholders.read');
      return { classes: await salienceCounts(db, filter) };
    },

    async engagement(actor: Actor | null, filter: StakeholderFilter) {
      requirePermission(actor, 'stakeholders.read');
      return engagementCounts(db, filter);
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
