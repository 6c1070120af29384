import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';

const communality = {
  controlTrust: 3,
  exchangeCommunal: 3,
  protectiveDisclosing: 3,
  processExperimental: 3,
  isolationSharing: 3,
};
const activities = (...texts: string[]) => texts.map((text, index) => ({ key: `a${index + 1}`, text }));

describe.each(dialects)('relationships on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let model: { id: string };
  let customer: { id: string; name: string };

  const send = (
    as: Session,
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    version?: number,
  ) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const get = (url: string) => h.admin.request({ method: 'GET', url }).then((r) => r.json());
  const open = async (as: Session, payload: object) => {
    const response = await send(as, 'POST', '/api/v1/relationships', { ourRole: 'provider', ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    const group = (
      await send(h.admin, 'POST', '/api/v1/stakeholder-groups', { name: 'Key customers' })
    ).json();
    customer = await h.admin.createStakeholder({ name: 'Acme Bank' });
    await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [customer.id],
    });
    model = (
      await send(manager, 'POST', '/api/v1/relationship-models', {
        name: 'Customer partnership',
        groupIds: [group.id],
        relationshipType: 'partnership',
        communality,
        steps: [
          { key: 'explore', name: 'Explore', activities: activities('Map needs', 'Meet the sponsor') },
          { key: 'engage', name: 'Engage', activities: activities('Agree contacts') },
          { key: 'offer', name: 'Offer' },
          { key: 'withdraw', name: 'Withdraw', activities: activities('Hand over', 'Thank them') },
        ],
        contactEveryDays: 14,
      })
    ).json();
    await send(manager, 'POST', `/api/v1/relationship-models/${model.id}/propose`, {}, 1);
    await send(manager, 'POST', `/api/v1/relationship-models/${model.id}/agree`, {}, 2);
  });
  afterAll(() => h.close());

  it('proposes the model of the stakeholder’s group and opens on a copy of its journey', async () => {
    const proposal = await get(`/api/v1/relationships/proposed-models?stakeholderId=${customer.id}`);
    expect(proposal.models).toEqual([
      { id: model.id, name: 'Customer partnership', agreedVersion: 1, groupIds: [proposal.groups[0].id] },
    ]);
    const relationship = await open(manager, {
      stakeholderId: customer.id,
      modelId: model.id,
      agentId: agent.user.id,
    });
    expect(relationship).toMatchObject({
      name: 'Acme Bank',
      status: 'active',
      maturity: 'ad_hoc',
      modelVersion: 1,
      currentSteps: ['explore'],
      characteristics: { commercial: 'commercial', choice: 'voluntary' },
      startedOn: new Date().toISOString().slice(0, 10),
      stakeholderName: 'Acme Bank',
      modelName: 'Customer partnership',
    });
    expect(relationship.journey.steps.map((s: { key: string }) => s.key)).toEqual([
      'explore',
      'engage',
      'offer',
      'withdraw',
    ]);
    expect(relationship.journey.contactEveryDays).toBe(14);
    const moves = await get(`/api/v1/relationships/${relationship.id}/moves`);
    expect(moves.data).toEqual([
      expect.objectContaining({ fromSteps: [], toSteps: ['explore'], actorId: manager.user.id }),
    ]);

    const loner = await h.admin.createStakeholder({ name: 'No group' });
    expect((await get(`/api/v1/relationships/proposed-models?stakeholderId=${loner.id}`)).models).toEqual([]);
    const without = await open(agent, { stakeholderId: loner.id, service: false, ourRole: null });
    expect(without).toMatchObject({ journey: null, currentSteps: [], modelId: null });
    const stuck = await send(
      agent,
      'POST',
      `/api/v1/relationships/${without.id}/moves`,
      { steps: ['explore'] },
      1,
    );
    expect(stuck.statusCode).toBe(422);
  });

  it('refuses a relationship with itself, missing roles, dates out of order and a model not in force', async () => {
    const draft = (
      await send(manager, 'POST', '/api/v1/relationship-models', {
        name: 'Draft model',
        relationshipType: 'basic',
        communality,
        steps: [{ key: 'explore', name: 'Explore' }],
      })
    ).json();
    const before = await h.count('relationships');
    const bad = await send(manager, 'POST', '/api/v1/relationships', {
      stakeholderId: customer.id,
      fromStakeholderId: customer.id,
      orgUnitId: 'ghost',
      service: true,
      managerId: 'nobody',
      startedOn: '2026-05-01',
      nextReviewOn: '2026-04-01',
      modelId: draft.id,
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['fromStakeholderId', 'managerId', 'modelId', 'nextReviewOn', 'orgUnitId', 'ourRole'].sort());
    const wrong = await send(agent, 'POST', '/api/v1/relationships', {
      stakeholderId: customer.id,
      maturity: 'best friends',
      characteristics: { commercial: 'yes' },
      startedOn: 'soon',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['maturity', 'startedOn', 'characteristics.commercial']),
    );
    const unknownStep = await send(agent, 'POST', '/api/v1/relationships', {
      stakeholderId: customer.id,
      ourRole: 'both',
      modelId: model.id,
      currentSteps: ['realise'],
    });
    expect(unknownStep.json().errors).toEqual([{ path: 'currentSteps.0', message: expect.any(String) }]);
    expect(await h.count('relationships')).toBe(before);
  });

  it('moves on the journey, in parallel steps too, keeps the history, and lets only one of two moves win', async () => {
    const r = await open(agent, { stakeholderId: customer.id, modelId: model.id, name: `Board ${dialect}` });
    const moved = await send(
      agent,
      'POST',
      `/api/v1/relationships/${r.id}/moves`,
      {
        steps: ['explore', 'engage'],
        note: 'Sponsor met; contacts next',
      },
      1,
    );
    expect(moved.json()).toMatchObject({ currentSteps: ['explore', 'engage'], version: 2 });
    const inEngage = await get(`/api/v1/relationships?step=engage&q=board ${dialect}`);
    expect(inEngage.data.map((x: { id: string }) => x.id)).toEqual([r.id]);

    const race = await Promise.all([
      send(agent, 'POST', `/api/v1/relationships/${r.id}/moves`, { steps: ['offer'] }, 2),
      send(manager, 'POST', `/api/v1/relationships/${r.id}/moves`, { steps: ['engage'] }, 2),
    ]);
    expect(race.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    const lost = race.find((x) => x.statusCode === 409);
    expect(lost?.json().current.version).toBe(3);

    const bad = await send(
      agent,
      'POST',
      `/api/v1/relationships/${r.id}/moves`,
      { steps: ['nowhere', 'offer', 'offer'] },
      3,
    );
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['steps.0', 'steps.2']);
    const history = await get(`/api/v1/relationships/${r.id}/moves`);
    expect(history.data).toHaveLength(3);
    expect(history.data[1]).toMatchObject({
      fromSteps: ['explore'],
      toSteps: ['explore', 'engage'],
      note: 'Sponsor met; contacts next',
    });
    expect((await get(`/api/v1/relationships?step=explore&q=board ${dialect}`)).data).toHaveLength(0);
  });

  it('ticks and unticks activities of the journey with who and when', async () => {
    const r = await open(agent, { stakeholderId: customer.id, modelId: model.id });
    const ticked = await send(agent, 'PUT', `/api/v1/relationships/${r.id}/checklist/explore/a2`, {
      done: true,
    });
    expect(ticked.json().data).toEqual([
      { stepKey: 'explore', activityKey: 'a2', doneBy: agent.user.id, doneAt: expect.any(String) },
    ]);
    // Ticking again changes nothing, not even who ticked it.
    await send(manager, 'PUT', `/api/v1/relationships/${r.id}/checklist/explore/a2`, { done: true });
    expect((await get(`/api/v1/relationships/${r.id}/checklist`)).data[0].doneBy).toBe(agent.user.id);
    const unticked = await send(agent, 'PUT', `/api/v1/relationships/${r.id}/checklist/explore/a2`, {
      done: false,
    });
    expect(unticked.json().data).toEqual([]);
    expect(
      (await send(agent, 'PUT', `/api/v1/relationships/${r.id}/checklist/explore/a9`, { done: true }))
        .statusCode,
    ).toBe(404);
    const viewer = await h.userWith('viewer');
    expect(
      (await send(viewer, 'PUT', `/api/v1/relationships/${r.id}/checklist/explore/a1`, { done: true }))
        .statusCode,
    ).toBe(403);
  });

  it('tailors its own journey without touching the model; only managers tailor', async () => {
    const r = await open(agent, { stakeholderId: customer.id, modelId: model.id });
    const journey = {
      ...r.journey,
      steps: r.journey.steps.filter((s: { key: string }) => s.key !== 'offer'),
      contactEveryDays: 7,
    };
    expect((await send(agent, 'PATCH', `/api/v1/relationships/${r.id}`, { journey }, 1)).statusCode).toBe(
      403,
    );
    const tailored = await send(manager, 'PATCH', `/api/v1/relationships/${r.id}`, { journey }, 1);
    expect(tailored.json().journey).toMatchObject({ contactEveryDays: 7 });
    expect(tailored.json().journey.steps).toHaveLength(3);
    expect((await get(`/api/v1/relationship-models/${model.id}`)).steps).toHaveLength(4);
    const withoutCurrent = {
      ...journey,
      steps: journey.steps.filter((s: { key: string }) => s.key !== 'explore'),
    };
    const refused = await send(
      manager,
      'PATCH',
      `/api/v1/relationships/${r.id}`,
      { journey: withoutCurrent },
      2,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].path).toBe('journey.steps');
  });

  it('ends with a reason into the withdraw step, whose activities stay tickable for offboarding', async () => {
    const r = await open(agent, { stakeholderId: customer.id, modelId: model.id, startedOn: '2026-01-10' });
    expect(
      (await send(agent, 'POST', `/api/v1/relationships/${r.id}/end`, { endReason: 'completed' }, 1))
        .statusCode,
    ).toBe(403);
    const early = await send(
      manager,
      'POST',
      `/api/v1/relationships/${r.id}/end`,
      { endReason: 'completed', endedOn: '2025-12-31' },
      1,
    );
    expect(early.json().errors).toEqual([{ path: 'endedOn', message: expect.any(String) }]);
    const ended = await send(
      manager,
      'POST',
      `/api/v1/relationships/${r.id}/end`,
      { endReason: 'approach_not_followed', endNote: 'Agreed cadence never kept', endedOn: '2026-06-30' },
      1,
    );
    expect(ended.json()).toMatchObject({
      status: 'ended',
      endReason: 'approach_not_followed',
      endedOn: '2026-06-30',
      currentSteps: ['withdraw'],
    });
    expect(
      (await send(agent, 'PATCH', `/api/v1/relationships/${r.id}`, { name: 'Again' }, 2)).statusCode,
    ).toBe(422);
    expect(
      (await send(manager, 'POST', `/api/v1/relationships/${r.id}/end`, { endReason: 'other' }, 2))
        .statusCode,
    ).toBe(422);
    const offboarding = await send(agent, 'PUT', `/api/v1/relationships/${r.id}/checklist/withdraw/a1`, {
      done: true,
    });
    expect(offboarding.statusCode).toBe(200);
    expect((await get(`/api/v1/relationships?status=ended`)).data.map((x: { id: string }) => x.id)).toContain(
      r.id,
    );
  });

  it('follows a stakeholder merged into another', async () => {
    const survivor = await h.admin.createStakeholder({ name: 'Merged Corp' });
    const duplicate = await h.admin.createStakeholder({ name: 'Merged Corp Ltd' });
    const r = await open(agent, { stakeholderId: duplicate.id });
    const merged = await send(h.admin, 'POST', `/api/v1/stakeholders/${survivor.id}/merge`, {
      duplicateId: duplicate.id,
      version: survivor.version,
      duplicateVersion: duplicate.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await get(`/api/v1/relationships/${r.id}`)).toMatchObject({
      stakeholderId: survivor.id,
      version: 2,
    });
    expect(
      (await get(`/api/v1/relationships?stakeholderId=${survivor.id}`)).data.map((x: { id: string }) => x.id),
    ).toEqual([r.id]);
  });

  it('moves the contacts and exceptions of a merged stakeholder to the one kept', async () => {
    const survivor = await h.admin.createStakeholder({ name: 'Kept Holdings' });
    const duplicate = await h.admin.createStakeholder({ name: 'Kept Holdings Ltd' });
    const witness = await h.admin.createStakeholder({ name: 'Witness' });
    const contact = await send(agent, 'POST', '/api/v1/interactions', {
      stakeholderId: duplicate.id,
      kind: 'call',
      occurredAt: '2026-03-01T10:00:00Z',
      participantStakeholderIds: [survivor.id, witness.id],
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const raised = await send(agent, 'POST', '/api/v1/exceptions', {
      title: 'Dispute over invoices',
      type: 'conflict',
      severity: 'minor',
      stakeholderIds: [duplicate.id, survivor.id],
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const merged = await send(h.admin, 'POST', `/api/v1/stakeholders/${survivor.id}/merge`, {
      duplicateId: duplicate.id,
      version: survivor.version,
      duplicateVersion: duplicate.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const timeline = await get(`/api/v1/interactions?stakeholderId=${survivor.id}`);
    expect(timeline.data.map((x: { id: string; stakeholderId: string }) => [x.id, x.stakeholderId])).toEqual([
      [contact.json().id, survivor.id],
    ]);
    expect((await get(`/api/v1/interactions?stakeholderId=${duplicate.id}`)).data).toEqual([]);
    const exceptions = await get(`/api/v1/exceptions?stakeholderId=${survivor.id}`);
    expect(exceptions.data.map((x: { id: string }) => x.id)).toEqual([raised.json().id]);
    expect((await get(`/api/v1/exceptions?stakeholderId=${duplicate.id}`)).data).toEqual([]);
  });
});
