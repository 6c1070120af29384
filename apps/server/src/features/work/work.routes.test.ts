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

describe.each(dialects)('my work on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let other: Session;
  let model: { id: string };
  let relationship: { id: string };

  const send = (as: Session, url: string, payload: object, version?: number) =>
    as.request({
      method: 'POST',
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const work = (as: Session) => as.request({ method: 'GET', url: '/api/v1/me/work' }).then((r) => r.json());

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    other = await h.userWith('relationship_agent');
  });
  afterAll(() => h.close());

  it('lists the contacts, follow-ups, activities and reviews due on my relationships, and only mine', async () => {
    const group = (await send(h.admin, '/api/v1/stakeholder-groups', { name: `Work ${dialect}` })).json();
    const stakeholder = await h.admin.createStakeholder({ name: 'Fabrikam' });
    await send(h.admin, `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [stakeholder.id],
    });
    model = (
      await send(manager, '/api/v1/relationship-models', {
        name: 'Work model',
        groupIds: [group.id],
        relationshipType: 'basic',
        communality,
        steps: [
          {
            key: 'explore',
            name: 'Explore',
            activities: [
              { key: 'a1', text: 'Map needs' },
              { key: 'a2', text: 'Meet the buyer' },
            ],
          },
        ],
        contactEveryDays: 30,
      })
    ).json();
    await send(manager, `/api/v1/relationship-models/${model.id}/propose`, {}, 1);
    await send(manager, `/api/v1/relationship-models/${model.id}/agree`, {}, 2);
    relationship = (
      await send(h.admin, '/api/v1/relationships', {
        stakeholderId: stakeholder.id,
        ourRole: 'provider',
        modelId: model.id,
        agentId: agent.user.id,
        startedOn: '2026-01-01',
        nextReviewOn: '2026-02-01',
      })
    ).json();
    await agent.request({
      method: 'PUT',
      url: `/api/v1/relationships/${relationship.id}/checklist/explore/a1`,
      payload: { done: true },
    });
    await send(agent, '/api/v1/interactions', {
      relationshipId: relationship.id,
      kind: 'call',
      occurredAt: '2026-01-15T10:00:00Z',
      followUps: [
        { text: 'Send the offer', ownerId: agent.user.id, dueOn: '2026-01-20' },
        { text: 'Not mine', ownerId: other.user.id },
      ],
    });

    const mine = await work(agent);
    expect(mine.contacts).toEqual([
      {
        relationshipId: relationship.id,
        name: 'Fabrikam',
        stakeholderId: stakeholder.id,
        nextContactOn: '2026-02-14',
        overdue: true,
      },
    ]);
    expect(
      mine.followUps.map((f: { text: string; relationshipName: string }) => [f.text, f.relationshipName]),
    ).toEqual([['Send the offer', 'Fabrikam']]);
    expect(mine.checklist).toEqual([
      {
        relationshipId: relationship.id,
        relationshipName: 'Fabrikam',
        stepKey: 'explore',
        stepName: 'Explore',
        activityKey: 'a2',
        text: 'Meet the buyer',
      },
    ]);
    expect(mine.reviews).toEqual([
      { relationshipId: relationship.id, name: 'Fabrikam', nextReviewOn: '2026-02-01', overdue: true },
    ]);

    const theirs = await work(other);
    expect(theirs.contacts).toEqual([]);
    expect(theirs.checklist).toEqual([]);
    expect(theirs.followUps.map((f: { text: string }) => f.text)).toEqual(['Not mine']);
  });

  it('shows a change at once: an activity ticked leaves the list', async () => {
    const before = await work(agent);
    expect(before.checklist.map((item: { activityKey: string }) => item.activityKey)).toEqual(['a2']);
    const ticked = await agent.request({
      method: 'PUT',
      url: `/api/v1/relationships/${relationship.id}/checklist/explore/a2`,
      payload: { done: true },
    });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect((await work(agent)).checklist).toEqual([]);
  });

  it('lists the activities of the 25 relationships to contact soonest', async () => {
    const busy = await h.userWith('relationship_agent');
    const names: string[] = [];
    // 26 relationships whose next contacts fall on 26 successive days (started a day apart, every 30 days).
    for (let i = 0; i < 26; i++) {
      const stakeholder = await h.admin.createStakeholder({ name: `Soon ${String(i).padStart(2, '0')}` });
      const opened = await send(h.admin, '/api/v1/relationships', {
        stakeholderId: stakeholder.id,
        ourRole: 'provider',
        modelId: model.id,
        agentId: busy.user.id,
        startedOn: `2026-03-${String(i + 1).padStart(2, '0')}`,
      });
      expect(opened.statusCode, opened.body).toBe(201);
      names.push(opened.json().name);
    }
    const { checklist } = await work(busy);
    // Both activities of the first 25; none of the 26th, whose contact is the latest.
    expect(checklist).toHaveLength(50);
    expect([
      ...new Set(checklist.map((item: { relationshipName: string }) => item.relationshipName)),
    ]).toEqual(names.slice(0, 25));
  });

  it('is for signed-in users only', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me/work' })).statusCode).toBe(401);
  });
});
