import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createKpiService } from '../kpis/kpi.service.js';
import { createValueChainService } from '../value-chain/value-chain.service.js';
import type { DemoPeople } from './demo.approach.js';

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Targets for most KPIs, so the catalogue and the dashboard show met and missed ones. */
const targets = {
  principles_acknowledged: 80,
  key_groups_with_agreed_model: 100,
  relationships_with_agreed_model: 90,
  map_coverage: 75,
  reviews_on_time: 90,
  ended_approach_not_followed: 10,
  climate_score: 4,
  internal_satisfaction: 4,
  toxic_exceptions: 0,
  left_due_to_toxic_relationships: 0,
  key_stakeholder_csat: 4,
  key_stakeholder_nps: 30,
  exceptions_resolved_in_time: 85,
  contacts_on_cadence: 80,
  image_in_media: 70,
} as const;

/**
 * The measurement side of the demo: KPI targets, the manual KPIs entered for the last six 90-day periods (so their
 * trend has a shape), and one value-chain level the organisation raised with a note saying why.
 */
export async function seedDemoKpis(db: Kysely<DB>, people: Pick<DemoPeople, 'admin'>): Promise<void> {
  const kpis = createKpiService(db);
  for (const [key, target] of Object.entries(targets)) {
    const kpi = await kpis.get(people.admin, key, {});
    await kpis.updateSettings(people.admin, key, { target }, kpi.version);
  }
  const today = Date.parse(`${dayOf(Date.now())}T00:00:00Z`);
  const image = [58, 61, 60, 64, 67, 72];
  const left = [3, 2, 2, 1, 1, 0];
  for (let i = 0; i < 6; i++) {
    const to = dayOf(today - (5 - i) * 90 * DAY_MS);
    const from = dayOf(today - ((5 - i) * 90 + 89) * DAY_MS);
    await kpis.addEntry(people.admin, 'image_in_media', {
      from,
      to,
      value: image[i] as number,
      note: 'Media monitoring index · 媒体监测指数',
    });
    await kpis.addEntry(people.admin, 'left_due_to_toxic_relationships', {
      from,
      to,
      value: left[i] as number,
      note: 'Exit interviews · 离职面谈',
    });
  }
  await createValueChainService(db).update(people.admin, 'improve', 1, {
    level: 'high',
    note: 'Raised after the last approach review: reviews feed the improvement register · 上次方法评审后上调：评审结果进入改进登记册',
  });
}
