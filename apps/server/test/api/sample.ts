import type { JsonSchema, Operation } from './openapi-walk.js';

/** An id no record has: services check permissions before they look the record up. */
export const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

/** Strings a pattern is tried against, so a pattern-bound field gets a value it accepts. */
const candidates = ['a', 'abc', 'a1', '2026-01-15', 'key_1', 'ABC', '1', 'x'.repeat(8)];

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'date') return '2026-01-15';
  if (schema.format === 'date-time') return '2026-01-15T09:30:00.000Z';
  if (schema.format === 'email') return 'someone@example.com';
  if (schema.format === 'uri') return 'https://example.com/page';
  const length = Math.max(schema.minLength ?? 1, 1);
  const patterns = [schema.pattern, ...(schema.allOf ?? []).map((inner) => inner.pattern)].filter(
    (pattern): pattern is string => pattern !== undefined,
  );
  const accepted = [...candidates, 'a'.repeat(length)].find(
    (value) =>
      value.length >= length &&
      value.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY) &&
      patterns.every((pattern) => new RegExp(pattern).test(value)),
  );
  return accepted ?? 'a'.repeat(length);
}

/** The smallest value a JSON schema accepts: required fields only, first of each list of choices. */
export function validSample(schema: JsonSchema, name = ''): unknown {
  // An e-mail field's format sits behind a trim in a pipe, so the document shows only a string.
  if (/email/i.test(name) && typeOf(schema) === 'string') return 'someone@example.com';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return validSample(choice.find((inner) => typeOf(inner) !== 'null') ?? choice[0] ?? {}, name);
  switch (typeOf(schema)) {
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(low, schema.maximum ?? low);
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => validSample(schema.items ?? {}, name));
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((field) => [field, validSample(schema.properties?.[field] ?? {}, field)]),
      );
    default:
      return undefined;
  }
}

/** The path of an operation with every parameter filled: ids with an unknown id, others with a valid value. */
export function samplePath(operation: Operation, values: Record<string, string> = {}): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (values[name] !== undefined) return encodeURIComponent(values[name]);
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    if (name === 'id' || name.endsWith('Id') || !parameter) return UNKNOWN_ID;
    return encodeURIComponent(String(validSample(parameter.schema)));
  });
}

/** The required query parameters of an operation with valid values. */
export function sampleQuery(operation: Operation): Record<string, string> {
  return Object.fromEntries(
    operation.parameters
      .filter((parameter) => parameter.in === 'query' && parameter.required)
      .map((parameter) => [parameter.name, String(validSample(parameter.schema))]),
  );
}
