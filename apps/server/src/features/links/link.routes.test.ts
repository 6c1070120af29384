import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe.each(dialects)('stakeholder links and the network on %s', (dialect) => {
  let h: Harness;
  const link = (payload: object) =>
    h.admin.request({ method: 'POST', url: '/api/v1/stakeholder-links', payload });
  const get = (url: string) => h.admin.request({ method: 'GET', url }).then((r) => r.json());

  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('links two stakeholders, refuses a duplicate, a self-link, unknown ids and an unknown type', async () => {
    const a = await h.admin.createStakeholder({ name: 'CFO' });
    const b = await h.admin.createStakeholder({ name: 'Finance' });
    const created = await link({ fromId: a.id, toId: b.id, type: 'member_of', note: 'since 2024' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ fromId: a.id, toId: b.id, type: 'member_of', directed: true });

    expect((await link({ fromId: a.id, toId: b.id, type: 'member_of' })).statusCode).toBe(409);
    const self = await link({ fromId: a.id, toId: a.id, type: 'influences' });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors).toEqual([{ path: 'toId', message: expect.any(String) }]);
    const ghosts = await link({ fromId: 'ghost', toId: 'phantom', type: 'influences' });
    expect(ghosts.json().errors.map((e: { path: string }) => e.path)).toEqual(['fromId', 'toId']);
    const badType = await link({ fromId: a.id, toId: b.id, type: 'married_to' });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().errors[0].path).toBe('type');
  });

  it('stores an undirected link once, whichever way round it is given', async () => {
    const a = await h.admin.createStakeholder();
    const b = await h.admin.createStakeholder();
    expect((await link({ fromId: b.id, toId: a.id, type: 'allied_with' })).statusCode).toBe(201);
    const again = await link({ fromId: a.id, toId: b.id, type: 'allied_with' });
    expect(again.statusCode).toBe(409);
    const listed = await get(`/api/v1/stakeholder-links?stakeholderId=${a.id}`);
    expect(listed.data).toHaveLength(1);
    expect(listed.data[0].directed).toBe(false);
  });

  it('walks the network to the depth asked, filtered by link type', async () => {
    const [ceo, cfo, bank, press] = [
      await h.admin.createStakeholder({ name: 'CEO' }),
      await h.admin.createStakeholder({ name: 'CFO' }),
      await h.admin.createStakeholder({ name: 'Bank' }),
      await h.admin.createStakeholder({ name: 'Press' }),
    ];
    await link({ fromId: cfo.id, toId: ceo.id, type: 'reports_to' });
    await link({ fromId: bank.id, toId: cfo.id, type: 'influences' });
    await link({ fromId: press.id, toId: bank.id, type: 'in_conflict_with' });

    const one = await get(`/api/v1/stakeholders/${ceo.id}/network?depth=1`);
    expect(one.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['CEO', 'CFO']);
    const three = await get(`/api/v1/stakeholders/${ceo.id}/network?depth=3`);
    expect(three.nodes).toHaveLength(4);
    expect(three.links).toHaveLength(3);
    expect(three.nodes.find((n: { name: string }) => n.name === 'Press').depth).toBe(3);
    const reportsOnly = await get(`/api/v1/stakeholders/${ceo.id}/network?depth=3&type=reports_to`);
    expect(reportsOnly.links).toHaveLength(1);

    const group = (
      await h.admin.request({ method: 'POST', url: '/api/v1/stakeholder-groups', payload: { name: 'Board' } })
    ).json();
    await h.admin.request({
      method: 'POST',
      url: `/api/v1/stakeholder-groups/${group.id}/members`,
      payload: { stakeholderIds: [ceo.id] },
    });
    const ofGroup = await get(`/api/v1/stakeholder-groups/${group.id}/network?depth=1`);
    expect(ofGroup.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['CEO', 'CFO']);

    expect(
      (await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders/nobody/network' })).statusCode,
    ).toBe(404);
  });

  it('deletes a link with an audit entry, and a viewer may not', async () => {
    const a = await h.admin.createStakeholder();
    const b = await h.admin.createStakeholder();
    const created = (await link({ fromId: a.id, toId: b.id, type: 'represents' })).json();
    const viewer = await h.userWith('viewer');
    expect(
      (await viewer.request({ method: 'DELETE', url: `/api/v1/stakeholder-links/${created.id}` })).statusCode,
    ).toBe(403);
    expect(
      (await h.admin.request({ method: 'DELETE', url: `/api/v1/stakeholder-links/${created.id}` }))
        .statusCode,
    ).toBe(204);
    const audit = await get(`/api/v1/audit-log?entity=stakeholder_link&entityId=${created.id}`);
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
  });

  it('lists the organisation’s links page by page with a total, filtered by stakeholder and type', async () => {
    const all = await get('/api/v1/stakeholder-links?limit=200');
    for (const before of all.data) {
      await h.admin.request({ method: 'DELETE', url: `/api/v1/stakeholder-links/${before.id}` });
    }
    const [hub, x, y, z] = [
      await h.admin.createStakeholder({ name: 'Hub' }),
      await h.admin.createStakeholder(),
      await h.admin.createStakeholder(),
      await h.admin.createStakeholder(),
    ];
    const made = [
      (await link({ fromId: x.id, toId: hub.id, type: 'reports_to' })).json(),
      (await link({ fromId: hub.id, toId: y.id, type: 'influences' })).json(),
      (await link({ fromId: y.id, toId: z.id, type: 'influences' })).json(),
      (await link({ fromId: z.id, toId: x.id, type: 'represents' })).json(),
      (await link({ fromId: z.id, toId: hub.id, type: 'influences' })).json(),
    ];
    const seen: string[] = [];
    let url = '/api/v1/stakeholder-links?limit=2&count=true';
    for (;;) {
      const page = await get(url);
      expect(page.total).toBe(5);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((l: { id: string }) => l.id));
      if (!page.nextCursor) break;
      url = `/api/v1/stakeholder-links?limit=2&count=true&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(made.map((l) => l.id));
    const newest = await get('/api/v1/stakeholder-links?sort=-createdAt&limit=1');
    expect(newest.data[0].id).toBe(made[4].id);

    const ofHub = await get(`/api/v1/stakeholder-links?stakeholderId=${hub.id}&count=true`);
    expect(ofHub.total).toBe(3);
    expect(ofHub.nextCursor).toBeNull();
    const influences = await get(
      `/api/v1/stakeholder-links?stakeholderId=${hub.id}&type=influences&count=true`,
    );
    expect(influences.data.map((l: { id: string }) => l.id)).toEqual([made[1].id, made[4].id]);
    expect(influences.total).toBe(2);
    expect((await get('/api/v1/stakeholder-links?type=represents,reports_to&count=true')).total).toBe(2);
  });

  it('refuses a bad list query with field errors, and a visitor who is not signed in', async () => {
    const bad = await h.admin.request({
      method: 'GET',
      url: '/api/v1/stakeholder-links?limit=0&sort=name&cursor=zz',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['limit', 'sort']);
    const badCursor = await h.admin.request({ method: 'GET', url: '/api/v1/stakeholder-links?cursor=zz' });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors).toEqual([{ path: 'cursor', message: 'invalid cursor' }]);
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/stakeholder-links' });
    expect(anonymous.statusCode).toBe(401);
    const viewer = await h.userWith('viewer');
    expect((await viewer.request({ method: 'GET', url: '/api/v1/stakeholder-links' })).statusCode).toBe(200);
  });
});
