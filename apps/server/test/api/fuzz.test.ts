import { type Role, roles } from '@rapport/contracts';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../databases.js';
import { createHarness, type Harness, type Session } from '../harness.js';
import { multipart } from '../multipart.js';
import { arbitraryOf, bodyOf, queryValueOf } from './arbitraries.js';
import { type Operation, operationsOf } from './openapi-walk.js';
import { UNKNOWN_ID, validSample } from './sample.js';

/**
 * Property-based fuzzing of every operation of the OpenAPI document: bodies, query strings and path
 * parameters derived from its schemas, mostly right and often wrong, sent mostly as an administrator (who
 * gets furthest) and also as the other roles and anonymously. Whatever is sent: no 5xx, every error is
 * problem+json, and a refused request writes no row. `npm run fuzz` runs it longer
 * (RAPPORT_FUZZ_RUNS, RAPPORT_FUZZ_SEED).
 */
const runs = Number(process.env.RAPPORT_FUZZ_RUNS ?? 400);
const seed = Number(process.env.RAPPORT_FUZZ_SEED ?? 20261208);

type Caller = Role | 'anonymous';

/** A cursor as the API encodes it (base64url of `[value, id]`), holding values no list gave out. */
const cursorOf = fc
  .tuple(
    fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.double(),
      fc.integer(),
      fc.constantFrom(null, '\u0000', 1e300, true),
    ),
    fc.oneof(fc.string({ maxLength: 10 }), fc.constant('\u0000')),
  )
  .map((value) => Buffer.from(JSON.stringify(value)).toString('base64url'));

