import { stakeholderCategories } from '@rapport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { everyCategoryCovered } from './demo.data.js';
import { seedDemo } from './demo.seed.js';

describe.each(dialects)('the demo organisation on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('covers every stakeholder category', () => {
    expect(everyCategoryCovered(stakeholderCategories)).toBe(true);
  });

  it('refuses, with an error, a database without an administrator', async () => {
    const empty = await createTestDatabase(dialect);
    try {
      await expect(seedDemo(empty.database.db)).rejects.toThrow(/needs an administrator/);
    } finally {
      await empty.drop();
    }
  });

  it('loads once: bilingual stakeholders in all four quadrants, owners and a history of re-assessments', async () => {
    expect(await seedDemo(h.test.database.db)).toMatch(/^Loaded/);
    expect(await seedDemo(h.test.database.db)).toMatch(/already/);
    const page = (
      await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders?limit=200&count=true' })
    ).json();
    expect(page.total).toBeGreaterThanOrEqual(20);
    const quadrants = new Set(page.data.map((s: { quadrant: string }) => s.quadrant));
    expect(quadrants.size).toBe(4);
    expect(page.data.every((s: { name: string }) => /[\u4e00-\u9fff]/.test(s.name))).toBe(true);
    expect(await h.count('stakeholder_assessments')).toBeGreaterThan(page.total);
  });

  it('shows the common approach in every state: units, culture, principles, models, training, a review', async () => {
    const overview = (await h.admin.request({ method: 'GET', url: '/api/v1/approach/overview' })).json();
    expect(overview.analyse).toMatchObject({ cultureAssessments: 3, strategicRequirements: true });
    expect(overview.analyse.orgUnits).toBeGreaterThanOrEqual(5);
    expect(overview.principles.byStatus).toEqual({ draft: 2, proposed: 1, agreed: 1, retired: 1 });
    expect(overview.principles.inForce).toBe(2);
    expect(overview.models.inForce).toBe(2);
    expect(overview.models.awaitingAgreement).toHaveLength(1);
    expect(overview.models.coverage).toMatchObject({ keyGroups: 4, coveredGroups: 2 });
    expect(overview.models.coverage.uncoveredStakeholders).toBeGreaterThan(0);
    expect(overview.embed.acknowledged).toBeGreaterThan(0);
    expect(overview.embed.acknowledged).toBeLessThan(overview.embed.expectedReads);
    // Two from the approach review, three from relationship reviews, exceptions and surveys (demo.reviews.ts).
    expect(overview.review).toMatchObject({ lastHeldOn: '2025-12-05', openImprovements: 5 });
    const internal = (
      await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders?scope=internal&limit=200' })
    ).json();
    expect(
      internal.data.filter((s: { orgUnitId: string | null }) => s.orgUnitId !== null).length,
    ).toBeGreaterThan(0);
  });

  it('shows relationship reviews held, due and to plan, improvements of every source and lessons in both languages', async () => {
    const get = (url: string) => h.admin.request({ method: 'GET', url }).then((r) => r.json());
    const held = await get('/api/v1/reviews?subject=relationship&status=done');
    expect(held.data).toHaveLength(1);
    const evidence = await get(`/api/v1/reviews/${held.data[0].id}/evidence`);
    expect(evidence.interactions.total).toBeGreaterThan(0);
    expect((await get('/api/v1/reviews?subject=relationship&due=true')).data.length).toBeGreaterThanOrEqual(
      1,
    );
    expect(
      (await get('/api/v1/reviews?subject=relationship&trigger=end')).data.length,
    ).toBeGreaterThanOrEqual(1);
    expect((await get('/api/v1/reviews/due')).data.length).toBeGreaterThanOrEqual(1);
    const sources = new Set(
      (await get('/api/v1/improvements?limit=200')).data.map((i: { sourceType: string }) => i.sourceType),
    );
    expect([...sources].sort()).toEqual(['exception', 'kpi', 'manual', 'review', 'survey']);
    const model = (await get('/api/v1/lessons?limit=200')).data.filter(
      (l: { modelId: string | null }) => l.modelId,
    );
    expect(model.length).toBe(3);
    expect((await get(`/api/v1/lessons?q=${encodeURIComponent('议程')}`)).data).toHaveLength(1);
    expect((await get('/api/v1/lessons?q=deputy')).data).toHaveLength(1);
  });
  it('shows the measurement side: KPIs with targets and values, manual ones entered, a raised value-chain level', async () => {
    const get = (url: string) => h.admin.request({ method: 'GET', url }).then((r) => r.json());
    const catalogue = await get('/api/v1/kpis');
    const byKey = new Map(catalogue.data.map((k: { key: string }) => [k.key, k]));
    const statuses = new Set(catalogue.data.map((k: { status: string }) => k.status));
    expect(statuses.has('met') || statuses.has('missed')).toBe(true);
    expect(catalogue.data.every((k: { target: number | null }) => k.target !== null)).toBe(true);
    expect((byKey.get('image_in_media') as { value: number }).value).toBe(72);
    expect(
      (byKey.get('image_in_media') as { trend: { value: number | null }[] }).trend.map((p) => p.value),
    ).toEqual([58, 61, 60, 64, 67, 72]);
    expect((byKey.get('relationships_with_agreed_model') as { value: number | null }).value).not.toBeNull();
    const chain = await get('/api/v1/value-chain');
    const improve = chain.data.find((a: { activity: string }) => a.activity === 'improve');
    expect(improve.level).toBe('high');
    expect(chain.data.some((a: { recorded: { total: number } }) => a.recorded.total > 0)).toBe(true);
    const dashboard = await get('/api/v1/dashboard');
    expect(dashboard.health.total).toBeGreaterThan(0);
  });
});
