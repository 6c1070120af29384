import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';

const communality = {
  controlTrust: 4,
  exchangeCommunal: 4,
  protectiveDisclosing: 3,
  processExperimental: 3,
  isolationSharing: 5,
};
const step = (key: string, activities: string[]) => ({
  key,
  name: key,
  activities: activities.map((text, index) => ({ key: `a${index + 1}`, text })),
});

describe.each(dialects)('relationship models on %s', (dialect) => {
  let h: Harness;
  let manager: Session;

  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, version?: number) =>
    manager.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const get = (url: string) => h.admin.request({ method: 'GET', url }).then((r) => r.json());
  const group = async (name: string, keyGroup = true) =>
    (
      await h.admin.request({
        method: 'POST',
        url: '/api/v1/stakeholder-groups',
        payload: { name, keyGroup },
      })
    ).json();
  const createModel = async (payload: object) => {
    const response = await send('POST', '/api/v1/relationship-models', {
      relationshipType: 'partnership',
      communality,
      steps: [step('explore', ['Map needs'])],
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const agree = async (id: string, version: number) => {
    await send('POST', `/api/v1/relationship-models/${id}/propose`, {}, version);
    return (await send('POST', `/api/v1/relationship-models/${id}/agree`, {}, version + 1)).json();
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
  });
  afterAll(() => h.close());

  it('keeps a three-step model with its activities, cadences and weights', async () => {
    const customers = await group('Strategic customers');
    const model = await createModel({
      name: 'Strategic customer partnership',
      groupIds: [customers.id],
      steps: [
        {
          ...step('explore', ['Map needs', 'Meet the sponsor']),
          responsibilities: [
            { role: 'Relationship manager', raci: 'A' },
            { role: 'Relationship agent', raci: 'R' },
          ],
          risks: ['Over-promising'],
          contactEveryDays: 14,
        },
        step('agree', ['Agree outcomes', 'Sign the plan']),
        step('realise', ['Quarterly value review']),
      ],
      contactEveryDaysByQuadrant: { manage_closely: 7 },
    });
    expect(model).toMatchObject({
      name: 'Strategic customer partnership',
      status: 'draft',
      groups: [{ id: customers.id, name: 'Strategic customers' }],
      contactEveryDays: 30,
      reviewEveryDays: 90,
      healthWeights: { sentiment: 30, exceptions: 20, contact: 20, review: 10, satisfaction: 20 },
      contactEveryDaysByQuadrant: { manage_closely: 7 },
    });
    expect(
      model.steps.map((s: { key: string; activities: unknown[] }) => [s.key, s.activities.length]),
    ).toEqual([
      ['explore', 2],
      ['agree', 2],
      ['realise', 1],
    ]);
    expect(model.steps[1]).toMatchObject({
      risks: [],
      behaviours: [],
      responsibilities: [],
      contactEveryDays: null,
    });

    const list = await get(`/api/v1/relationship-models?groupId=${customers.id}`);
    expect(list.data).toEqual([
      expect.objectContaining({
        id: model.id,
        stepCount: 3,
        relationshipType: 'partnership',
        groups: model.groups,
      }),
    ]);
    expect(list.data[0].steps).toBeUndefined();
  });

  it('names every error in a model at its path and writes nothing', async () => {
    const before = await h.count('relationship_models');
    const response = await send('POST', '/api/v1/relationship-models', {
      name: 'Broken',
      relationshipType: 'friendship',
      communality: { ...communality, controlTrust: 6 },
      steps: [
        {
          key: 'explore',
          name: 'Explore',
          activities: [
            { key: 'a1', text: 'One' },
            { key: 'a1', text: 'Two' },
          ],
          responsibilities: [
            { role: 'Manager', raci: 'A' },
            { role: 'Director', raci: 'A' },
          ],
        },
        { key: 'explore', name: 'Again' },
        { key: 'Bad Key!', name: 'Bad' },
      ],
      contactEveryDays: 0,
      reviewEveryDays: 5000,
      healthWeights: { sentiment: 50, exceptions: 50, contact: 50, review: 0, satisfaction: 0 },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(
      [
        'communality.controlTrust',
        'contactEveryDays',
        'healthWeights',
        'relationshipType',
        'reviewEveryDays',
        'steps.0.activities.1.key',
        'steps.0.responsibilities.1.raci',
        'steps.1.key',
        'steps.2.key',
      ].sort(),
    );
    const unknownGroup = await send('POST', '/api/v1/relationship-models', {
      name: 'Ghost group',
      relationshipType: 'basic',
      communality,
      steps: [step('explore', [])],
      groupIds: ['ghost'],
    });
    expect(unknownGroup.statusCode).toBe(422);
    expect(unknownGroup.json().errors).toEqual([{ path: 'groupIds.0', message: expect.any(String) }]);
    expect(await h.count('relationship_models')).toBe(before);
  });

  it('drafts a new version when an agreed model changes, but not for its groups alone', async () => {
    const suppliers = await group('Commodity suppliers');
    const partners = await group('Logistics partners');
    const model = await createModel({
      name: 'Commodity supplier',
      relationshipType: 'basic',
      groupIds: [partners.id],
    });
    const agreed = await agree(model.id, 1);
    expect(agreed).toMatchObject({ status: 'agreed', agreedVersion: 1, version: 3 });

    const regrouped = (
      await send('PATCH', `/api/v1/relationship-models/${model.id}`, { groupIds: [suppliers.id] }, 3)
    ).json();
    expect(regrouped).toMatchObject({ currentVersion: 1, status: 'agreed', groups: [{ id: suppliers.id }] });

    const changed = (
      await send(
        'PATCH',
        `/api/v1/relationship-models/${model.id}`,
        { steps: [step('explore', ['Map needs']), step('withdraw', ['Hand over'])], changeNote: 'add exit' },
        4,
      )
    ).json();
    expect(changed).toMatchObject({
      currentVersion: 2,
      status: 'draft',
      agreedVersion: 1,
      relationshipType: 'basic',
    });
    expect(changed.steps).toHaveLength(2);
    const v1 = await get(`/api/v1/relationship-models/${model.id}/versions/1`);
    expect(v1.steps).toHaveLength(1);
    expect(v1.status).toBe('agreed');
  });

  it('shows which key groups have a model in force and how many stakeholders are left uncovered', async () => {
    const covered = await group(`Covered ${dialect}`);
    const uncovered = await group(`Uncovered ${dialect}`);
    const notKey = await group(`Not key ${dialect}`, false);
    const a = await h.admin.createStakeholder({ name: 'In covered' });
    const b = await h.admin.createStakeholder({ name: 'In both' });
    const c = await h.admin.createStakeholder({ name: 'Only uncovered' });
    const add = (groupId: string, ids: string[]) =>
      h.admin.request({
        method: 'POST',
        url: `/api/v1/stakeholder-groups/${groupId}/members`,
        payload: { stakeholderIds: ids },
      });
    await add(covered.id, [a.id, b.id]);
    await add(uncovered.id, [b.id, c.id]);
    await add(notKey.id, [c.id]);

    const baseline = await get('/api/v1/relationship-models/coverage');
    const model = await createModel({ name: `Covering ${dialect}`, groupIds: [covered.id] });
    const draftOnly = await get('/api/v1/relationship-models/coverage');
    expect(draftOnly.coveredGroups).toBe(baseline.coveredGroups);

    await agree(model.id, 1);
    const coverage = await get('/api/v1/relationship-models/coverage');
    expect(coverage.coveredGroups).toBe(baseline.coveredGroups + 1);
    const rowOf = (id: string) => coverage.groups.find((g: { groupId: string }) => g.groupId === id);
    expect(rowOf(covered.id)).toMatchObject({
      covered: true,
      memberCount: 2,
      models: [{ id: model.id, agreedVersion: 1 }],
    });
    expect(rowOf(uncovered.id)).toMatchObject({ covered: false, memberCount: 2, models: [] });
    expect(rowOf(notKey.id)).toBeUndefined();
    // a and b are now covered (b through the covered group, whatever its other groups); only c is left.
    expect(coverage.uncoveredStakeholders - baseline.uncoveredStakeholders).toBe(-2);
    expect(coverage.stakeholdersInKeyGroups).toBe(baseline.stakeholdersInKeyGroups);

    // Relationships with a (covered) and with c (uncovered) count on each side.
    for (const stakeholder of [a, c]) {
      const opened = await send('POST', '/api/v1/relationships', {
        stakeholderId: stakeholder.id,
        ourRole: 'provider',
      });
      expect(opened.statusCode, opened.body).toBe(201);
    }
    const withRelationships = await get('/api/v1/relationship-models/coverage');
    expect(withRelationships.relationshipsInKeyGroups - coverage.relationshipsInKeyGroups).toBe(2);
    expect(withRelationships.uncoveredRelationships - coverage.uncoveredRelationships).toBe(1);
  });

  it('ships example models in English and Chinese that validate as models', async () => {
    const en = await get('/api/v1/relationship-models/templates?locale=en');
    const zh = await get('/api/v1/relationship-models/templates?locale=zh-CN');
    expect(en.data.length).toBeGreaterThanOrEqual(2);
    expect(zh.data.map((t: { key: string }) => t.key)).toEqual(en.data.map((t: { key: string }) => t.key));
    expect(zh.data[0].name).not.toBe(en.data[0].name);
    const copy = await createModel({ name: zh.data[0].name, ...zh.data[0].content });
    expect(copy.steps.length).toBe(zh.data[0].content.steps.length);
  });

  it('lets agents draft but not agree, and viewers only read', async () => {
    const agent = await h.userWith('relationship_agent');
    const viewer = await h.userWith('viewer');
    const draft = await agent.request({
      method: 'POST',
      url: '/api/v1/relationship-models',
      payload: {
        name: 'Agent draft',
        relationshipType: 'cooperative',
        communality,
        steps: [step('engage', [])],
      },
    });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    await agent.request({
      method: 'POST',
      url: `/api/v1/relationship-models/${id}/propose`,
      headers: { 'if-match': '"1"' },
    });
    const agreeAsAgent = await agent.request({
      method: 'POST',
      url: `/api/v1/relationship-models/${id}/agree`,
      headers: { 'if-match': '"3"' },
    });
    expect(agreeAsAgent.statusCode).toBe(403);
    expect(
      (await viewer.request({ method: 'GET', url: `/api/v1/relationship-models/${id}` })).statusCode,
    ).toBe(200);
    expect(
      (
        await viewer.request({
          method: 'DELETE',
          url: `/api/v1/relationship-models/${id}`,
          headers: { 'if-match': '"2"' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
