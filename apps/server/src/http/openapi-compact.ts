/**
 * Passes over the finished OpenAPI document that say each repeated thing once, in `components`, and point at it.
 * None removes an operation, a parameter, an answer or a constraint: they change where a thing is written.
 */

// biome-ignore lint/suspicious/noExplicitAny: the document is plain JSON walked by key
type Json = any;

interface OpenApiDocument {
  paths?: Record<string, Record<string, Json>>;
  components?: {
    schemas?: Record<string, Json>;
    responses?: Record<string, Json>;
    parameters?: Record<string, Json>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

const SCHEMAS = '#/components/schemas/';
const PROBLEM = `${SCHEMAS}Problem`;

/** The error answers, by status, as `components.responses`: what each means for any operation. */
const PROBLEM_RESPONSES: Record<string, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: 'The request is not valid: `errors` lists every field error' },
  '401': { name: 'Unauthenticated', description: 'Sign in first, or send a valid API token' },
  '403': { name: 'Forbidden', description: 'Your role, or the record’s own rules, do not allow this' },
  '404': { name: 'NotFound', description: 'No such record, or one you may not see' },
  '409': {
    name: 'Conflict',
    description:
      'The record was changed by someone else (`current` holds it as it is now), or it exists already',
  },
  '413': { name: 'PayloadTooLarge', description: 'The request body is too large' },
  '422': {
    name: 'RuleBroken',
    description: 'The request breaks a rule of the practice; `detail` says which',
  },
  '428': { name: 'VersionRequired', description: 'Send the version you edited, as If-Match or `version`' },
  '429': { name: 'TooManyRequests', description: 'Too many requests; wait a moment' },
  '503': { name: 'Unavailable', description: 'The service is not available' },
};

const operations = (document: OpenApiDocument) =>
  Object.values(document.paths ?? {}).flatMap((item) =>
    Object.values(item).filter(
      (operation) => operation && typeof operation === 'object' && operation.responses,
    ),
  );

/** Each problem answer becomes a `$ref` to one response per status, with its meaning and its media type. */
function shareProblemResponses(document: OpenApiDocument) {
  const responses: Record<string, Json> = {};
  for (const operation of operations(document)) {
    for (const [status, response] of Object.entries<Json>(operation.responses)) {
      const shared = PROBLEM_RESPONSES[status];
      const content = response?.content ?? {};
      const media = Object.keys(content);
      if (!shared || media.length !== 1 || content[media[0] as string]?.schema?.$ref !== PROBLEM) continue;
      responses[shared.name] ??= {
        description: shared.description,
        content: { 'application/problem+json': { schema: { $ref: PROBLEM } } },
      };
      operation.responses[status] = { $ref: `#/components/responses/${shared.name}` };
    }
  }
  document.components = {
    ...document.components,
    responses: { ...document.components?.responses, ...responses },
  };
}

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No content',
  '410': 'Gone',
};

/**
 * Says what a success means instead of @fastify/swagger's "Default Response", and leaves out `required: false`
 * of optional parameters, which is what OpenAPI assumes.
 */
function plainWords(document: OpenApiDocument) {
  for (const operation of operations(document)) {
    for (const [status, response] of Object.entries<Json>(operation.responses))
      if (response?.description === 'Default Response') response.description = STATUS_TEXT[status] ?? status;
    for (const parameter of operation.parameters ?? [])
      if (parameter.required === false) delete parameter.required;
  }
}

