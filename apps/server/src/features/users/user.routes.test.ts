import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe.each(dialects)('users API on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('lets an administrator create a user with a role and a competency profile', async () => {
    const response = await h.admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'Mei@Example.com',
        name: 'Lin Mei',
        role: 'relationship_manager',
        competencies: ['L', 'C'],
        password: 'a-long-password',
      },
    });
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      email: 'mei@example.com',
      role: 'relationship_manager',
      competencies: ['L', 'C'],
      locale: 'en',
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(response.headers.location).toBe(`/api/v1/users/${user.id}`);
    await expect(h.signIn('mei@example.com', 'a-long-password')).resolves.toBeTruthy();
  });

  it('lists every field error of a bad user at once and writes nothing', async () => {
    const before = await h.count('users');
    const response = await h.admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'bad',
        name: '',
        role: 'king',
        competencies: ['L', 'X'],
        password: 'short',
        extra: true,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['competencies.1', 'email', 'extra', 'name', 'password', 'role'].sort());
    expect(await h.count('users')).toBe(before);
  });

  it('refuses a second user with the same e-mail', async () => {
    const payload = { email: 'twice@example.com', name: 'Twice', role: 'viewer' };
    expect((await h.admin.request({ method: 'POST', url: '/api/v1/users', payload })).statusCode).toBe(201);
    const again = await h.admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...payload, email: 'TWICE@example.com' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ path: 'email', message: 'already in use' }]);
  });

  it('refuses user management to every role but administrator', async () => {
    for (const role of ['relationship_manager', 'relationship_agent', 'contributor', 'viewer'] as const) {
      const session = await h.userWith(role);
      const response = await session.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: `made.by.${role}@example.com`, name: 'X', role: 'administrator' },
      });
      expect(response.statusCode, role).toBe(403);
      expect((await session.request({ method: 'GET', url: '/api/v1/users' })).statusCode, role).toBe(200);
    }
  });

  it('keeps the last administrator', async () => {
    const response = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${h.admin.user.id}`,
      headers: { 'if-match': `"${h.admin.user.version}"` },
      payload: { role: 'viewer' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'role', message: expect.any(String) }]);
  });

  it('keeps one administrator when two demote each other at the same moment', async () => {
    const other = await h.userWith('administrator', { email: 'second.admin@example.com' });
    const admins = (await h.admin.request({ method: 'GET', url: '/api/v1/users?role=administrator' })).json()
      .data;
    expect(admins).toHaveLength(2);
    const demote = (by: typeof other, target: { id: string; version: number }) =>
      by.request({
        method: 'PATCH',
        url: `/api/v1/users/${target.id}`,
        headers: { 'if-match': `"${target.version}"` },
        payload: { role: 'viewer' },
      });
    const [first, second] = admins as { id: string; version: number }[];
    const answers = await Promise.all([demote(h.admin, second as never), demote(other, first as never)]);
    // One wins. The other is refused: as the last administrator (422), or, if the winner was quicker still,
    // because its sender is no longer an administrator at all (403).
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([403, 422]).toContain(codes[1]);
    const remaining = await h.test.database.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'administrator')
      .execute();
    expect(remaining).toHaveLength(1);
    // Back to one administrator, the harness's own, for the tests that follow.
    const db = h.test.database.db;
    await db
      .updateTable('users')
      .set({ role: 'administrator' })
      .where('email', '=', 'admin@example.com')
      .execute();
    await db
      .updateTable('users')
      .set({ role: 'viewer', deactivated_at: new Date().toISOString() })
      .where('email', '=', 'second.admin@example.com')
      .execute();
  });

  it('changes a role with the right version, refuses a stale one, and a deactivated user is signed out', async () => {
    const agent = await h.userWith('relationship_agent');
    const changed = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${agent.user.id}`,
      headers: { 'if-match': '"1"' },
      payload: { role: 'relationship_manager', competencies: ['M'] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'relationship_manager', competencies: ['M'], version: 2 });

    const stale = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${agent.user.id}`,
      headers: { 'if-match': '"1"' },
      payload: { role: 'viewer' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.role).toBe('relationship_manager');

    const deactivated = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${agent.user.id}`,
      payload: { deactivated: true, version: 2 },
    });
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().deactivatedAt).not.toBeNull();
    expect((await agent.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('finds users by name and e-mail and filters by role', async () => {
    const page = (await h.admin.request({ method: 'GET', url: '/api/v1/users?q=lin%20mei' })).json();
    expect(page.data.map((u: { email: string }) => u.email)).toEqual(['mei@example.com']);
    const admins = (await h.admin.request({ method: 'GET', url: '/api/v1/users?role=administrator' })).json();
    expect(admins.data).toHaveLength(1);
  });

  it('counts the users a filter finds with count=true, whatever the page size', async () => {
    const all = (await h.admin.request({ method: 'GET', url: '/api/v1/users?limit=200' })).json();
    const page = (await h.admin.request({ method: 'GET', url: '/api/v1/users?limit=1&count=true' })).json();
    expect(page.data).toHaveLength(1);
    expect(page.total).toBe(all.data.length);
    expect(page.total).toBeGreaterThan(1);
    const admins = (
      await h.admin.request({ method: 'GET', url: '/api/v1/users?role=administrator&count=true' })
    ).json();
    expect(admins.total).toBe(admins.data.length);
    const nobody = (
      await h.admin.request({ method: 'GET', url: '/api/v1/users?q=zzz-nobody&count=true' })
    ).json();
    expect(nobody).toEqual({ data: [], nextCursor: null, total: 0 });
    expect((await h.admin.request({ method: 'GET', url: '/api/v1/users' })).json().total).toBeUndefined();
  });

  it('answers 404 for an unknown user', async () => {
    expect((await h.admin.request({ method: 'GET', url: '/api/v1/users/nope' })).statusCode).toBe(404);
  });
});
