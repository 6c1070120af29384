/** Reading the OpenAPI document the server serves: its operations and the JSON schemas of their inputs. */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `METHOD /api/v1/path/{param}`, as the permission map names it. */
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
  /** multipart/form-data or another body that is not JSON. */
  bodyType?: string;
  /** `security: []` in the document: reachable without signing in. */
  isPublic: boolean;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        security?: unknown[];
      }
    >
  >;
}

/**
 * The document with every local `$ref` (shared schemas, parameters, problem answers under `components`) replaced
 * by what it points at, so the walkers below read each operation whole. A schema that refers to itself ends as
 * `{}` at its second visit.
 */
export function dereferenced<T>(document: T): T {
  const root = document as unknown;
  const target = (ref: string): unknown =>
    ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
  const walk = (node: unknown, seen: ReadonlySet<string>): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, seen));
    if (node === null || typeof node !== 'object') return node;
    const { $ref, ...rest } = node as Record<string, unknown>;
    const own = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, walk(value, seen)]));
    if (typeof $ref !== 'string' || !$ref.startsWith('#/'))
      return $ref === undefined ? own : { $ref, ...own };
    if (seen.has($ref)) return own;
    const resolved = walk(target($ref), new Set([...seen, $ref]));
    return { ...(resolved as object), ...own };
  };
  return walk(document, new Set()) as T;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(dereferenced(document).paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const content = operation.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0];
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: content['application/json']?.schema,
        bodyType,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
      };
    }),
  );
}

/** Every schema inside one (properties, items, alternatives), with a path naming where it is. */
export function* schemasIn(schema: JsonSchema, path = ''): Generator<[string, JsonSchema]> {
  yield [path, schema];
  for (const [name, inner] of Object.entries(schema.properties ?? {}))
    yield* schemasIn(inner, `${path}.${name}`);
  if (typeof schema.additionalProperties === 'object')
    yield* schemasIn(schema.additionalProperties, `${path}.*`);
  if (schema.propertyNames) yield* schemasIn(schema.propertyNames, `${path}.(key)`);
  if (schema.items) yield* schemasIn(schema.items, `${path}[]`);
  for (const [index, inner] of (schema.prefixItems ?? []).entries())
    yield* schemasIn(inner, `${path}[${index}]`);
  for (const inner of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    yield* schemasIn(inner, path);
  }
}
