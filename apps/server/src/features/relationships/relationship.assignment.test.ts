import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';

/** Assignment (relationships.assign) and the health override (relationships.health): rules about records. */
describe.each(dialects)('who assigns a relationship on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let intruder: Session;
  let contributor: Session;
  let customerId: string;

  const send = (as: Session, method: 'POST' | 'PATCH', url: string, payload: object, version?: number) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const get = (as: Session, url: string) => as.request({ method: 'GET', url }).then((r) => r.json());
  const auditOf = async (id: string) =>
    (await get(h.admin, `/api/v1/audit-log?entity=relationship&entityId=${id}`)).data.length;

  /** A relationship the manager looks after with `agent`, and one confidential meeting on it. */
  async function assignedRelationship() {
    const opened = await send(manager, 'POST', '/api/v1/relationships', {
      stakeholderId: customerId,
      ourRole: 'provider',
      managerId: manager.user.id,
      agentId: agent.user.id,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const secret = await send(agent, 'POST', '/api/v1/interactions', {
      relationshipId: opened.json().id,
      kind: 'meeting',
      occurredAt: '2026-03-01T10:00:00Z',
      confidential: true,
      summary: 'The sponsor is leaving in May',
    });
    expect(secret.statusCode, secret.body).toBe(201);
    return { relationship: opened.json(), secretId: secret.json().id as string };
  }

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    intruder = await h.userWith('relationship_agent');
    contributor = await h.userWith('contributor');
    customerId = (await h.admin.createStakeholder({ name: 'Contoso' })).id;
  });
  afterAll(() => h.close());

  it('refuses an agent making themselves agent or manager of a relationship, writing nothing', async () => {
    const { relationship, secretId } = await assignedRelationship();
    const audited = await auditOf(relationship.id);
    for (const patch of [
      { agentId: intruder.user.id },
      { managerId: intruder.user.id },
      { agentId: null },
      { name: 'Renamed', agentId: intruder.user.id },
    ]) {
      const refused = await send(intruder, 'PATCH', `/api/v1/relationships/${relationship.id}`, patch, 1);
      expect(refused.statusCode, JSON.stringify(patch)).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().detail).toContain('relationships.assign');
    }
    // The relationship's own agent may not hand it on or add a manager either.
    expect(
      (
        await send(
          agent,
          'PATCH',
          `/api/v1/relationships/${relationship.id}`,
          { managerId: agent.user.id },
          1,
        )
      ).statusCode,
    ).toBe(403);
    const after = await get(h.admin, `/api/v1/relationships/${relationship.id}`);
    expect(after).toMatchObject({
      version: 1,
      name: relationship.name,
      managerId: manager.user.id,
      agentId: agent.user.id,
    });
    expect(await auditOf(relationship.id)).toBe(audited);
    // The confidential meeting stays hidden from the intruder.
    const seen = await get(intruder, `/api/v1/interactions/${secretId}`);
    expect(seen).toMatchObject({ redacted: true, summary: '' });
    const edit = await send(
      intruder,
      'PATCH',
      `/api/v1/interactions/${secretId}`,
      { summary: 'Mine now' },
      1,
    );
    expect(edit.statusCode).toBe(403);
  });

  it('lets an agent edit other fields and send the people the relationship already has', async () => {
    const { relationship } = await assignedRelationship();
    const unchanged = await send(
      intruder,
      'PATCH',
      `/api/v1/relationships/${relationship.id}`,
      { name: 'Contoso, renewed', managerId: manager.user.id, agentId: agent.user.id },
      1,
    );
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect(unchanged.json()).toMatchObject({
      name: 'Contoso, renewed',
      managerId: manager.user.id,
      agentId: agent.user.id,
    });
  });

  it('refuses a manager naming themselves on a relationship they are not on, while an administrator may', async () => {
    const { relationship, secretId } = await assignedRelationship();
    const otherManager = await h.userWith('relationship_manager');
    for (const patch of [{ managerId: otherManager.user.id }, { agentId: otherManager.user.id }]) {
      const refused = await send(otherManager, 'PATCH', `/api/v1/relationships/${relationship.id}`, patch, 1);
      expect(refused.statusCode, JSON.stringify(patch)).toBe(403);
      expect(refused.json().detail).toContain('name themselves');
    }
    expect(await get(otherManager, `/api/v1/interactions/${secretId}`)).toMatchObject({ redacted: true });
    expect((await get(h.admin, `/api/v1/relationships/${relationship.id}`)).version).toBe(1);
    // The relationship's own manager may still hand it to a colleague, and an administrator may take it on.
    const handed = await send(
      manager,
      'PATCH',
      `/api/v1/relationships/${relationship.id}`,
      { managerId: otherManager.user.id },
      1,
    );
    expect(handed.statusCode, handed.body).toBe(200);
    const byAdmin = await send(
      h.admin,
      'PATCH',
      `/api/v1/relationships/${relationship.id}`,
      { agentId: h.admin.user.id },
      2,
    );
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
  });

  it('lets a manager and an administrator assign, after which the new agent reads the confidential meeting', async () => {
    const { relationship, secretId } = await assignedRelationship();
    const reassigned = await send(
      manager,
      'PATCH',
      `/api/v1/relationships/${relationship.id}`,
      { agentId: intruder.user.id },
      1,
    );
    expect(reassigned.statusCode, reassigned.body).toBe(200);
    expect(reassigned.json().agentId).toBe(intruder.user.id);
    expect(await get(intruder, `/api/v1/interactions/${secretId}`)).toMatchObject({
      redacted: false,
      summary: 'The sponsor is leaving in May',
    });
    // The agent it was taken from no longer holds it, but still reads what they wrote.
    expect((await get(agent, `/api/v1/interactions/${secretId}`)).redacted).toBe(false);
    const byAdmin = await send(
      h.admin,
      'PATCH',
      `/api/v1/relationships/${relationship.id}`,
      { managerId: null, agentId: agent.user.id },
      2,
    );
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({ managerId: null, agentId: agent.user.id });
    expect((await get(intruder, `/api/v1/interactions/${secretId}`)).redacted).toBe(true);
  });

  it('opens a relationship unassigned for those who may not assign, and refuses naming anyone', async () => {
    const before = await h.count('relationships');
    for (const people of [
      { agentId: intruder.user.id },
      { managerId: intruder.user.id },
      { managerId: manager.user.id },
      { agentId: agent.user.id, managerId: null },
    ]) {
      const refused = await send(intruder, 'POST', '/api/v1/relationships', {
        stakeholderId: customerId,
        ourRole: 'provider',
        ...people,
      });
      expect(refused.statusCode, JSON.stringify(people)).toBe(403);
    }
    expect(await h.count('relationships')).toBe(before);
    const unassigned = await send(intruder, 'POST', '/api/v1/relationships', {
      stakeholderId: customerId,
      ourRole: 'provider',
      managerId: null,
      agentId: null,
    });
    expect(unassigned.statusCode, unassigned.body).toBe(201);
    expect(unassigned.json()).toMatchObject({ managerId: null, agentId: null });
    // Contributors and viewers open none at all.
    const viewer = await h.userWith('viewer');
    for (const as of [contributor, viewer]) {
      expect(
        (await send(as, 'POST', '/api/v1/relationships', { stakeholderId: customerId, ourRole: 'provider' }))
          .statusCode,
      ).toBe(403);
    }
    expect(await h.count('relationships')).toBe(before + 1);
  });

  it('refuses an assignment before anything else, even with other errors in the request', async () => {
    const { relationship } = await assignedRelationship();
    const mixed = await send(
      intruder,
      'PATCH',
      `/api/v1/relationships/${relationship.id}`,
      { agentId: intruder.user.id, nextReviewOn: '1999-01-01' },
      1,
    );
    expect(mixed.statusCode).toBe(403);
  });

  it('lets only those with relationships.health override the health, writing nothing otherwise', async () => {
    const { relationship } = await assignedRelationship();
    const override = { healthOverride: { score: 30, comment: 'Budget cut announced' } };
    for (const as of [agent, intruder, contributor]) {
      const refused = await send(as, 'PATCH', `/api/v1/relationships/${relationship.id}`, override, 1);
      expect(refused.statusCode).toBe(403);
    }
    expect((await get(h.admin, `/api/v1/relationships/${relationship.id}`)).health.override).toBeNull();
    const set = await send(manager, 'PATCH', `/api/v1/relationships/${relationship.id}`, override, 1);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().health.override).toMatchObject({ score: 30, by: manager.user.id });
    const removed = await send(
      h.admin,
      'PATCH',
      `/api/v1/relationships/${relationship.id}`,
      { healthOverride: null },
      2,
    );
    expect(removed.json().health.override).toBeNull();
    const me = await get(agent, '/api/v1/me');
    expect(me.permissions).not.toContain('relationships.health');
    expect(me.permissions).not.toContain('relationships.assign');
    expect((await get(manager, '/api/v1/me')).permissions).toEqual(
      expect.arrayContaining(['relationships.health', 'relationships.assign']),
    );
  });
});
