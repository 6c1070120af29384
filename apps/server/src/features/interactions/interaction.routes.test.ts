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
const dayAfter = (iso: string, days: number) =>
  new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(dialects)('interactions and contact cadence on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let otherAgent: Session;
  let customer: { id: string };
  let modelId: string;

  const send = (as: Session, method: 'POST' | 'PATCH', url: string, payload?: object, version?: number) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const get = (as: Session, url: string) => as.request({ method: 'GET', url }).then((r) => r.json());
  const openRelationship = async (startedOn: string) => {
    // Assigning its people is the manager's to do (relationships.assign).
    const response = await send(manager, 'POST', '/api/v1/relationships', {
      stakeholderId: customer.id,
      ourRole: 'provider',
      modelId,
      managerId: manager.user.id,
      agentId: agent.user.id,
      startedOn,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    otherAgent = await h.userWith('relationship_agent');
    const group = (await send(h.admin, 'POST', '/api/v1/stakeholder-groups', { name: 'Customers' })).json();
    customer = await h.admin.createStakeholder({ name: 'Contoso', influence: 2, interest: 2 });
    await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [customer.id],
    });
    const model = (
      await send(manager, 'POST', '/api/v1/relationship-models', {
        name: 'Cadenced',
        groupIds: [group.id],
        relationshipType: 'cooperative',
        communality,
        steps: [
          { key: 'engage', name: 'Engage', contactEveryDays: 7 },
          { key: 'realise', name: 'Realise' },
        ],
        contactEveryDays: 30,
        contactEveryDaysByQuadrant: { monitor: 60 },
      })
    ).json();
    modelId = model.id;
    await send(manager, 'POST', `/api/v1/relationship-models/${modelId}/propose`, {}, 1);
    await send(manager, 'POST', `/api/v1/relationship-models/${modelId}/agree`, {}, 2);
  });
  afterAll(() => h.close());

  it('logs an interaction with people and a follow-up, and moves the next contact on', async () => {
    const r = await openRelationship('2026-01-01');
    // In the engage step its own cadence applies: a week from the start.
    expect(r).toMatchObject({ lastContactAt: null, contactEveryDays: 7, nextContactOn: '2026-01-08' });
    const witness = await h.admin.createStakeholder({ name: 'Witness person' });
    const logged = await send(agent, 'POST', '/api/v1/interactions', {
      relationshipId: r.id,
      kind: 'meeting',
      occurredAt: '2026-03-02T10:00:00+08:00',
      summary: 'Quarterly check-in',
      sentiment: 1,
      participantUserIds: [manager.user.id],
      participantStakeholderIds: [witness.id],
      followUps: [{ text: 'Send the minutes', ownerId: agent.user.id, dueOn: '2026-03-05' }],
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const interaction = logged.json();
    expect(interaction).toMatchObject({
      stakeholderId: customer.id,
      occurredAt: '2026-03-02T02:00:00.000Z',
      redacted: false,
      followUps: [{ text: 'Send the minutes', ownerId: agent.user.id, doneAt: null }],
    });
    expect(await get(agent, `/api/v1/relationships/${r.id}`)).toMatchObject({
      lastContactAt: '2026-03-02T02:00:00.000Z',
      nextContactOn: '2026-03-09',
    });
    // The stakeholders' timelines include it, for the counterpart and for a participant.
    for (const id of [customer.id, witness.id]) {
      const timeline = await get(agent, `/api/v1/interactions?stakeholderId=${id}`);
      expect(timeline.data.map((i: { id: string }) => i.id)).toContain(interaction.id);
    }
    // Moving to a step without its own cadence: the quadrant's (monitor: 60 days) applies.
    const moved = (
      await send(agent, 'POST', `/api/v1/relationships/${r.id}/moves`, { steps: ['realise'] }, 1)
    ).json();
    expect(moved).toMatchObject({ contactEveryDays: 60, nextContactOn: dayAfter('2026-03-02', 60) });

    const mine = await get(agent, '/api/v1/follow-ups?ownerId=me&open=true');
    const followUp = mine.data.find((f: { interactionId: string }) => f.interactionId === interaction.id);
    const done = await send(agent, 'PATCH', `/api/v1/follow-ups/${followUp.id}`, { done: true }, 1);
    expect(done.json()).toMatchObject({ doneBy: agent.user.id, version: 2 });
    expect(done.json().doneAt).not.toBeNull();
    const stale = await send(manager, 'PATCH', `/api/v1/follow-ups/${followUp.id}`, { done: false }, 1);
    expect(stale.statusCode).toBe(409);
    expect((await get(agent, '/api/v1/follow-ups?ownerId=me&open=true')).data).toEqual(
      mine.data.filter((f: { id: string }) => f.id !== followUp.id),
    );
  });

  it('shows a confidential interaction’s content only to its author, the relationship’s people and administrators', async () => {
    const r = await openRelationship('2026-02-01');
    const secret = (
      await send(agent, 'POST', '/api/v1/interactions', {
        relationshipId: r.id,
        kind: 'call',
        occurredAt: '2026-02-10T09:00:00Z',
        confidential: true,
        summary: 'They may switch supplier',
        sentiment: -2,
        followUps: [{ text: 'Escalate quietly', ownerId: manager.user.id }],
      })
    ).json();
    for (const reader of [agent, manager, h.admin]) {
      expect(await get(reader, `/api/v1/interactions/${secret.id}`)).toMatchObject({
        redacted: false,
        summary: 'They may switch supplier',
      });
    }
    const hidden = await get(otherAgent, `/api/v1/interactions/${secret.id}`);
    expect(hidden).toMatchObject({
      redacted: true,
      summary: '',
      sentiment: null,
      followUps: [],
      kind: 'call',
    });
    const timeline = await get(otherAgent, `/api/v1/interactions?relationshipId=${r.id}`);
    expect(timeline.data[0]).toMatchObject({ id: secret.id, redacted: true, summary: '' });
    expect((await get(otherAgent, `/api/v1/follow-ups?relationshipId=${r.id}`)).data).toEqual([]);
    expect((await get(manager, `/api/v1/follow-ups?relationshipId=${r.id}`)).data).toHaveLength(1);
    const edit = await send(
      otherAgent,
      'PATCH',
      `/api/v1/interactions/${secret.id}`,
      { summary: 'mine now' },
      1,
    );
    expect(edit.statusCode).toBe(403);

    // Another manager may not edit it (only the author, this relationship's manager and administrators), nor touch
    // its follow-up; its sentiment does not show through the relationship's health.
    const otherManager = await h.userWith('relationship_manager');
    const unflag = await send(
      otherManager,
      'PATCH',
      `/api/v1/interactions/${secret.id}`,
      { confidential: false },
      1,
    );
    expect(unflag.statusCode).toBe(403);
    const followUpId = (await get(manager, `/api/v1/interactions/${secret.id}`)).followUps[0].id;
    const touched = await send(otherAgent, 'PATCH', `/api/v1/follow-ups/${followUpId}`, { done: true }, 1);
    expect(touched.statusCode).toBe(403);
    expect(touched.body).not.toContain('Escalate quietly');
    const health = (await get(otherAgent, `/api/v1/relationships/${r.id}`)).health;
    expect(health.reasons.find((x: { component: string }) => x.component === 'sentiment')).toMatchObject({
      score: null,
      value: null,
    });

    // The audit log keeps it whole; reading it, only administrators see the content.
    const viewer = await h.userWith('viewer');
    const logged = await get(viewer, `/api/v1/audit-log?entityId=${secret.id}`);
    expect(logged.data[0].after).toMatchObject({
      redacted: true,
      summary: '',
      sentiment: null,
      followUps: [],
    });
    const full = await get(h.admin, `/api/v1/audit-log?entityId=${secret.id}`);
    expect(full.data[0].after).toMatchObject({ summary: 'They may switch supplier', sentiment: -2 });
  });

  it('rejects a sentiment of 7, a future date and unknown people, writing nothing', async () => {
    const r = await openRelationship('2026-02-01');
    const before = await h.count('interactions');
    const bad = await send(agent, 'POST', '/api/v1/interactions', {
      relationshipId: r.id,
      kind: 'telepathy',
      occurredAt: 'yesterday',
      sentiment: 7,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['kind', 'occurredAt', 'sentiment']);
    const unknown = await send(agent, 'POST', '/api/v1/interactions', {
      relationshipId: r.id,
      kind: 'email',
      occurredAt: '2999-01-01T00:00:00Z',
      participantUserIds: ['ghost'],
      participantStakeholderIds: ['ghost'],
      followUps: [{ text: 'x', ownerId: 'ghost' }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'occurredAt',
      'participantUserIds.0',
      'participantStakeholderIds.0',
      'followUps.0.ownerId',
    ]);
    const nobody = await send(agent, 'POST', '/api/v1/interactions', {
      kind: 'email',
      occurredAt: '2026-01-01T00:00:00Z',
    });
    expect(nobody.json().errors).toEqual([{ path: 'stakeholderId', message: expect.any(String) }]);
    // 30 hours ahead, written with a western offset, is still in the future.
    const ahead = new Date(Date.now() + 30 * 3_600_000 - 12 * 3_600_000).toISOString().replace('Z', '-12:00');
    const stranger = await h.admin.createStakeholder({ name: 'Not a party' });
    const wrong = await send(agent, 'POST', '/api/v1/interactions', {
      relationshipId: r.id,
      stakeholderId: stranger.id,
      kind: 'call',
      occurredAt: ahead,
    });
    expect(wrong.json().errors.map((e: { path: string }) => e.path)).toEqual(['stakeholderId', 'occurredAt']);
    expect(await h.count('interactions')).toBe(before);
    const viewer = await h.userWith('viewer');
    const denied = await send(viewer, 'POST', '/api/v1/interactions', {
      stakeholderId: customer.id,
      kind: 'email',
      occurredAt: '2026-01-01T00:00:00Z',
    });
    expect(denied.statusCode).toBe(403);
  });

  it('scores health from recent sentiment and timely contact, with its reasons, an override and a history', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const r = await openRelationship(today);
    expect(r.health).toMatchObject({ score: 100, computed: 100, override: null });
    for (const sentiment of [2, 0]) {
      await send(agent, 'POST', '/api/v1/interactions', {
        relationshipId: r.id,
        kind: 'meeting',
        occurredAt: new Date().toISOString(),
        sentiment,
      });
    }
    const scored = await get(agent, `/api/v1/relationships/${r.id}`);
    // Sentiment averages +1 → 75; contact is on time → 100; no open exception → 100; review and satisfaction are
    // not measured: (75 × 30 + 100 × 20 + 100 × 20) / 70 = 89.
    expect(scored.health.computed).toBe(89);
    expect(scored.health.reasons).toEqual(
      expect.arrayContaining([
        { component: 'sentiment', weight: 30, score: 75, value: 1 },
        { component: 'contact', weight: 20, score: 100, value: 0 },
        { component: 'satisfaction', weight: 20, score: null, value: null },
      ]),
    );
    const override = { healthOverride: { score: 40, comment: 'The sponsor is leaving' } };
    expect((await send(agent, 'PATCH', `/api/v1/relationships/${r.id}`, override, 1)).statusCode).toBe(403);
    const noReason = await send(
      manager,
      'PATCH',
      `/api/v1/relationships/${r.id}`,
      { healthOverride: { score: 40, comment: ' ' } },
      1,
    );
    expect(noReason.json().errors).toEqual([{ path: 'healthOverride.comment', message: expect.any(String) }]);
    const overridden = (await send(manager, 'PATCH', `/api/v1/relationships/${r.id}`, override, 1)).json();
    expect(overridden.health).toMatchObject({
      score: 40,
      computed: 89,
      override: { score: 40, comment: 'The sponsor is leaving', by: manager.user.id },
    });
    const history = await get(agent, `/api/v1/relationships/${r.id}/health-history`);
    expect(history.data).toEqual([{ day: today, score: 40 }]);
  });

  it('lists relationships whose contact is due, until someone gets in touch', async () => {
    const r = await openRelationship('2025-01-01');
    const due = await get(manager, '/api/v1/relationships?contactDue=true&limit=200');
    expect(due.data.map((x: { id: string }) => x.id)).toContain(r.id);
    await send(agent, 'POST', '/api/v1/interactions', {
      relationshipId: r.id,
      kind: 'email',
      occurredAt: new Date().toISOString(),
    });
    const after = await get(manager, '/api/v1/relationships?contactDue=true&limit=200');
    expect(after.data.map((x: { id: string }) => x.id)).not.toContain(r.id);
  });
});
