import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';
import { pdfPages } from './report.pdf-text.js';

const communality = {
  controlTrust: 3,
  exchangeCommunal: 3,
  protectiveDisclosing: 3,
  processExperimental: 3,
  isolationSharing: 3,
};
const pathsOf = (body: { errors: { path: string }[] }) => body.errors.map((error) => error.path).sort();

describe.each(dialects)('GET /api/v1/reports/{kind}.pdf on %s', (dialect) => {
  let h: Harness;
  let agent: Session;
  let viewer: Session;
  let reviewId: string;
  let approachReviewId: string;

  const send = (as: Session, method: 'POST' | 'PATCH', url: string, payload?: object, version?: number) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const created = async (as: Session, url: string, payload: object) => {
    const response = await send(as, 'POST', url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const report = async (as: Session, query: string) => {
    const response = await as.request({ method: 'GET', url: `/api/v1/reports/${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return { response, pages: await pdfPages(response.rawPayload) };
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    agent = await h.userWith('relationship_agent');
    viewer = await h.userWith('viewer');
    const manager = await h.userWith('relationship_manager');
    // The map: 华为 5/5 and two at 4/4 manage closely; one in each other quadrant.
    await h.admin.createStakeholder({
      name: '华为',
      influence: 5,
      interest: 5,
      power: true,
      legitimacy: true,
      urgency: true,
    });
    const customer = await h.admin.createStakeholder({ name: 'Contoso', influence: 4, interest: 4 });
    await h.admin.createStakeholder({ name: 'Fabrikam', influence: 4, interest: 4 });
    await h.admin.createStakeholder({ name: 'Globex', influence: 4, interest: 1 });
    await h.admin.createStakeholder({ name: 'Initech', influence: 1, interest: 4 });
    await h.admin.createStakeholder({ name: 'Umbrella', influence: 2, interest: 2 });

    // The approach: a key group covered by an agreed model, a draft principle, an approach review held.
    const group = await created(h.admin, '/api/v1/stakeholder-groups', { name: 'Customers' });
    await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [customer.id],
    });
    const model = await created(manager, '/api/v1/relationship-models', {
      name: 'Customer care',
      groupIds: [group.id],
      relationshipType: 'cooperative',
      communality,
      steps: [{ key: 'engage', name: 'Engage', activities: [{ key: 'kickoff', text: 'Hold a kick-off' }] }],
      nextReviewOn: '2027-03-31',
    });
    await send(manager, 'POST', `/api/v1/relationship-models/${model.id}/propose`, {}, 1);
    await send(manager, 'POST', `/api/v1/relationship-models/${model.id}/agree`, {}, 2);
    await created(manager, '/api/v1/principles', { title: 'Be candid', nextReviewOn: '2027-01-15' });
    approachReviewId = (
      await created(manager, '/api/v1/reviews', {
        subject: 'approach',
        title: 'Annual approach review',
        status: 'done',
        heldOn: '2026-06-30',
        findings: 'Models cover the key groups.',
      })
    ).id;

    // A relationship review with an open and a confidential interaction in its period.
    const relationship = await created(h.admin, '/api/v1/relationships', {
      stakeholderId: customer.id,
      ourRole: 'provider',
      modelId: model.id,
      managerId: manager.user.id,
      agentId: agent.user.id,
      startedOn: '2026-01-01',
    });
    await created(agent, '/api/v1/interactions', {
      relationshipId: relationship.id,
      kind: 'meeting',
      occurredAt: '2026-11-01T09:00:00Z',
      summary: 'Kick-off went well',
      sentiment: 2,
    });
    await created(agent, '/api/v1/interactions', {
      relationshipId: relationship.id,
      kind: 'call',
      occurredAt: '2026-11-02T09:00:00Z',
      summary: 'Pricing talk in confidence',
      sentiment: -1,
      confidential: true,
    });
    reviewId = (
      await created(agent, '/api/v1/reviews', {
        subject: 'relationship',
        relationshipId: relationship.id,
        title: 'Autumn review',
        status: 'done',
        heldOn: '2026-11-20',
        periodFrom: '2026-10-01',
        periodTo: '2026-11-20',
        participants: ['Ann', 'Bo'],
        satisfaction: 4,
        findings: 'Contact cadence slipped.',
        decisions: 'Meet monthly.',
      })
    ).id;
  });
  afterAll(() => h.close());

  it('answers the stakeholder map report as a PDF attachment: map, quadrant counts, salience, key stakeholders', async () => {
    const { response, pages } = await report(viewer, 'stakeholder-map.pdf');
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="rapport-stakeholder-map-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Stakeholder map report');
    expect(pages[1]).toContain('Influence and interest map');
    expect(pages[1]).toContain('6 active stakeholders');
    // 3 of 6 manage closely (50%), one in each other quadrant (16.7%).
    expect(pages[1]).toContain('Manage closely 3 50%');
    expect(pages[1]).toContain('Keep satisfied 1 16.7%');
    expect(pages[1]).toContain('Keep informed 1 16.7%');
    expect(pages[1]).toContain('Monitor 1 16.7%');
    expect(pages[2]).toContain('Definitive 1 16.7%');
    // Highest influence first: 华为 (5/5), then the two at 4/4 by name.
    expect(pages[2]).toMatch(/华为 Customer 5 5 — Contoso Customer 4 4 — Fabrikam Customer 4 4/);
    expect(pages[2]).not.toContain('Globex');
  });

  it('prints the report in Simplified Chinese', async () => {
    const { pages } = await report(viewer, 'stakeholder-map.pdf?lang=zh-CN');
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('干系人地图报告');
    expect(pages[1]).toContain('重点管理 3 50%');
    expect(pages[2]).toContain('需要重点管理的关键干系人');
    expect(pages[2]).toContain('第 3 页，共 3 页');
  });

  it('prints a relationship review with its evidence, redacted for the reader', async () => {
    const { pages } = await report(viewer, `relationship-review.pdf?reviewId=${reviewId}`);
    const all = pages.join(' ');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toContain('Relationship review report');
    expect(pages[0]).toContain('2026-10-01 – 2026-11-20');
    expect(pages[1]).toContain('Participants Ann, Bo');
    expect(pages[1]).toContain('Findings Contact cadence slipped.');
    expect(pages[1]).toContain('Decisions Meet monthly.');
    expect(pages[2]).toContain('Interactions in the period 2');
    // The viewer reads only the open meeting's sentiment (+2); the confidential call stays hidden.
    expect(pages[2]).toContain('Average sentiment (−2 to +2) 2');
    expect(all).toContain('Kick-off went well');
    expect(all).not.toContain('Pricing talk');
    expect(all).toMatch(/2026-11-02 Call Confidential/);

    const author = (await report(agent, `relationship-review.pdf?reviewId=${reviewId}`)).pages.join(' ');
    expect(author).toContain('Pricing talk in confidence');
    expect(author).toContain('Average sentiment (−2 to +2) 0.5');

    const zh = (await report(viewer, `relationship-review.pdf?reviewId=${reviewId}&lang=zh-CN`)).pages;
    expect(zh[0]).toContain('关系评审报告');
    expect(zh[1]).toContain('发现 Contact cadence slipped.');
    expect(zh.join(' ')).toContain('保密');
  });

  it('prints the KPI report for the period asked for', async () => {
    const { pages } = await report(viewer, 'kpis.pdf?from=2026-09-01&to=2026-09-30');
    expect(pages).toHaveLength(5);
    expect(pages[0]).toContain('2026-09-01 – 2026-09-30');
    expect(pages[2]).toContain('Practice success factor 1');
    expect(pages[2]).toContain('Principles acknowledged');
    expect(pages[3]).toContain('Practice success factor 2');
    expect(pages[4]).toContain('Practice success factor 3');
  });

  it('prints the approach report: principles, models with coverage, the last approach review', async () => {
    const { pages } = await report(viewer, 'approach.pdf');
    expect(pages).toHaveLength(4);
    expect(pages[1]).toContain('Be candid Draft — 2027-01-15');
    expect(pages[2]).toContain('Customer care Customers Agreed v1 2027-03-31');
    expect(pages[2]).toContain('Key groups 1');
    expect(pages[2]).toContain('Key groups with a model in force 1');
    expect(pages[2]).toContain('Customers 1 Yes Customer care (v1)');
    expect(pages[3]).toContain('Last held on 2026-06-30');
    expect(pages[3]).toContain('Next due on 2027-06-30');
    expect(pages[3]).toContain('Annual approach review');
    expect(pages[3]).toContain('Models cover the key groups.');
    const zh = (await report(viewer, 'approach.pdf?lang=zh-CN')).pages;
    expect(zh[1]).toContain('Be candid 草稿');
    expect(zh[3]).toContain('最近一次方法评审');
  });

  it('names every misplaced or missing parameter at once, before reading anything', async () => {
    const misplaced = await viewer.request({
      method: 'GET',
      url: '/api/v1/reports/relationship-review.pdf?from=2026-01-01',
    });
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(pathsOf(misplaced.json())).toEqual(['from', 'reviewId']);

    const backwards = await viewer.request({
      method: 'GET',
      url: `/api/v1/reports/kpis.pdf?from=2026-09-30&to=2026-09-01&reviewId=${reviewId}`,
    });
    expect(backwards.statusCode).toBe(400);
    expect(pathsOf(backwards.json())).toEqual(['reviewId', 'to']);

    const badQuery = await viewer.request({
      method: 'GET',
      url: '/api/v1/reports/kpis.pdf?lang=fr&from=yesterday&extra=1',
    });
    expect(badQuery.statusCode).toBe(400);
    expect(pathsOf(badQuery.json())).toEqual(['extra', 'from', 'lang']);

    const unknownKind = await viewer.request({ method: 'GET', url: '/api/v1/reports/sales.pdf' });
    expect(unknownKind.statusCode).toBe(400);
    expect(pathsOf(unknownKind.json())).toEqual(['kind']);
  });

  it('answers 404 for an unknown review and 422 for a review of the approach', async () => {
    const unknown = await viewer.request({
      method: 'GET',
      url: '/api/v1/reports/relationship-review.pdf?reviewId=01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const approach = await viewer.request({
      method: 'GET',
      url: `/api/v1/reports/relationship-review.pdf?reviewId=${approachReviewId}`,
    });
    expect(approach.statusCode).toBe(422);
    expect(pathsOf(approach.json())).toEqual(['reviewId']);
  });

  it('needs a signed-in reader', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/v1/reports/kpis.pdf' });
    expect(response.statusCode).toBe(401);
  });
});
