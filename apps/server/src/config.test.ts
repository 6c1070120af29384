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
    expect(config.origins).toEqual(['https://rapport.example.com', 'https://other.example']);
    expect(config.databaseUrl).toBe('postgres://u@db/rapport');
  });
});
