import { createHash } from 'node:crypto';
import { type MapQuery, mapFields, type StakeholderFilter, type StakeholderMap } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { currentMap, engagementCounts, mapAsOf, mapRevision, salienceCounts } from './analysis.repository.js';

// The map of 100,000 stakeholders is ~10 MB of JSON and costs far more to build than to check for change:
// the last few are kept serialised, keyed by filter and data revision, and also serve as the ETag.
const CACHED_MAPS = 3;
// The revision reads timestamps; with several instances whose clocks differ a change could hide behind an
// older timestamp, so a cached map is also rebuilt after a few seconds whatever the revision says.
const CACHE_SECONDS = 10;

export function createAnalysisService(db: Kysely<DB>) {
  const cache = new Map<string, { etag: string; json: string; revision: string | null; at: number }>();

  return {
    /**
     * The map as JSON with an ETag (a digest of the JSON, so it names exactly this content). Today's maps come
     * from the cache while the data's revision is unchanged; a due filter also depends on the day.
     */
    async mapJson(actor: Actor | null, query: MapQuery): Promise<{ etag: string; json: string }> {
      requirePermission(actor, 'stakeholders.read');
      const key = JSON.stringify(query);
      // A past date's map changes only when history is rewritten (a merge, an undo): built each time.
      const revision = query.asOf
        ? null
        : `${await mapRevision(db)}|${query.due ? new Date().toISOString().slice(0, 10) : ''}`;
      const hit = cache.get(key);
      if (revision !== null && hit?.revision === revision && Date.now() - hit.at < CACHE_SECONDS * 1000)
        return hit;
      const json = JSON.stringify(await this.map(actor, query));
      const built = {
        etag: `"${createHash('sha1').update(json).digest('base64url')}"`,
        json,
        revision,
        at: Date.now(),
      };
      if (revision !== null) {
        cache.delete(key);
        cache.set(key, built);
        if (cache.size > CACHED_MAPS) cache.delete(cache.keys().next().value as string);
      }
      return built;
    },

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
