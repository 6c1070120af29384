import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/databases.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';

describe('health, OpenAPI and docs', () => {
  let test: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    test = await createTestDatabase('sqlite');
    app = await buildApp(
      loadConfig({ LOG_LEVEL: 'silent', RAPPORT_WEB_DIST: '/nonexistent' }),
      test.database,
    );
  });
  afterAll(async () => {
    await app.close();
    await test.drop().catch(() => {});
  });

  it('GET /api/v1/health answers {"status":"ok"} with the version of package.json', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    const { version } = JSON.parse(
      fs.readFileSync(new URL('../../../../../package.json', import.meta.url), 'utf8'),
    );
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(response.json()).toEqual({ status: 'ok', version });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves an OpenAPI 3.1 document of every endpoint, generated from the zod schemas', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(document.openapi).toMatch(/^3\.1/);
    for (const path of [
      '/api/v1/stakeholders',
      '/api/v1/stakeholders/{id}',
      '/api/v1/users',
      '/api/v1/session',
      '/api/v1/me',
      '/api/v1/tokens',
      '/api/v1/audit-log',
      '/api/v1/health',
      '/api/v1/org-units',
      '/api/v1/culture-assessments/{id}',
      '/api/v1/principles/{id}/agree',
      '/api/v1/principles/{id}/versions/{number}',
      '/api/v1/relationship-models',
      '/api/v1/relationship-models/coverage',
      '/api/v1/relationship-models/templates',
      '/api/v1/materials/{id}/acknowledgements',
      '/api/v1/reviews',
      '/api/v1/improvements/{id}',
      '/api/v1/approach/overview',
    ]) {
      expect(document.paths, path).toHaveProperty([path]);
    }
    // The request's schema is a shared component (http/openapi.ts); openapi.test.ts checks the rest.
    const create = document.paths['/api/v1/stakeholders'].post;
    const { $ref } = create.requestBody.content['application/json'].schema;
    const schema = document.components.schemas[$ref.replace('#/components/schemas/', '')];
    expect(schema.properties.influence).toMatchObject({ minimum: 1, maximum: 5 });
    expect(schema.additionalProperties).toBe(false);
  });

  it('renders the API docs at /api/docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 503 when the database does not answer', async () => {
    await test.database.close();
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(503);
  });
});
