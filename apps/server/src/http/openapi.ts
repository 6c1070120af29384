import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import * as contracts from '@rapport/contracts';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VersionBody } from './common.js';
import { compactOpenApi } from './openapi-compact.js';

/**
 * The OpenAPI document names each shared schema once, under `components.schemas`, and points at it with `$ref`.
 * Written inline, the problem answer alone was repeated nine times per operation and the document weighed 2 MB,
 * which the interactive docs took most of a minute to draw.
 *
 * Every zod schema that @rapport/contracts exports becomes a component named after its export (`Stakeholder`,
 * `Problem`; `StakeholderCreateInput` where the request's shape differs from the answer's). Only the ones the
 * document uses are kept.
 */
export const openApiComponents = z.registry<{ id: string }>();
for (const [name, value] of Object.entries(contracts)) {
  if (!(value instanceof z.ZodType) || openApiComponents.has(value)) continue;
  // The request side of `X` is named `XInput`: an export already called so (`KpiEntryInput`) becomes `…Request`.
  const id = name.endsWith('Input') && name.slice(0, -5) in contracts ? `${name.slice(0, -5)}Request` : name;
  openApiComponents.add(value, { id });
}
// The server's own shared shapes: the optional version of a DELETE or restore body.
openApiComponents.add(VersionBody, { id: 'VersionBody' });

const withComponents = createJsonSchemaTransform({ schemaRegistry: openApiComponents });
const inline = createJsonSchemaTransform({ schemaRegistry: z.registry<{ id: string }>() });

/** Problem answers a read never gives: no body to be too large, no version to send or to be stale. */
const WRITE_ONLY_PROBLEMS = ['409', '413', '428'];

/**
 * Bodies and answers refer to the components. Query strings, path parameters and headers stay inline:
 * @fastify/swagger lists each of their properties as a parameter, which it can only do with the properties in hand.
 * The shared list of problem answers is narrowed to those the route can give: 429 comes only from the routes
 * with a rate limit, and 409, 413 and 428 only from writes.
 */
export const openApiTransform: SwaggerTransform = (input) => {
  const transformed = withComponents(input as Parameters<typeof withComponents>[0]) as ReturnType<
    typeof withComponents
  > & { schema?: Record<string, unknown> };
  const schema = input.schema as Record<string, unknown> | undefined;
  if (!schema || !transformed.schema || transformed.schema.hide) return transformed;
  const parts = ['querystring', 'params', 'headers'] as const;
  if (parts.some((part) => schema[part])) {
    const plain = inline(input as Parameters<typeof inline>[0]) as unknown as {
      schema: Record<string, unknown>;
    };
    for (const part of parts) if (plain.schema[part]) transformed.schema[part] = plain.schema[part];
  }
  const response = transformed.schema.response as Record<string, unknown> | undefined;
  if (response) {
    const methods = [input.route?.method ?? []].flat().map((method) => String(method).toUpperCase());
    const readOnly = methods.length > 0 && methods.every((method) => method === 'GET' || method === 'HEAD');
    if (readOnly) for (const status of WRITE_ONLY_PROBLEMS) delete response[status];
    if (!input.route?.config?.rateLimit) delete response['429'];
  }
  return transformed;
};

const addComponents = createJsonSchemaTransformObject({ schemaRegistry: openApiComponents });

/** The document with its components, each repeated thing written once (openapi-compact.ts). */
export const openApiTransformObject: SwaggerTransformObject = (documentObject) =>
  compactOpenApi(addComponents(documentObject));
