import { PASSWORD_COMMON, PASSWORD_GUESSABLE } from '@rapport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, ORIGIN, PASSWORD } from '../../../test/harness.js';
import { HSTS } from '../../http/transport-security.js';

describe.each(dialects)('password policy and token revocation on a password change on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('refuses short, long, common and guessable new passwords, counting code points', async () => {
    const user = await h.userWith('viewer', { email: 'policy@example.com', name: 'Polly Policy' });
    const change = (password: string) =>
      user.request({ method: 'PATCH', url: '/api/v1/me', payload: { password, currentPassword: PASSWORD } });
    for (const [password, status, message] of [
      ['eleven-char', 400, 'at least 12 characters'],
      ['😀'.repeat(11), 400, 'at least 12 characters'],
      ['x'.repeat(129), 400, 'at most 128 characters'],
      ['password1234', 422, PASSWORD_COMMON],
      ['QWERTY123456', 422, PASSWORD_COMMON],
      ['aaaaaaaaaaaa', 422, PASSWORD_GUESSABLE],
      ['abcdefghijkl', 422, PASSWORD_GUESSABLE],
      ['policy@example.com1', 422, PASSWORD_GUESSABLE],
    ] as const) {
      const response = await change(password);
      expect(response.statusCode, password).toBe(status);
      expect(response.json().errors, password).toEqual([{ path: 'password', message }]);
    }
    await expect(h.signIn('policy@example.com')).resolves.toBeTruthy();
    // Twelve code points (24 UTF-16 units) are enough; 128 four-byte ones are not cut short.
    const long = Array.from({ length: 128 }, (_, i) => String.fromCodePoint(0x1f300 + ((i * 37) % 700))).join(
      '',
    );
    expect((await change(long)).statusCode).toBe(200);
    await expect(h.signIn('policy@example.com', long)).resolves.toBeTruthy();
    await expect(h.signIn('policy@example.com', long.slice(0, -2))).rejects.toThrow('sign-in failed');
  });

  it('keeps API tokens on a password change unless asked to revoke them', async () => {
    const agent = await h.userWith('relationship_agent', { email: 'tokens.pw@example.com' });
    const token = (
      await agent.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'sync' } })
    ).json().token as string;
    const viaToken = () =>
      h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect((await viaToken()).statusCode).toBe(200);

    const alone = await agent.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { revokeTokens: true },
    });
    expect(alone.statusCode).toBe(422);
    expect(alone.json().errors).toEqual([{ path: 'revokeTokens', message: 'only with a new password' }]);
    expect((await viaToken()).statusCode).toBe(200);

    const kept = await agent.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { password: 'a-brand-new-password', currentPassword: PASSWORD },
    });
    expect(kept.statusCode).toBe(200);
    expect((await viaToken()).statusCode).toBe(200);

    const wrongType = await agent.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: {
        password: 'yet-another-new-password',
        currentPassword: 'a-brand-new-password',
        revokeTokens: 'yes',
      },
    });
    expect(wrongType.statusCode).toBe(400);
    expect((await viaToken()).statusCode).toBe(200);

    const revoked = await agent.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: {
        password: 'yet-another-new-password',
        currentPassword: 'a-brand-new-password',
        revokeTokens: true,
      },
    });
    expect(revoked.statusCode).toBe(200);
    expect((await viaToken()).statusCode).toBe(401);
    expect((await agent.request({ method: 'GET', url: '/api/v1/tokens' })).json().data).toEqual([]);
    const audit = await h.test.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity', '=', 'api_token')
      .where('action', '=', 'revoke')
      .where('actor_id', '=', agent.user.id)
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe.each(dialects)('the Origin check on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, { RAPPORT_PUBLIC_URL: 'https://rapport.example.com/' });
  });
  afterAll(() => h.close());

  const write = (headers: Record<string, string>) =>
    h.admin.request({
      method: 'POST',
      url: '/api/v1/stakeholders',
      headers,
      payload: { name: `Origin ${JSON.stringify(headers)}`, category: 'partner', influence: 2, interest: 2 },
    });

  it('compares with the public URL and RAPPORT_ORIGINS, never with the request’s own Host', async () => {
    expect((await write({ host: 'evil.example', origin: 'http://evil.example' })).statusCode).toBe(403);
    expect(
      (await write({ host: 'rapport.example.com', origin: 'http://rapport.example.com' })).statusCode,
    ).toBe(403);
    expect((await write({ host: 'localhost:3000', origin: 'http://localhost:3000' })).statusCode).toBe(403);
    expect((await write({ origin: 'not a url' })).statusCode).toBe(403);
    expect((await write({ host: 'evil.example', origin: 'https://rapport.example.com' })).statusCode).toBe(
      201,
    );
    expect((await write({ origin: 'HTTPS://Rapport.Example.com:443' })).statusCode).toBe(201);
    expect((await write({ origin: ORIGIN })).statusCode).toBe(201);
    const referer = await write({ origin: '', referer: 'https://rapport.example.com/relationships' });
    expect(referer.statusCode).toBe(201);
  });
});

describe.each(dialects)('Secure cookies and HSTS on %s', (dialect) => {
  const harnesses: Harness[] = [];
  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
  });
  const start = async (env: Record<string, string>) => {
    const harness = await createHarness(dialect, env);
    harnesses.push(harness);
    return harness;
  };
  const signIn = (h: Harness, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { origin: ORIGIN, ...headers },
      payload: { email: 'admin@example.com', password: PASSWORD },
    });
  const secureOf = (response: Awaited<ReturnType<typeof signIn>>) =>
    Boolean(response.cookies.find((cookie) => cookie.name === 'rapport_session')?.secure);

  it('sends them exactly when Rapport is served over https, with RAPPORT_SECURE_COOKIES as an override', async () => {
    const plain = await start({});
    const overHttp = await signIn(plain);
    expect(overHttp.statusCode).toBe(200);
    expect(secureOf(overHttp)).toBe(false);
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    // X-Forwarded-Proto counts only from a trusted proxy.
    const forged = await signIn(plain, { 'x-forwarded-proto': 'https' });
    expect(secureOf(forged)).toBe(false);
    expect(forged.headers['strict-transport-security']).toBeUndefined();

    const proxied = await start({ RAPPORT_TRUST_PROXY: 'true' });
    const viaProxy = await signIn(proxied, { 'x-forwarded-proto': 'https' });
    expect(secureOf(viaProxy)).toBe(true);
    expect(viaProxy.headers['strict-transport-security']).toBe(HSTS);
    const proxiedHttp = await signIn(proxied, { 'x-forwarded-proto': 'http' });
    expect(secureOf(proxiedHttp)).toBe(false);
    expect(proxiedHttp.headers['strict-transport-security']).toBeUndefined();

    const published = await start({ RAPPORT_PUBLIC_URL: 'https://rapport.example.com' });
    const overHttps = await signIn(published);
    expect(secureOf(overHttps)).toBe(true);
    expect(overHttps.headers['strict-transport-security']).toBe(HSTS);
    const health = await published.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.headers['strict-transport-security']).toBe(HSTS);

    const forcedOff = await start({
      RAPPORT_PUBLIC_URL: 'https://rapport.example.com',
      RAPPORT_SECURE_COOKIES: 'false',
    });
    expect(secureOf(await signIn(forcedOff))).toBe(false);
    const forcedOn = await start({ RAPPORT_SECURE_COOKIES: 'true' });
    const forced = await signIn(forcedOn);
    expect(secureOf(forced)).toBe(true);
    expect(forced.headers['strict-transport-security']).toBeUndefined();
  });
});