/** zod repeats, beside a `$ref`, keywords the referenced schema holds already: only differing ones are kept. */
function dropRepeatsBesideRefs(document: OpenApiDocument) {
  const schemas = document.components?.schemas ?? {};
  const visit = (value: Json): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (typeof value.$ref === 'string' && value.$ref.startsWith(SCHEMAS)) {
      const target = schemas[value.$ref.slice(SCHEMAS.length)];
      if (target)
        for (const key of Object.keys(value))
          if (key !== '$ref' && key in target && JSON.stringify(target[key]) === JSON.stringify(value[key]))
            delete value[key];
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(document.paths);
  visit(schemas);
}

/** A parameter written the same way in several operations is written once in `components.parameters`. */
function shareParameters(document: OpenApiDocument) {
  const seen = new Map<string, number>();
  for (const operation of operations(document))
    for (const parameter of operation.parameters ?? []) {
      const text = JSON.stringify(parameter);
      seen.set(text, (seen.get(text) ?? 0) + 1);
    }
  const names = new Map<string, string>();
  const parameters: Record<string, Json> = { ...document.components?.parameters };
  for (const [text, count] of seen) {
    if (count < 2) continue;
    const parameter = JSON.parse(text);
    const base = `${parameter.name}${parameter.in === 'query' ? '' : `-${parameter.in}`}`.replace(
      /[^A-Za-z0-9._-]/g,
      '_',
    );
    let name = base;
    for (let n = 2; name in parameters; n += 1) name = `${base}-${n}`;
    parameters[name] = parameter;
    names.set(text, name);
  }
  for (const operation of operations(document)) {
    if (!operation.parameters) continue;
    operation.parameters = operation.parameters.map((parameter: Json) => {
      const name = names.get(JSON.stringify(parameter));
      return name ? { $ref: `#/components/parameters/${name}` } : parameter;
    });
  }
  document.components = { ...document.components, parameters };
}

/**
 * zod writes every `z.int()` with the bounds of a JavaScript safe integer, which say nothing a client needs;
 * any other bound stays.
 */
function dropSafeIntegerBounds(value: Json): void {
  if (Array.isArray(value)) {
    for (const item of value) dropSafeIntegerBounds(item);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (value.type === 'integer' || (Array.isArray(value.type) && value.type.includes('integer'))) {
    if (value.minimum === Number.MIN_SAFE_INTEGER) delete value.minimum;
    if (value.maximum === Number.MAX_SAFE_INTEGER) delete value.maximum;
  }
  for (const child of Object.values(value)) dropSafeIntegerBounds(child);
}

/** `XInput` (the request's side of a schema) is dropped for `X` where both sides are written the same. */
function mergeSameSides(document: OpenApiDocument) {
  const schemas = document.components?.schemas ?? {};
  const same = new Map<string, string>();
  for (const name of Object.keys(schemas)) {
    const output = name.endsWith('Input') ? name.slice(0, -'Input'.length) : null;
    if (output && output in schemas && JSON.stringify(schemas[name]) === JSON.stringify(schemas[output]))
      same.set(`${SCHEMAS}${name}`, `${SCHEMAS}${output}`);
  }
  if (same.size === 0) return;
  for (const ref of same.keys()) delete schemas[ref.slice(SCHEMAS.length)];
  const redirect = (value: Json): void => {
    if (Array.isArray(value)) {
      for (const item of value) redirect(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (typeof value.$ref === 'string' && same.has(value.$ref)) value.$ref = same.get(value.$ref);
    for (const child of Object.values(value)) redirect(child);
  };
  redirect(document.paths);
  redirect(schemas);
  // Merging may make more pairs the same (a schema that differed only by an inner `XInput`): once more.
  mergeSameSides(document);
}

/** Keeps only the schemas some operation reaches, sorted by name. */
function pruneSchemas(document: OpenApiDocument) {
  const schemas = document.components?.schemas;
  if (!schemas) return;
  const reached = new Set<string>();
  const visit = (value: Json): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries<Json>(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMAS)) {
        const name = child.slice(SCHEMAS.length);
        if (!reached.has(name)) {
          reached.add(name);
          visit(schemas[name]);
        }
      } else visit(child);
    }
  };
  visit(document.paths);
  visit(document.components?.responses);
  visit(document.components?.parameters);
  document.components = {
    ...document.components,
    schemas: Object.fromEntries(
      Object.entries(schemas)
        .filter(([name]) => reached.has(name))
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
}

export function compactOpenApi<T>(document: T): T {
  const doc = document as OpenApiDocument;
  dropSafeIntegerBounds(doc.paths);
  dropSafeIntegerBounds(doc.components?.schemas);
  mergeSameSides(doc);
  dropRepeatsBesideRefs(doc);
  plainWords(doc);
  shareProblemResponses(doc);
  shareParameters(doc);
  pruneSchemas(doc);
  return document;
}
