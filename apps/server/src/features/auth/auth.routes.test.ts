import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, ORIGIN, PASSWORD } from '../../../test/harness.js';

describe.each(dialects)('session and tokens on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const signIn = (payload: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { origin: ORIGIN, host: 'localhost:80', ...headers },
      payload: payload as object,
    });

  describe('POST /api/v1/session', () => {
    it('signs in with an HttpOnly, SameSite session cookie', async () => {
      const response = await signIn({ email: 'ADMIN@example.com', password: PASSWORD });
      expect(response.statusCode).toBe(200);
      expect(response.json().user.email).toBe('admin@example.com');
      const cookie = response.cookies.find((c) => c.name === 'rapport_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    });

    it('answers 401 to a wrong password and to an unknown e-mail alike', async () => {
      const wrong = await signIn({ email: 'admin@example.com', password: 'wrong-password' });
      const unknown = await signIn({ email: 'nobody@example.com', password: 'wrong-password' });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().detail).toBe(unknown.json().detail);
      expect(wrong.cookies).toHaveLength(0);
    });

    it('lists a missing password and a malformed e-mail together', async () => {
      const response = await signIn({ email: 'not-an-email' });
      expect(response.statusCode).toBe(400);
      expect(
        response
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(['email', 'password']);
    });

    it('refuses a sign-in posted from another site', async () => {
      const response = await signIn(
        { email: 'admin@example.com', password: PASSWORD },
        { origin: 'https://evil.example' },
      );
      expect(response.statusCode).toBe(403);
    });
  });

  describe('DELETE /api/v1/session', () => {
    it('signs out: the cookie no longer opens /me', async () => {
      const session = await h.signIn('admin@example.com');
      expect((await session.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
      expect((await session.request({ method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(204);
      expect((await session.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    });
  });

  describe('session expiry', () => {
    it('refuses an expired session and removes it at the next sign-in', async () => {
      const session = await h.userWith('viewer');
      const past = new Date(Date.now() - 1000).toISOString();
      await h.test.database.db
        .updateTable('sessions')
        .set({ expires_at: past })
        .where('user_id', '=', session.user.id)
        .execute();
      expect((await session.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
      await h.signIn('admin@example.com');
      const left = await h.test.database.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', session.user.id)
        .execute();
      expect(left).toHaveLength(0);
    });
  });

  describe('/api/v1/me', () => {
    it('shows the role and the permissions of the role', async () => {
      const viewer = await h.userWith('viewer');
      const me = (await viewer.request({ method: 'GET', url: '/api/v1/me' })).json();
      expect(me.role).toBe('viewer');
      expect(me.permissions).toContain('stakeholders.read');
      expect(me.permissions).not.toContain('stakeholders.write');
    });

    it('remembers the language a user chooses', async () => {
      const agent = await h.userWith('relationship_agent');
      const changed = await agent.request({
        method: 'PATCH',
        url: '/api/v1/me',
        payload: { locale: 'zh-CN' },
      });
      expect(changed.statusCode).toBe(200);
      expect((await agent.request({ method: 'GET', url: '/api/v1/me' })).json().locale).toBe('zh-CN');
      const bad = await agent.request({
        method: 'PATCH',
        url: '/api/v1/me',
        payload: { locale: 'fr', role: 'administrator' },
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(['locale', 'role']);
    });

    it('changes the password only with the current one, and signs out the other sessions', async () => {
      const agent = await h.userWith('relationship_agent', { email: 'pw.change@example.com' });
      const otherDevice = await h.signIn('pw.change@example.com');
      const refused = await agent.request({
        method: 'PATCH',
        url: '/api/v1/me',
        payload: { password: 'a-brand-new-password', currentPassword: 'wrong' },
      });
      expect(refused.statusCode).toBe(422);
      const accepted = await agent.request({
        method: 'PATCH',
        url: '/api/v1/me',
        payload: { password: 'a-brand-new-password', currentPassword: PASSWORD },
      });
      expect(accepted.statusCode).toBe(200);
      expect((await agent.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
      expect((await otherDevice.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
      await expect(h.signIn('pw.change@example.com', 'a-brand-new-password')).resolves.toBeTruthy();
    });
  });

  describe('API tokens', () => {
    it('shows a token once, stores only its hash, and acts with the owner’s role without an Origin', async () => {
      const agent = await h.userWith('relationship_agent');
      const created = await agent.request({
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { name: 'CRM sync' },
      });
      expect(created.statusCode).toBe(201);
      const { token, id } = created.json();
      expect(token).toMatch(/^rpt_/);

      const stored = await h.test.database.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored.token_hash).not.toContain(token.slice(4));

      const listed = (await agent.request({ method: 'GET', url: '/api/v1/tokens' })).json();
      expect(listed.data).toEqual([expect.objectContaining({ id, name: 'CRM sync' })]);
      expect(JSON.stringify(listed)).not.toContain(token);

      const bearer = { authorization: `Bearer ${token}` };
      const write = await h.app.inject({
        method: 'POST',
        url: '/api/v1/stakeholders',
        headers: bearer,
        payload: { name: 'Via token', category: 'partner', influence: 2, interest: 4 },
      });
      expect(write.statusCode).toBe(201);
      const users = await h.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: bearer,
        payload: { email: 'x@example.com', name: 'X', role: 'viewer' },
      });
      expect(users.statusCode).toBe(403);

      expect((await agent.request({ method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode).toBe(204);
      const revoked = await h.app.inject({ method: 'GET', url: '/api/v1/stakeholders', headers: bearer });
      expect(revoked.statusCode).toBe(401);
    });

    it('answers 401 to a made-up token and a malformed Authorization header', async () => {
      for (const authorization of ['Bearer rpt_madeup', 'Basic abc', 'Bearer']) {
        const response = await h.app.inject({
          method: 'GET',
          url: '/api/v1/stakeholders',
          headers: { authorization },
        });
        expect(response.statusCode, authorization).toBe(401);
      }
    });

    it('does not let one user revoke another user’s token', async () => {
      const owner = await h.userWith('contributor');
      const other = await h.userWith('contributor');
      const { id } = (
        await owner.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'mine' } })
      ).json();
      expect((await other.request({ method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode).toBe(404);
    });
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 problem+json after too many attempts in a minute', async () => {
    const h = await createHarness('sqlite', { RAPPORT_SIGNIN_LIMIT: '3' });
    try {
      const attempt = () =>
        h.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email: 'admin@example.com', password: 'wrong-password' },
        });
      // The harness signed the administrator in once already.
      expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
    } finally {
      await h.close();
    }
  });
});
