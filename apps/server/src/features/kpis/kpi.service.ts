import {
  can,
  type FieldError,
  type Kpi,
  type KpiCatalogue,
  type KpiEntry,
  type KpiEntryInput,
  KpiKey,
  type KpiQuery,
  type KpiRecord,
  type KpiSettingsPatch,
  kpiKeys,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import type { Page } from '../../shared/pagination.js';
import { auditRevision, revisionCache } from '../../shared/revision-cache.js';
import { now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { computeSeries } from './kpi.compute.js';
import { kpiDefinitions, unitRange } from './kpi.definitions.js';
import type { Series } from './kpi.measure.js';
import { current, TREND_POINTS, todayUtc, type Window, windowOf } from './kpi.period.js';
import { kpiRecords } from './kpi.records.js';
import {
  defaultSetting,
  insertEntry,
  type KpiSetting,
  kpiSettings,
  listEntries,
  saveSetting,
  toEntry,
} from './kpi.settings.repository.js';

function keyOf(key: string): KpiKey {
  const parsed = KpiKey.safeParse(key);
  if (!parsed.success) throw new AppError('not_found', `No KPI named ${key}`);
  return parsed.data;
}

const statusOf = (key: KpiKey, value: number | null, target: number | null): Kpi['status'] => {
  if (value === null) return 'no_data';
  if (target === null) return 'no_target';
  const higher = kpiDefinitions[key].direction === 'higher_is_better';
  return (higher ? value >= target : value <= target) ? 'met' : 'missed';
};

function present(key: KpiKey, w: Window, series: Series, setting: KpiSetting): Kpi {
  const definition = kpiDefinitions[key];
  const now = series.points[TREND_POINTS - 1] ?? { value: null, numerator: null, denominator: null };
  return {
    key,
    psf: definition.psf,
    source: definition.source,
    unit: definition.unit,
    direction: definition.direction,
    period: current(w),
    value: now.value,
    numerator: now.numerator,
    denominator: now.denominator,
    breakdown: series.breakdown,
    target: setting.target,
    status: statusOf(key, now.value, setting.target),
    trend: w.periods.map((period, k) => ({ ...period, value: series.points[k]?.value ?? null })),
    version: setting.version,
    updatedAt: setting.updatedAt,
  };
}

/** A value a KPI of this unit can take, else a field error naming `path`. */
function rangeError(key: KpiKey, value: number, path: string): FieldError[] {
  const { min, max } = unitRange[kpiDefinitions[key].unit];
  return value < min || value > max ? [{ path, message: `from ${min} to ${max} for this KPI` }] : [];
}

const scopeOf = (query: KpiQuery) => ({
  groupId: query.groupId,
  orgUnitId: query.orgUnitId,
  managerId: query.managerId,
});

// The catalogue aggregates the whole organisation's records (at 200,000 relationships and 2,000,000
// interactions, contacts on cadence alone takes seconds), far more than checking whether anything changed.
// As for the dashboard, answers are kept per KPI set and filters while the audit log — which every change
// writes in its transaction, KPI targets and manual entries included — is unchanged and the day is the same
// (the default period, "already due" and the trend's periods move with it). Five minutes is the backstop.
const CACHED_ANSWERS = 100;
const MAX_AGE_MS = 5 * 60_000;

export function createKpiService(db: Kysely<DB>) {
  const cache = revisionCache<KpiCatalogue>({ size: CACHED_ANSWERS, maxAgeMs: MAX_AGE_MS });

  async function compute(keys: readonly KpiKey[], query: KpiQuery, today: string) {
    const w = windowOf(query, today);
    const [series, settings] = await Promise.all([
      computeSeries(db, keys, w, scopeOf(query)),
      kpiSettings(db),
    ]);
    return {
      period: current(w),
      data: keys.map((key) =>
        present(key, w, series.get(key) as Series, settings.get(key) ?? defaultSetting),
      ),
    };
  }

  async function kpisOf(keys: readonly KpiKey[], query: KpiQuery): Promise<KpiCatalogue> {
    const today = todayUtc();
    // Validates the period before anything is read or cached (a bad one is a 400, never a cached answer).
    windowOf(query, today);
    // Read before computing: a change committed meanwhile makes the next request's revision differ.
    const revision = `${await auditRevision(db)}|${today}`;
    const key = JSON.stringify([
      keys.join(','),
      query.from,
      query.to,
      query.groupId,
      query.orgUnitId,
      query.managerId,
    ]);
    return cache.get(key, revision, () => compute(keys, query, today));
  }

  const service = {
    /** Every KPI for the period, with its trend over the five same-length periods before it. */
    async catalogue(actor: Actor | null, query: KpiQuery): Promise<KpiCatalogue> {
      requirePermission(actor, 'kpis.read');
      return kpisOf(kpiKeys, query);
    },

    async get(actor: Actor | null, key: string, query: KpiQuery): Promise<Kpi> {
      requirePermission(actor, 'kpis.read');
      const { data } = await kpisOf([keyOf(key)], query);
      return data[0] as Kpi;
    },

    /** Sets the target (null clears it). Versioned: none sent → 428, stale → 409 with the current KPI. */
    async updateSettings(
      actor: Actor | null,
      key: string,
      patch: KpiSettingsPatch,
      ifMatch?: number,
    ): Promise<Kpi> {
      const signedIn = requirePermission(actor, 'kpis.manage');
      const kpi = keyOf(key);
      const version = ifMatch ?? patch.version;
      if (version === undefined) throw new AppError('version_required');
      if (ifMatch !== undefined && patch.version !== undefined && patch.version !== ifMatch) {
        throw new AppError('bad_request', 'If-Match and version disagree', [
          { path: 'version', message: 'differs from If-Match' },
        ]);
      }
      if (patch.target !== undefined && patch.target !== null) {
        const errors = rangeError(kpi, patch.target, 'target');
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
      }
      // The 409 carries the KPI as it is now, read after the transaction (SQLite has one connection).
      const outcome = await db.transaction().execute(async (trx) => {
        const before = (await kpiSettings(trx)).get(kpi) ?? defaultSetting;
        if (before.version !== version) return 'stale';
        if (patch.target === undefined || patch.target === before.target) return 'unchanged';
        const at = now();
        if (!(await saveSetting(trx, kpi, version, patch.target, signedIn.id, at))) return 'stale';
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'update',
          entity: 'kpi',
          entityId: kpi,
          before: { target: before.target, version: before.version },
          after: { target: patch.target, version: version + 1 },
        });
        return 'saved';
      });
      if (outcome === 'stale') throw staleVersion(await service.get(actor, kpi, {}));
      return service.get(actor, kpi, {});
    },

    async listEntries(actor: Actor | null, key: string): Promise<Page<KpiEntry>> {
      requirePermission(actor, 'kpis.read');
      const kpi = keyOf(key);
      return { data: await listEntries(db, kpi), nextCursor: null };
    },

    /** A value of a manual KPI for a period; computed KPIs refuse entries (422). */
    async addEntry(actor: Actor | null, key: string, input: KpiEntryInput): Promise<KpiEntry> {
      const signedIn = requirePermission(actor, 'kpis.manage');
      const kpi = keyOf(key);
      if (kpiDefinitions[kpi].source !== 'manual') {
        throw new AppError(
          'rule_broken',
          `${kpi} is computed from the records; only manual KPIs take entries`,
        );
      }
      const errors: FieldError[] = [...rangeError(kpi, input.value, 'value')];
      if (input.to < input.from) errors.push({ path: 'to', message: 'must be on or after `from`' });
      if (input.to > new Date(Date.now() + 86_400_000).toISOString().slice(0, 10))
        errors.push({ path: 'to', message: 'cannot be in the future' });
      if (errors.length > 0) throw fieldErrors('rule_broken', errors);
      const row = {
        id: newId(),
        key: kpi,
        period_from: input.from,
        period_to: input.to,
        value: input.value,
        note: input.note ?? '',
        created_by: signedIn.id,
        created_at: now(),
      };
      const entry = toEntry(row);
      await db.transaction().execute(async (trx) => {
        await insertEntry(trx, row);
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'create',
          entity: 'kpi_entry',
          entityId: row.id,
          before: null,
          after: entry,
        });
      });
      return entry;
    },

    /**
     * The records behind the value for the period (not the trend), a page at a time. Survey answers are listed
     * one by one only to those who may read them (`surveys.answers`), and only of named surveys; everyone else
     * gets the KPI's value, an aggregate, and no answer rows (a score without its name is still one person's
     * answer when a filter narrows the slice to a few).
     */
    async records(
      actor: Actor | null,
      key: string,
      query: KpiQuery & { limit: number; cursor?: string | undefined },
    ): Promise<Page<KpiRecord>> {
      const signedIn = requirePermission(actor, 'kpis.read');
      const kpi = keyOf(key);
      const listed = can(signedIn.role, 'surveys.answers') ? 'named' : 'none';
      return kpiRecords(db, kpi, windowOf(query), scopeOf(query), query, listed);
    },
  };
  return service;
}

export type KpiService = ReturnType<typeof createKpiService>;
