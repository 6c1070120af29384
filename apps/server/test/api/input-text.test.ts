import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness.js';
import { type JsonSchema, type OpenApiDocument, operationsOf, schemasIn } from './openapi-walk.js';

/** A string schema refuses U+0000 when it is a closed list or one of its patterns or formats refuses it. */
function refusesNul(schema: JsonSchema): boolean {
  if (schema.enum !== undefined || schema.const !== undefined) return true;
  if (schema.format === 'date' || schema.format === 'email' || schema.format === 'date-time') return true;
  const patterns = [schema.pattern, ...(schema.allOf ?? []).map((inner) => inner.pattern)];
  return patterns.some(
    (pattern) =>
      pattern !== undefined && !new RegExp(pattern).test('a\u0000b') && !new RegExp(pattern).test('\u0000'),
  );
}

const isString = (schema: JsonSchema) =>
  schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));

// The schemas are the same whatever the database: one dialect is enough to read the document.
describe('every text the API reads', () => {
  let harness: Harness;
  let document: OpenApiDocument;
  beforeAll(async () => {
    harness = await createHarness('sqlite');
    document = (await harness.admin.request({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  });
  afterAll(() => harness.close());

  it('refuses the NUL character: body fields, query strings and path parameters all use the shared text schema', () => {
    const unguarded: string[] = [];
    for (const operation of operationsOf(document)) {
      const inputs: [string, JsonSchema][] = [
        ...operation.parameters
          .filter((parameter) => parameter.in !== 'header')
          .map((parameter): [string, JsonSchema] => [`${parameter.in}:${parameter.name}`, parameter.schema]),
        ...(operation.body ? [['body', operation.body] as [string, JsonSchema]] : []),
      ];
      for (const [name, schema] of inputs) {
        for (const [path, inner] of schemasIn(schema)) {
          if (isString(inner) && !refusesNul(inner)) unguarded.push(`${operation.key} ${name}${path}`);
        }
      }
    }
    expect(unguarded).toEqual([]);
  });
});
