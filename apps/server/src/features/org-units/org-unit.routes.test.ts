import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe.each(dialects)('org units on %s', (dialect) => {
  let h: Harness;
  const post = (url: string, payload: object) => h.admin.request({ method: 'POST', url, payload });
  const patch = (url: string, version: number, payload: object) =>
    h.admin.request({ method: 'PATCH', url, payload, headers: { 'if-match': `"${version}"` } });

  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('builds a tree, lists it by parent and refuses a loop', async () => {
    const org = (await post('/api/v1/org-units', { name: 'Acme Group', kind: 'organisation' })).json();
    const division = await post('/api/v1/org-units', { name: 'IT 部门', kind: 'division', parentId: org.id });
    expect(division.statusCode).toBe(201);
    expect(division.headers.location).toBe(`/api/v1/org-units/${division.json().id}`);
    const team = (
      await post('/api/v1/org-units', { name: 'Service desk', parentId: division.json().id })
    ).json();
    expect(team).toMatchObject({ kind: 'team', parentId: division.json().id, version: 1 });

    const top = (await h.admin.request({ method: 'GET', url: '/api/v1/org-units?parentId=none' })).json();
    expect(top.data.map((u: { id: string }) => u.id)).toContain(org.id);
    expect(top.data.map((u: { id: string }) => u.id)).not.toContain(team.id);
    const found = (
      await h.admin.request({ method: 'GET', url: '/api/v1/org-units?q=部门&count=true' })
    ).json();
    expect(found).toMatchObject({ total: 1, data: [{ id: division.json().id }] });

    const before = await h.count('audit_log');
    const loop = await patch(`/api/v1/org-units/${org.id}`, 1, { parentId: team.id });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().errors).toEqual([{ path: 'parentId', message: expect.any(String) }]);
    const ghost = await post('/api/v1/org-units', { name: 'Orphan', parentId: 'ghost' });
    expect(ghost.statusCode).toBe(422);
    expect(await h.count('audit_log')).toBe(before);
  });

  it('rejects every bad field at once, a stale version, and a role without org.write', async () => {
    const bad = await post('/api/v1/org-units', { name: '', kind: 'tribe', colour: 'red' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['colour', 'kind', 'name']);

    const unit = (await post('/api/v1/org-units', { name: 'Finance' })).json();
    expect((await patch(`/api/v1/org-units/${unit.id}`, 1, { name: 'Finance & Risk' })).statusCode).toBe(200);
    const stale = await patch(`/api/v1/org-units/${unit.id}`, 1, { name: 'Lost update' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ name: 'Finance & Risk', version: 2 });

    const agent = await h.userWith('relationship_agent');
    const denied = await agent.request({
      method: 'POST',
      url: '/api/v1/org-units',
      payload: { name: 'Mine' },
    });
    expect(denied.statusCode).toBe(403);
    expect((await agent.request({ method: 'GET', url: `/api/v1/org-units/${unit.id}` })).statusCode).toBe(
      200,
    );
  });

  it('lets only one of two crossing moves through, so the tree never loops', async () => {
    const a = (await post('/api/v1/org-units', { name: 'Crossing A' })).json();
    const b = (await post('/api/v1/org-units', { name: 'Crossing B' })).json();
    const results = await Promise.all([
      patch(`/api/v1/org-units/${a.id}`, 1, { parentId: b.id }),
      patch(`/api/v1/org-units/${b.id}`, 1, { parentId: a.id }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    const parents = await Promise.all(
      [a.id, b.id].map(async (id) =>
        (await h.admin.request({ method: 'GET', url: `/api/v1/org-units/${id}` })).json(),
      ),
    );
    expect(parents.filter((unit) => unit.parentId !== null)).toHaveLength(1);
  });

  it('does not place anything in an archived unit', async () => {
    const old = (await post('/api/v1/org-units', { name: 'Closed department' })).json();
    await h.admin.request({
      method: 'DELETE',
      url: `/api/v1/org-units/${old.id}`,
      headers: { 'if-match': '"1"' },
    });
    const child = await post('/api/v1/org-units', { name: 'Under a closed one', parentId: old.id });
    expect(child.json().errors).toEqual([{ path: 'parentId', message: 'no active org unit with this id' }]);
    const person = await post('/api/v1/stakeholders', {
      name: 'Former member',
      category: 'team_member',
      influence: 2,
      interest: 2,
      scope: 'internal',
      orgUnitId: old.id,
    });
    expect(person.statusCode).toBe(422);
  });

  it('archives and restores a unit', async () => {
    const unit = (await post('/api/v1/org-units', { name: 'Archive me' })).json();
    const archived = await h.admin.request({
      method: 'DELETE',
      url: `/api/v1/org-units/${unit.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(archived.json().archivedAt).not.toBeNull();
    const list = (await h.admin.request({ method: 'GET', url: '/api/v1/org-units?q=archive me' })).json();
    expect(list.data).toEqual([]);
    const restored = await post(`/api/v1/org-units/${unit.id}/restore`, { version: 2 });
    expect(restored.json()).toMatchObject({ archivedAt: null, version: 3 });
  });

  it('places internal stakeholders in a unit and filters by it; external ones cannot be placed', async () => {
    const unit = (await post('/api/v1/org-units', { name: 'Procurement' })).json();
    const internal = await h.admin.createStakeholder({
      name: 'Buyer team',
      scope: 'internal',
      orgUnitId: unit.id,
    });
    expect(internal.orgUnitId).toBe(unit.id);
    const external = await post('/api/v1/stakeholders', {
      name: 'Outsider',
      category: 'supplier',
      influence: 2,
      interest: 2,
      scope: 'external',
      orgUnitId: unit.id,
    });
    expect(external.statusCode).toBe(422);
    expect(external.json().errors).toEqual([{ path: 'orgUnitId', message: expect.any(String) }]);
    const unknown = await post('/api/v1/stakeholders', {
      name: 'Lost',
      category: 'internal_team',
      influence: 2,
      interest: 2,
      scope: 'internal',
      orgUnitId: 'ghost',
    });
    expect(unknown.json().errors).toEqual([
      { path: 'orgUnitId', message: 'no active org unit with this id' },
    ]);

    const members = (
      await h.admin.request({ method: 'GET', url: `/api/v1/stakeholders?orgUnitId=${unit.id}` })
    ).json();
    expect(members.data.map((s: { id: string }) => s.id)).toEqual([internal.id]);
  });
});
