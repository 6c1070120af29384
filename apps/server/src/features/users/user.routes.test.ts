import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { createUserService } from './user.service.js';

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

describe.each(dialects)('credentials of managed users on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const tokenOf = async (session: Awaited<ReturnType<Harness['userWith']>>) =>
    (await session.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'sync' } })).json()
      .token as string;
  const viaToken = (token: string) =>
    h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  const patchUser = (id: string, payload: object) =>
    h.admin.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload });

  it('revokes the tokens and sessions of a deactivated user for good: reactivation brings none back', async () => {
    const agent = await h.userWith('relationship_agent', { email: 'leaver@example.com' });
    const [first, second] = [await tokenOf(agent), await tokenOf(agent)];
    expect((await viaToken(first)).statusCode).toBe(200);

    const off = await patchUser(agent.user.id, { deactivated: true, version: 1 });
    expect(off.statusCode).toBe(200);
    expect((await viaToken(first)).statusCode).toBe(401);
    expect((await agent.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);

    const on = await patchUser(agent.user.id, { deactivated: false, version: 2 });
    expect(on.statusCode).toBe(200);
    expect((await viaToken(first)).statusCode).toBe(401);
    expect((await viaToken(second)).statusCode).toBe(401);
    expect((await agent.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const back = await h.signIn('leaver@example.com');
    expect((await back.request({ method: 'GET', url: '/api/v1/tokens' })).json().data).toEqual([]);
    const revocations = await h.test.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'api_token')
      .where('action', '=', 'revoke')
      .where('actor_id', '=', h.admin.user.id)
      .execute();
    expect(revocations).toHaveLength(2);
    expect(String(revocations[0]?.after)).toContain('deactivated');
  });

  it('resets a password under the policy, revoking the tokens only when asked', async () => {
    const manager = await h.userWith('relationship_manager', { email: 'reset@example.com' });
    const token = await tokenOf(manager);
    const weak = await patchUser(manager.user.id, { password: 'qwertyuiop123', version: 1 });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors.map((e: { path: string }) => e.path)).toEqual(['password']);
    const tokensOnly = await patchUser(manager.user.id, { revokeTokens: true, version: 1 });
    expect(tokensOnly.statusCode).toBe(422);
    expect((await viaToken(token)).statusCode).toBe(200);

    const kept = await patchUser(manager.user.id, { password: 'a-reset-by-the-admin', version: 1 });
    expect(kept.statusCode).toBe(200);
    expect((await viaToken(token)).statusCode).toBe(200);
    const revoked = await patchUser(manager.user.id, {
      password: 'another-reset-by-the-admin',
      revokeTokens: true,
      version: 2,
    });
    expect(revoked.statusCode).toBe(200);
    expect((await viaToken(token)).statusCode).toBe(401);
  });

  it('refuses a common password when creating a user, from the API and from the command line', async () => {
    const before = await h.count('users');
    const response = await h.admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'weak@example.com', name: 'Weak', role: 'viewer', password: 'iloveyou1234' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['password']);
    await expect(
      createUserService(h.test.database.db).createAsSystem({
        email: 'weak.cli@example.com',
        name: 'Weak',
        role: 'viewer',
        password: 'aaaaaaaaaaaa',
      }),
    ).rejects.toMatchObject({ code: 'rule_broken', errors: [{ path: 'password' }] });
    expect(await h.count('users')).toBe(before);
  });
});
