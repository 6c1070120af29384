import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe.each(dialects)('stakeholder groups on %s', (dialect) => {
  let h: Harness;
  const post = (url: string, payload: object) => h.admin.request({ method: 'POST', url, payload });
  const get = (url: string) => h.admin.request({ method: 'GET', url }).then((r) => r.json());

  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('lists every field error of a bad group and writes nothing', async () => {
    const before = await h.count('audit_log');
    const response = await post('/api/v1/stakeholder-groups', { name: '', reassessDays: 0, keyGroup: 'yes' });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['keyGroup', 'name', 'reassessDays']);
    expect(await h.count('audit_log')).toBe(before);
  });

  it('adds members by id and by filter, shows them in the list, and removes one', async () => {
    const group = (
      await post('/api/v1/stakeholder-groups', { name: 'Key customers · 重点客户', reassessDays: 90 })
    ).json();
    expect(group).toMatchObject({ keyGroup: true, reassessDays: 90, memberCount: 0, version: 1 });
    const a = await h.admin.createStakeholder({ category: 'customer', name: 'Filter customer A' });
    const b = await h.admin.createStakeholder({ category: 'customer', name: 'Filter customer B' });
    const c = await h.admin.createStakeholder({ category: 'supplier', name: 'Named supplier C' });

    const unknown = await post(`/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [c.id, 'ghost'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([{ path: 'stakeholderIds.1', message: expect.any(String) }]);

    expect(
      (await post(`/api/v1/stakeholder-groups/${group.id}/members`, { stakeholderIds: [c.id] })).json(),
    ).toEqual({ added: 1 });
    const byFilter = await post(`/api/v1/stakeholder-groups/${group.id}/members`, {
      filter: { category: 'customer', q: 'filter customer' },
    });
    expect(byFilter.json()).toEqual({ added: 2 });
    expect(
      (
        await post(`/api/v1/stakeholder-groups/${group.id}/members`, { filter: { category: 'customer' } })
      ).json().added,
    ).toBe(0);

    const members = await get(`/api/v1/stakeholders?groupId=${group.id}`);
    expect(members.data.map((s: { id: string }) => s.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect((await get(`/api/v1/stakeholder-groups/${group.id}`)).memberCount).toBe(3);
    expect((await get(`/api/v1/stakeholders/${a.id}/groups`)).data.map((g: { id: string }) => g.id)).toEqual([
      group.id,
    ]);

    const memberships = await get(`/api/v1/stakeholder-groups/memberships?stakeholderId=${a.id},${c.id}`);
    expect(memberships.data).toEqual(
      expect.arrayContaining([
        { stakeholderId: a.id, groupId: group.id, groupName: 'Key customers · 重点客户' },
        { stakeholderId: c.id, groupId: group.id, groupName: 'Key customers · 重点客户' },
      ]),
    );

    const removed = await h.admin.request({
      method: 'DELETE',
      url: `/api/v1/stakeholder-groups/${group.id}/members/${a.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await get(`/api/v1/stakeholder-groups/${group.id}`)).memberCount).toBe(2);
  });

  it('answers 404 for the groups of a stakeholder that does not exist', async () => {
    expect(
      (await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders/nobody/groups' })).statusCode,
    ).toBe(404);
  });

  it('rejects a filter with a bad value, naming it', async () => {
    const group = (await post('/api/v1/stakeholder-groups', { name: 'Filtered' })).json();
    const response = await post(`/api/v1/stakeholder-groups/${group.id}/members`, {
      filter: { category: 'pirates' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('filter.category.0');
  });

  it('lists members whose last assessment is older than the group’s interval as due, until re-assessed', async () => {
    const group = (await post('/api/v1/stakeholder-groups', { name: 'Regulators', reassessDays: 30 })).json();
    const stale = await h.admin.createStakeholder({ name: 'Stale regulator', category: 'regulator' });
    const fresh = await h.admin.createStakeholder({ name: 'Fresh regulator', category: 'regulator' });
    await post(`/api/v1/stakeholder-groups/${group.id}/members`, { stakeholderIds: [stale.id, fresh.id] });
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await h.test.database.db
      .updateTable('stakeholders')
      .set({ last_assessed_at: longAgo })
      .where('id', '=', stale.id)
      .execute();

    const due = await get('/api/v1/stakeholders?due=true&sort=lastAssessedAt');
    expect(due.data.map((s: { id: string }) => s.id)).toEqual([stale.id]);
    expect(due.data[0].lastAssessedAt).toBe(longAgo);
    // Every view of a filter honours "due": the map, the counts, and adding a filter's results to a group.
    expect((await get('/api/v1/stakeholders/map?due=true')).total).toBe(1);
    const salience = await get('/api/v1/stakeholders/salience?due=true');
    expect(salience.classes.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(1);
    const followUp = (await post('/api/v1/stakeholder-groups', { name: 'Follow-up' })).json();
    expect(
      (await post(`/api/v1/stakeholder-groups/${followUp.id}/members`, { filter: { due: 'true' } })).json(),
    ).toEqual({ added: 1 });

    await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/stakeholders/${stale.id}`,
      headers: { 'if-match': `"${stale.version}"` },
      payload: { interest: stale.interest === 5 ? 4 : 5, assessmentNote: 'Quarterly review' },
    });
    expect((await get('/api/v1/stakeholders?due=true')).data).toEqual([]);
  });

  it('archives a group, which then refuses changes; stale versions get 409', async () => {
    const group = (await post('/api/v1/stakeholder-groups', { name: 'Temporary' })).json();
    const stale = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/stakeholder-groups/${group.id}`,
      headers: { 'if-match': '"7"' },
      payload: { name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const archived = await h.admin.request({
      method: 'DELETE',
      url: `/api/v1/stakeholder-groups/${group.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(archived.json().archivedAt).not.toBeNull();
    const s = await h.admin.createStakeholder();
    expect(
      (await post(`/api/v1/stakeholder-groups/${group.id}/members`, { stakeholderIds: [s.id] })).statusCode,
    ).toBe(422);
    expect(
      (await get('/api/v1/stakeholder-groups?archived=only')).data.map((g: { id: string }) => g.id),
    ).toContain(group.id);
  });

  it('counts the groups a filter finds with count=true, archived ones only when asked', async () => {
    const before = await get('/api/v1/stakeholder-groups?count=true&archived=true&limit=200');
    expect(before.total).toBe(before.data.length);
    for (const name of ['Count Alpha', 'Count Beta', 'Count Gamma'])
      await post('/api/v1/stakeholder-groups', { name });
    const page = await get('/api/v1/stakeholder-groups?q=count%20&limit=2&count=true');
    expect(page.data).toHaveLength(2);
    expect(page.total).toBe(3);
    expect(page.nextCursor).not.toBeNull();
    const rest = await get(
      `/api/v1/stakeholder-groups?q=count%20&limit=2&count=true&cursor=${page.nextCursor}`,
    );
    expect(rest.data.map((g: { name: string }) => g.name)).toEqual(['Count Gamma']);
    expect(rest.total).toBe(3);
    expect((await get('/api/v1/stakeholder-groups?count=true&archived=true&limit=200')).total).toBe(
      before.total + 3,
    );
    expect((await get('/api/v1/stakeholder-groups?q=count%20')).total).toBeUndefined();
  });

  it('lets a viewer read groups but not change them', async () => {
    const viewer = await h.userWith('viewer');
    expect((await viewer.request({ method: 'GET', url: '/api/v1/stakeholder-groups' })).statusCode).toBe(200);
    const response = await viewer.request({
      method: 'POST',
      url: '/api/v1/stakeholder-groups',
      payload: { name: 'No' },
    });
    expect(response.statusCode).toBe(403);
  });
});
