import fc from 'fast-check';
import type { JsonSchema } from './openapi-walk.js';
import { validSample } from './sample.js';

/** Texts that have broken servers before: NUL, lone surrogates, wide characters, SQL and %-escapes, padding. */
const hostileTexts = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '𝕏👩‍👩‍👧中文',
  "'; drop table stakeholders; --",
  '%',
  '%00',
  '_',
  '\\',
  '..',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '=cmd|"/c calc"!A1',
  'null',
  '-1',
  '1e309',
  '2026-02-30',
  '9999-12-31T23:59:59.999Z',
  'none',
];

/** Any JSON value, small: what a careless or hostile client sends where the schema wants something else. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 2 ** 53, 1.5, '', [], {}),
  fc.jsonValue({ maxDepth: 2 }),
);

const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 300;
  return fc.oneof(
    { arbitrary: fc.constant(validSample(schema) as string), weight: 3 },
    { arbitrary: fc.string({ maxLength: Math.min(max, 40) }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
    { arbitrary: fc.constantFrom(...hostileTexts), weight: 3 },
    { arbitrary: fc.constant('x'.repeat(Math.min(max + 1, 100_001))), weight: 1 },
  );
}

function numberOf(schema: JsonSchema): fc.Arbitrary<number> {
  const integer = typeOf(schema) === 'integer';
  const min = schema.minimum ?? -1000;
  const max = schema.maximum ?? 1000;
  return fc.oneof(
    { arbitrary: integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }), weight: 4 },
    {
      arbitrary: fc.constantFrom(min - 1, max + 1, 0, -0, 0.5, Number.MAX_SAFE_INTEGER, -(2 ** 63)),
      weight: 2,
    },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  );
}

/**
 * Values for a JSON schema: mostly shaped by it (so requests reach the services), often wrong at one
 * place (a hostile text, a number out of range, a missing or unknown field, null, any JSON at all).
 */
export function arbitraryOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: shapedBy(schema, depth), weight: 8 }, { arbitrary: anyJson, weight: 1 });
}

function shapedBy(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice && choice.length > 0) return fc.oneof(...choice.map((inner) => arbitraryOf(inner, depth + 1)));
  switch (typeOf(schema)) {
    case 'string':
      return stringOf(schema);
    case 'integer':
    case 'number':
      return numberOf(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      return fc.array(arbitraryOf(schema.items ?? {}, depth + 1), { maxLength: 4 });
    }
    case 'object':
      return objectOf(schema, depth);
    default:
      return anyJson;
  }
}

function objectOf(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  if (depth > 4) return fc.constant(validSample(schema));
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, inner]) => [name, arbitraryOf(inner, depth + 1)]),
  );
  const shaped = fc.record(fields, {
    // Required fields are kept most of the time, so most bodies get past the first check.
    requiredKeys: [],
  });
  return fc
    .tuple(
      shaped,
      fc.subarray(required),
      fc.option(fc.tuple(fc.constantFrom('unknownField', '__proto__', 'constructor', 'id'), anyJson), {
        freq: 8,
      }),
    )
    .map(([value, dropped, extra]) => {
      const object: Record<string, unknown> = {};
      for (const name of required) {
        if (!(name in value) && !dropped.includes(name))
          object[name] = validSample(properties[name] ?? {}, name);
      }
      Object.assign(object, value);
      // Drop at most a few required fields, rarely: a request that misses everything tests little.
      for (const name of dropped.slice(0, 1)) if (dropped.length === 1) delete object[name];
      if (extra) Object.defineProperty(object, extra[0], { value: extra[1], enumerable: true });
      return object;
    });
}

/** A query-string value: what the schema expects in text, or text the schema does not expect. */
export function queryValueOf(schema: JsonSchema): fc.Arbitrary<string> {
  return fc.oneof(
    {
      arbitrary: arbitraryOf(schema).map((value) =>
        typeof value === 'string' ? value : (JSON.stringify(value) ?? ''),
      ),
      weight: 3,
    },
    { arbitrary: fc.constantFrom(...hostileTexts, 'true', '0', '201', 'a,b,,c'), weight: 2 },
  );
}

/**
 * A body for an operation: half the time the smallest valid body with one field replaced by a value for its
 * schema (so most reach the service and its rules), else a value for the whole schema.
 */
export function bodyOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  const valid = validSample(schema);
  const fields = Object.entries(schema.properties ?? {});
  if (typeof valid !== 'object' || valid === null || Array.isArray(valid) || fields.length === 0) {
    return arbitraryOf(schema);
  }
  const oneFieldChanged = fc
    .constantFrom(...fields)
    .chain(([name, inner]) => arbitraryOf(inner).map((value) => ({ ...valid, [name]: value })));
  return fc.oneof(oneFieldChanged, arbitraryOf(schema));
}
