import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';

describe.each(dialects)('first run on %s', (dialect) => {
  let test: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    app = await buildApp(
      loadConfig({ LOG_LEVEL: 'silent', RAPPORT_WEB_DIST: '/nonexistent' }),
      test.database,
    );
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('asks for the first administrator on an empty database, creates it once and signs it in', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
      needsFirstAdmin: true,
    });

    const invalid = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'x', password: 'short' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'name', 'password']);

    // The password policy applies to the first administrator too, and nothing is written when it refuses.
    for (const password of ['password1234', 'first@example.com']) {
      const weak = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { email: 'first@example.com', name: '管理员', password },
      });
      expect(weak.statusCode, password).toBe(422);
      expect(weak.json().errors.map((e: { path: string }) => e.path)).toEqual(['password']);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
      needsFirstAdmin: true,
    });

    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'first@example.com', name: '管理员', password: 'a-long-password', locale: 'zh-CN' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ role: 'administrator', locale: 'zh-CN' });
    const cookie = created.cookies.find((c) => c.name === 'rapport_session');
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `rapport_session=${cookie?.value}` },
    });
    expect(me.json().email).toBe('first@example.com');

    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
      needsFirstAdmin: false,
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'second@example.com', name: 'Second', password: 'a-long-password' },
    });
    expect(again.statusCode).toBe(409);
  });
});