/** %-encodes every byte of the text's UTF-8 but unreserved ones (a lone surrogate becomes U+FFFD, as a browser sends it). */
const percentEncoded = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).padStart(2, '0').toUpperCase()}`;
    })
    .join('');

describe.each(dialects)('fuzzing every operation on %s', (dialect) => {
  let h: Harness;
  let operations: Operation[];
  let tables: string[];
  const sessions = new Map<Role, Session>();
  /** Ids of real records per collection path, so some requests reach existing records. */
  const knownIds = new Map<string, string>();
  const tally = { requests: 0, refused: 0, serverErrors: 0, byStatus: new Map<number, number>() };

  beforeAll(async () => {
    h = await createHarness(dialect);
    operations = operationsOf((await h.admin.request({ method: 'GET', url: '/api/v1/openapi.json' })).json());
    for (const role of roles) sessions.set(role, role === 'administrator' ? h.admin : await h.userWith(role));
    await createOneOfEach();
    tables = (await h.test.database.db.introspection.getTables())
      .filter((table) => !table.isView && (h.test.schema === undefined || table.schema === h.test.schema))
      .map((table) => table.name)
      .filter((name) => !name.startsWith('sqlite_') && !/_(data|idx|content|docsize|config)$/.test(name));
  });

  afterAll(async () => {
    const statuses = [...tally.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`);
    console.log(
      `fuzz on ${dialect}: seed ${seed}, ${tally.requests} requests, ${tally.refused} refused, ` +
        `${tally.serverErrors} answered 5xx (${statuses.join(' ')})`,
    );
    await h.close();
  });

  /** One record of each simple collection, created from the smallest body its schema accepts. */
  async function createOneOfEach() {
    const stakeholder = await h.admin.createStakeholder();
    knownIds.set('/api/v1/stakeholders', stakeholder.id);
    const relationship = await h.admin.request({
      method: 'POST',
      url: '/api/v1/relationships',
      payload: { stakeholderId: stakeholder.id },
    });
    knownIds.set('/api/v1/relationships', relationship.json().id);
    for (const operation of operations) {
      if (operation.method !== 'POST' || !operation.body || /[{}]/.test(operation.path)) continue;
      if (knownIds.has(operation.path) || /session|setup|tokens|users/.test(operation.path)) continue;
      const body = validSample(operation.body) as Record<string, unknown>;
      if (body && typeof body === 'object' && 'stakeholderId' in body) body.stakeholderId = stakeholder.id;
      if (body && typeof body === 'object' && 'relationshipId' in body)
        body.relationshipId = relationship.json().id;
      const created = await h.admin.request({ method: 'POST', url: operation.path, payload: body });
      if (created.statusCode === 201) knownIds.set(operation.path, created.json().id);
    }
  }

  async function rowCounts(): Promise<Map<string, number>> {
    const union = tables.map((name) => sql`select ${name} as t, count(*) as n from ${sql.table(name)}`);
    const { rows } = await sql<{
      t: string;
      n: number | string;
    }>`${sql.join(union, sql` union all `)}`.execute(h.test.database.db);
    return new Map(rows.map((row) => [row.t, Number(row.n)]));
  }

  /** A path parameter: a real record's id, an id nobody has, or text no id looks like. */
  function pathValueOf(operation: Operation, name: string): fc.Arbitrary<string> {
    const collection = operation.path.split('/{')[0] ?? '';
    const known = knownIds.get(collection);
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    const shaped = parameter ? arbitraryOf(parameter.schema).map(String) : fc.constant(UNKNOWN_ID);
    return fc.oneof(
      ...(known && name === 'id' ? [{ arbitrary: fc.constant(known), weight: 4 }] : []),
      { arbitrary: fc.constant(UNKNOWN_ID), weight: 2 },
      { arbitrary: shaped, weight: 2 },
    );
  }

  function requestOf(operation: Operation) {
    const pathNames = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
    const queryParameters = operation.parameters.filter((p) => p.in === 'query');
    const caller = fc.oneof(
      { arbitrary: fc.constant<Caller>('administrator'), weight: 6 },
      { arbitrary: fc.constantFrom<Caller>(...roles), weight: 2 },
      { arbitrary: fc.constant<Caller>('anonymous'), weight: 1 },
    );
    const query = fc.record(
      Object.fromEntries(
        queryParameters.map((p) => [p.name, p.name === 'cursor' ? cursorOf : queryValueOf(p.schema)]),
      ),
      { requiredKeys: [] },
    );
    const jsonBody = operation.body
      ? fc.oneof(
          { arbitrary: bodyOf(operation.body).map((value) => ({ json: value })), weight: 10 },
          {
            arbitrary: fc.record({
              raw: fc.constantFrom('', '{', 'null', '[]', '{"a":1,"a":2}', '{"__proto__":{"x":1}}', '\u0000'),
              type: fc.constantFrom(
                'application/json',
                'text/plain',
                'application/xml',
                'application/json; charset=latin1',
              ),
            }),
            weight: 1,
          },
        )
      : fc.constant(undefined);
    const body =
      operation.bodyType === 'multipart/form-data' || /imports\/stakeholders/.test(operation.path)
        ? fc.oneof(
            fc
              .record({
                mapping: fc.constantFrom('{"name":"name","category":"category"}', '{}', 'not json', '\u0000'),
                mode: fc.constantFrom('all', 'valid', 'other'),
                csv: fc.oneof(fc.string({ maxLength: 200 }), fc.constant('name,category\nAcme,customer\n')),
              })
              .map(({ mapping, mode, csv }) => ({
                multipart: multipart({ mapping, mode }, { name: 'a.csv', content: csv }),
              })),
            fc.uint8Array({ maxLength: 200 }).map((bytes) => ({
              raw: Buffer.from(bytes),
              type: 'multipart/form-data; boundary=xyz',
            })),
          )
        : jsonBody;
    return fc.record({
      caller,
      path: fc.record(Object.fromEntries(pathNames.map((name) => [name, pathValueOf(operation, name)]))),
      query,
      body,
      ifMatch: fc.option(fc.constantFrom('"1"', '"2"', '1', 'W/"1"', '"999999999999"', '*'), { freq: 3 }),
    });
  }

  it(
    'never answers 5xx, answers every error as problem+json, and writes nothing when it refuses',
    async () => {
      const requests = fc
        .constantFrom(...operations.filter((operation) => operation.key !== 'DELETE /api/v1/session'))
        .chain((operation) => fc.tuple(fc.constant(operation), requestOf(operation)));
      await fc.assert(
        fc.asyncProperty(requests, async ([operation, request]) => {
          const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
            percentEncoded(request.path[name] ?? UNKNOWN_ID),
          );
          const query = Object.entries(request.query as Record<string, string>)
            .map(([name, value]) => `${name}=${percentEncoded(value)}`)
            .join('&');
          const url = query ? `${path}?${query}` : path;
          const options: InjectOptions = {
            method: operation.method as InjectOptions['method'],
            url,
            headers: request.ifMatch === null ? {} : { 'if-match': request.ifMatch },
          };
          const body = request.body as
            | { json: unknown }
            | { raw: string | Buffer; type: string }
            | { multipart: { payload: Buffer; headers: Record<string, string> } }
            | undefined;
          if (body && 'json' in body && body.json !== undefined) {
            options.payload = JSON.stringify(body.json);
            options.headers = { ...options.headers, 'content-type': 'application/json' };
          } else if (body && 'raw' in body) {
            options.payload = body.raw;
            options.headers = { ...options.headers, 'content-type': body.type };
          } else if (body && 'multipart' in body) {
            options.payload = body.multipart.payload;
            options.headers = { ...options.headers, ...body.multipart.headers };
          }
          const before = await rowCounts();
          const session = request.caller === 'anonymous' ? undefined : sessions.get(request.caller);
          const response = session ? await session.request(options) : await h.app.inject(options);
          tally.requests += 1;
          tally.byStatus.set(response.statusCode, (tally.byStatus.get(response.statusCode) ?? 0) + 1);
          const label = `${operation.method} ${url} as ${request.caller}: ${response.statusCode} ${response.body.slice(0, 300)}`;
          if (response.statusCode >= 500) tally.serverErrors += 1;
          expect(response.statusCode, label).toBeLessThan(500);
          if (response.statusCode < 400) return;
          tally.refused += 1;
          expect(response.headers['content-type'], label).toMatch(/^application\/problem\+json/);
          const after = await rowCounts();
          const written = tables.filter((name) => before.get(name) !== after.get(name));
          expect(written, label).toEqual([]);
        }),
        { seed, numRuns: runs, endOnFailure: true },
      );
      // About 20 requests a second on a busy 2-core machine, with the row counts around each.
    },
    Math.max(60_000, runs * 150),
  );
});
