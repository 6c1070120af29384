import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';

// biome-ignore lint/suspicious/noExplicitAny: the document is plain JSON
type Json = any;

/** Follows `$ref`s within the document, as a client would. */
const resolve = (document: Json, value: Json): Json => {
  if (!value?.$ref) return value;
  const target = String(value.$ref)
    .slice(2)
    .split('/')
    .reduce((node: Json, key: string) => node?.[key], document);
  return resolve(document, target);
};

describe('GET /api/v1/openapi.json', () => {
  let test: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let body: string;
  let document: Json;
  beforeAll(async () => {
    test = await createTestDatabase('sqlite');
    app = await buildApp(
      loadConfig({ LOG_LEVEL: 'silent', RAPPORT_WEB_DIST: '/nonexistent' }),
      test.database,
    );
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    body = response.body;
    document = response.json();
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('is a valid OpenAPI 3.1 document whose every $ref resolves', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('stays within its budget of 300 KB, so the interactive docs draw it at once', () => {
    // 2.1 MB while every operation carried its own copy of each schema and of the problem answer.
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(300 * 1024);
  });

  it('writes each shared schema once, as a component, and refers to it', () => {
    expect(document.components.schemas).toHaveProperty('Problem');
    expect(document.components.schemas).toHaveProperty('Stakeholder');
    // `rowErrors` belongs to Problem only: one copy in the whole document.
    expect(body.match(/"rowErrors"/g)).toHaveLength(1);
    const created = document.paths['/api/v1/stakeholders'].post.responses['201'];
    expect(created.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Stakeholder' });
    const request = resolve(
      document,
      document.paths['/api/v1/stakeholders'].post.requestBody.content['application/json'].schema,
    );
    expect(request.properties.influence).toMatchObject({ minimum: 1, maximum: 5 });
    expect(request.additionalProperties).toBe(false);
  });

  it('still describes every parameter of an operation', () => {
    const names = (path: string, method: string) =>
      document.paths[path][method].parameters.map((parameter: Json) => {
        const { in: where, name, schema } = resolve(document, parameter);
        expect(schema, name).toBeTypeOf('object');
        return `${where}:${name}`;
      });
    expect(names('/api/v1/stakeholders/{id}', 'patch')).toEqual(['path:id', 'header:if-match']);
    expect(names('/api/v1/stakeholders', 'get')).toEqual(
      expect.arrayContaining(['query:q', 'query:category', 'query:sort', 'query:limit', 'query:cursor']),
    );
    const limit = resolve(
      document,
      document.paths['/api/v1/stakeholders'].get.parameters.find(
        (parameter: Json) => resolve(document, parameter).name === 'limit',
      ),
    );
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
  });

  it('describes every problem answer an operation can give, as application/problem+json', () => {
    const statuses = (path: string, method: string) => Object.keys(document.paths[path][method].responses);
    expect(statuses('/api/v1/stakeholders/{id}', 'patch')).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '413', '422', '428']),
    );
    // Only routes with a rate limit answer 429, and reads never answer 409, 413 or 428.
    expect(statuses('/api/v1/session', 'post')).toContain('429');
    expect(statuses('/api/v1/stakeholders/{id}', 'patch')).not.toContain('429');
    expect(statuses('/api/v1/stakeholders', 'get')).toEqual(
      expect.arrayContaining(['200', '400', '401', '403']),
    );
    expect(statuses('/api/v1/stakeholders', 'get')).not.toEqual(expect.arrayContaining(['409']));
    const conflict = resolve(document, document.paths['/api/v1/stakeholders/{id}'].patch.responses['409']);
    expect(conflict.description).toMatch(/changed by someone else/);
    expect(conflict.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
  });

  it('lists every API route the server answers, with its methods', () => {
    const documented = new Set(
      Object.entries<Json>(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect(documented.size).toBeGreaterThan(200);
    for (const operation of documented) {
      const [method, path] = operation.split(' ') as [string, string];
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      expect(app.hasRoute({ method: method as 'GET', url }), operation).toBe(true);
    }
  });
});
