import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

const communality = {
  controlTrust: 3,
  exchangeCommunal: 3,
  protectiveDisclosing: 3,
  processExperimental: 3,
  isolationSharing: 3,
};

describe.each(dialects)('the approach overview on %s', (dialect) => {
  let h: Harness;
  const post = (url: string, payload: object = {}, version?: number) =>
    h.admin.request({
      method: 'POST',
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const overview = () =>
    h.admin.request({ method: 'GET', url: '/api/v1/approach/overview' }).then((r) => r.json());

  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('starts empty with the first approach review due today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const empty = await overview();
    expect(empty.analyse).toMatchObject({
      cultureAssessments: 0,
      lastAssessedOn: null,
      strategicRequirements: false,
    });
    expect(empty.principles).toMatchObject({
      byStatus: { draft: 0, proposed: 0, agreed: 0, retired: 0 },
      inForce: 0,
    });
    expect(empty.models.coverage).toEqual({
      keyGroups: 0,
      coveredGroups: 0,
      stakeholdersInKeyGroups: 0,
      uncoveredStakeholders: 0,
      relationshipsInKeyGroups: 0,
      uncoveredRelationships: 0,
    });
    expect(empty.embed).toEqual({ materials: 0, expectedReads: 0, acknowledged: 0, pendingForMe: [] });
    expect(empty.review).toMatchObject({
      lastHeldOn: null,
      nextDueOn: today,
      overdue: false,
      openImprovements: 0,
    });
  });

  it('follows each activity as records are added', async () => {
    await post('/api/v1/culture-assessments', {
      title: 'Whole organisation',
      assessedOn: '2026-09-01',
      scores: communality,
      dominantType: 'business_friends',
      strategicRequirements: 'Grow partnerships',
    });
    const principle = (
      await post('/api/v1/principles', { title: 'Two-way', nextReviewOn: '2020-01-01' })
    ).json();
    await post(`/api/v1/principles/${principle.id}/propose`, {}, 1);
    const awaiting = await overview();
    expect(awaiting.principles.awaitingAgreement).toEqual([
      { id: principle.id, title: 'Two-way', proposedAt: expect.any(String) },
    ]);
    await post(`/api/v1/principles/${principle.id}/agree`, {}, 2);

    const group = (await post('/api/v1/stakeholder-groups', { name: 'Key customers' })).json();
    const s = await h.admin.createStakeholder();
    await post(`/api/v1/stakeholder-groups/${group.id}/members`, { stakeholderIds: [s.id] });
    await post('/api/v1/materials', {
      title: 'Read me',
      kind: 'markdown',
      body: 'text',
      audience: ['administrator'],
    });
    const review = (
      await post('/api/v1/reviews', {
        title: 'Approach review',
        status: 'done',
        heldOn: '2025-01-10',
        findings: 'ok',
      })
    ).json();
    await post('/api/v1/improvements', { title: 'Do better', sourceType: 'review', sourceId: review.id });

    const state = await overview();
    expect(state.analyse).toMatchObject({
      cultureAssessments: 1,
      lastAssessedOn: '2026-09-01',
      strategicRequirements: true,
      stakeholders: 1,
    });
    expect(state.principles).toMatchObject({
      byStatus: { agreed: 1 },
      inForce: 1,
      awaitingAgreement: [],
      reviewDue: [{ id: principle.id, title: 'Two-way', nextReviewOn: '2020-01-01' }],
    });
    expect(state.models.coverage).toMatchObject({ keyGroups: 1, coveredGroups: 0, uncoveredStakeholders: 1 });
    expect(state.embed).toMatchObject({ materials: 1, expectedReads: 1, acknowledged: 0 });
    expect(state.embed.pendingForMe.map((m: { title: string }) => m.title)).toEqual(['Read me']);
    expect(state.review).toMatchObject({
      lastHeldOn: '2025-01-10',
      nextDueOn: '2026-01-10',
      openImprovements: 1,
    });
    // More than a year after 2025-01-10: the yearly review is overdue.
    expect(state.review.overdue).toBe(true);
  });

  it('is not for someone signed out', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/v1/approach/overview' });
    expect(response.statusCode).toBe(401);
  });
});
