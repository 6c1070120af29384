import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to SQLite in ./data, port 3000 on 127.0.0.1', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.databaseUrl).toMatch(/^sqlite:.*data\/rapport\.db$/);
    expect(config.admin).toBeNull();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        RAPPORT_ADMIN_EMAIL: 'admin@example.com',
        LOG_LEVEL: 'loud',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'RAPPORT_ADMIN_PASSWORD', 'LOG_LEVEL'])
        expect(problems).toContain(name);
    }
  });

  it('takes the first administrator and the allowed origins from the environment', () => {
    const config = loadConfig({
      RAPPORT_ADMIN_EMAIL: 'Boss@Example.com',
      RAPPORT_ADMIN_PASSWORD: 'a-long-password',
      RAPPORT_ORIGINS: 'https://rapport.example.com/, https://other.example',
      DATABASE_URL: 'postgres://u@db/rapport',
    });
    expect(config.admin).toEqual({
      email: 'boss@example.com',
      password: 'a-long-password',
      name: 'Administrator',
    });
    expect(config.origins).toEqual(
      expect.arrayContaining([
        'http://127.0.0.1:3000',
        'https://rapport.example.com',
        'https://other.example',
      ]),
    );
    expect(config.databaseUrl).toBe('postgres://u@db/rapport');
  });

  it('allows the public URL’s origin and RAPPORT_ORIGINS, and loopback spellings only for the default', () => {
    expect(loadConfig({}).origins.sort()).toEqual(
      ['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000'].sort(),
    );
    expect(loadConfig({ HOST: 'localhost', PORT: '8080' }).origins).toContain('http://127.0.0.1:8080');
    // Not loopback: nothing is guessed, the operator names where Rapport is published.
    expect(loadConfig({ HOST: '0.0.0.0' }).origins).toEqual(['http://0.0.0.0:3000']);
    expect(loadConfig({ HOST: '::' }).origins).toEqual(['http://[::]:3000']);
    const published = loadConfig({ RAPPORT_PUBLIC_URL: 'https://Rapport.Example.com:443/app/' });
    expect(published.origins).toEqual(['https://rapport.example.com']);
    expect(published.publicUrl).toBe('https://Rapport.Example.com:443/app');
    expect(
      loadConfig({ RAPPORT_PUBLIC_URL: 'http://localhost:3000', RAPPORT_ORIGINS: 'https://b.example:8443/' })
        .origins,
    ).toEqual(['http://localhost:3000', 'https://b.example:8443']);
    expect(() => loadConfig({ RAPPORT_ORIGINS: 'rapport.example.com, ftp://x.example' })).toThrow(
      /RAPPORT_ORIGINS: rapport\.example\.com[\s\S]*RAPPORT_ORIGINS: ftp:\/\/x\.example/,
    );
  });

  it('makes cookies Secure by the transport unless RAPPORT_SECURE_COOKIES says otherwise', () => {
    expect(loadConfig({}).secureCookies).toBe('auto');
    expect(loadConfig({ RAPPORT_SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
    expect(loadConfig({ RAPPORT_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
    expect(() => loadConfig({ RAPPORT_SECURE_COOKIES: 'yes' })).toThrow(/RAPPORT_SECURE_COOKIES/);
  });

  it('holds RAPPORT_ADMIN_PASSWORD to the password policy', () => {
    const admin = (password: string) => ({
      RAPPORT_ADMIN_EMAIL: 'boss@example.com',
      RAPPORT_ADMIN_PASSWORD: password,
    });
    expect(loadConfig(admin('correct-horse-battery')).admin?.password).toBe('correct-horse-battery');
    expect(() => loadConfig(admin('too-short'))).toThrow(/RAPPORT_ADMIN_PASSWORD: at least 12 characters/);
    expect(() => loadConfig(admin('password1234'))).toThrow(/RAPPORT_ADMIN_PASSWORD: is a common/);
    expect(() => loadConfig(admin('boss@example.com'))).toThrow(/RAPPORT_ADMIN_PASSWORD: is too easy/);
    expect(() => loadConfig(admin('x'.repeat(129)))).toThrow(/at most 128 characters/);
  });
});
