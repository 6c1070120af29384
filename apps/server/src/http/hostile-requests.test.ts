import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';

const PROBLEM = 'application/problem+json; charset=utf-8';

/** Inputs that once made the server answer 500 (or answer in another shape than problem+json). */
describe.each(dialects)('hostile requests on %s', (dialect) => {
  let h: Harness;
  let relationshipId: string;
  beforeAll(async () => {
    h = await createHarness(dialect);
    const stakeholder = await h.admin.createStakeholder();
    const created = await h.admin.request({
      method: 'POST',
      url: '/api/v1/relationships',
      payload: { stakeholderId: stakeholder.id },
    });
    relationshipId = created.json().id;
  });
  afterAll(() => h.close());

  async function refused(options: InjectOptions, status: number) {
    const response = await h.admin.request(options);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toBe(PROBLEM);
    return response.json();
  }
  const json = { 'content-type': 'application/json' };

  it('answers a relationship model of null with a field error', async () => {
    const problem = await refused(
      { method: 'POST', url: '/api/v1/relationship-models', headers: json, payload: 'null' },
      400,
    );
    expect(problem.errors).toEqual([{ path: '(body)', message: expect.any(String) }]);
  });

  it('answers a journey step of null with a field error naming the step', async () => {
    const problem = await refused(
      {
        method: 'POST',
        url: '/api/v1/relationship-models',
        payload: { name: 'M', relationshipType: 'partnership', communality: {}, steps: [null] },
      },
      400,
    );
    expect(problem.errors).toContainEqual({ path: 'steps.0', message: expect.any(String) });
  });

  it('answers a relationship journey of null with a field error', async () => {
    const problem = await refused(
      {
        method: 'PATCH',
        url: `/api/v1/relationships/${relationshipId}`,
        payload: { journey: null, version: 1 },
      },
      400,
    );
    expect(problem.errors).toEqual([{ path: 'journey', message: expect.any(String) }]);
  });

  it('refuses a version past what an integer column holds, instead of failing in PostgreSQL', async () => {
    const inBody = await refused(
      {
        method: 'PATCH',
        url: `/api/v1/relationships/${relationshipId}`,
        payload: { name: 'Renamed', version: 5346916134688700 },
      },
      400,
    );
    expect(inBody.errors).toEqual([{ path: 'version', message: expect.any(String) }]);
    const inPath = await refused(
      { method: 'GET', url: `/api/v1/principles/${relationshipId}/versions/5346916134688700` },
      400,
    );
    expect(inPath.errors).toEqual([{ path: 'number', message: expect.any(String) }]);
  });

  it('refuses the NUL character in a body field, writing nothing', async () => {
    const before = await h.count('stakeholders');
    const problem = await refused(
      {
        method: 'POST',
        url: '/api/v1/stakeholders',
        payload: {
          name: 'Acme\u0000Ltd',
          category: 'customer',
          influence: 3,
          interest: 3,
          tags: ['a\u0000'],
        },
      },
      400,
    );
    expect(problem.errors).toEqual([
      { path: 'name', message: 'must not contain the NUL character' },
      { path: 'tags.0', message: 'must not contain the NUL character' },
    ]);
    expect(await h.count('stakeholders')).toBe(before);
  });

  it('refuses the NUL character in a query string and in a path parameter', async () => {
    const inQuery = await refused({ method: 'GET', url: '/api/v1/stakeholders?q=a%00b' }, 400);
    expect(inQuery.errors).toEqual([{ path: 'q', message: 'must not contain the NUL character' }]);
    const inPath = await refused({ method: 'GET', url: '/api/v1/relationships/%00' }, 400);
    expect(inPath.errors).toEqual([{ path: 'id', message: 'must not contain the NUL character' }]);
    await refused({ method: 'GET', url: '/api/v1/kpis/%00' }, 400);
    await refused({ method: 'GET', url: '/api/v1/public/surveys/a%00', headers: { cookie: '' } }, 400);
  });

  it('answers a hand-made cursor without a 500: NUL and a number past any column are 400', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    // SQLite compares text with a number (text sorts after): an empty page there, a refusal on PostgreSQL.
    const mismatched = await h.admin.request({
      method: 'GET',
      url: `/api/v1/stakeholders?sort=influence&cursor=${cursor(['abc', 'x'])}`,
    });
    expect(mismatched.statusCode).toBe(dialect === 'postgres' ? 400 : 200);
    await refused({ method: 'GET', url: `/api/v1/stakeholders?cursor=${cursor(['\u0000', 'x'])}` }, 400);
    await refused({ method: 'GET', url: `/api/v1/stakeholders?cursor=${cursor(['a', '\u0000'])}` }, 400);
    await refused(
      { method: 'GET', url: `/api/v1/stakeholders?sort=influence&cursor=${cursor([1e300, 'x'])}` },
      400,
    );
  });

  it('answers a broken or boundary-less multipart upload with 400', async () => {
    const cut = '--xyz\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n{}';
    for (const url of ['/api/v1/imports/stakeholders', '/api/v1/imports/stakeholders/preview']) {
      await refused(
        {
          method: 'POST',
          url,
          headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
          payload: cut,
        },
        400,
      );
      await refused(
        { method: 'POST', url, headers: { 'content-type': 'multipart/form-data' }, payload: 'abc' },
        400,
      );
    }
  });

  it('refuses an uploaded file whose name holds the NUL character', async () => {
    const upload = multipart(
      { mapping: '{"name":"name"}' },
      { name: 'a\u0000.csv', content: 'name\nAcme\n' },
    );
    const problem = await refused({ method: 'POST', url: '/api/v1/imports/stakeholders', ...upload }, 400);
    expect(problem.errors).toEqual([{ path: 'file', message: expect.stringContaining('NUL') }]);
  });

  it("answers Fastify's own refusals as problem+json", async () => {
    await refused({ method: 'GET', url: '/api/v1/stakeholders/%zz' }, 400);
    await refused({ method: 'GET', url: `/api/v1/stakeholders/${'a'.repeat(200)}` }, 414);
    await refused(
      {
        method: 'POST',
        url: '/api/v1/stakeholders',
        headers: { 'content-type': 'application/xml' },
        payload: '<a/>',
      },
      415,
    );
    await refused(
      {
        method: 'POST',
        url: '/api/v1/imports/stakeholders',
        headers: json,
        payload: '{}',
      },
      400,
    );
    await refused({ method: 'POST', url: '/api/v1/stakeholders', headers: json, payload: '{"name":' }, 400);
    await refused({ method: 'POST', url: '/api/v1/stakeholders', headers: json, payload: '' }, 400);
    await refused(
      { method: 'POST', url: '/api/v1/stakeholders', headers: json, payload: `"${'a'.repeat(1_100_000)}"` },
      413,
    );
  });

  it('answers 401 to an anonymous request before looking at its fields', async () => {
    const anonymous = await h.app.inject({
      method: 'POST',
      url: '/api/v1/stakeholders',
      payload: { unknown: 1, name: 7 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toBe(PROBLEM);
    expect(anonymous.json().errors).toBeUndefined();
    const list = await h.app.inject({ method: 'GET', url: '/api/v1/stakeholders?limit=abc' });
    expect(list.statusCode).toBe(401);
  });

  it('keeps sign-in, setup, health and the public survey page open to anonymous requests', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/setup' })).statusCode).toBe(200);
    const signIn = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'nobody@example.com', password: 'x' },
    });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.json().detail).toBeDefined();
    const badSignIn = await h.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 1 } });
    expect(badSignIn.statusCode).toBe(400);
    const survey = await h.app.inject({ method: 'GET', url: '/api/v1/public/surveys/unknown-token' });
    expect(survey.statusCode).toBe(404);
  });

  it('answers an address over 16 KB, refused by the HTTP parser itself, with problem+json', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const answer = await new Promise<{ status?: number; type?: string; body: string }>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port, path: `/api/v1/stakeholders?q=${'a'.repeat(20_000)}` },
        (response) => {
          let body = '';
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () =>
            resolve({ status: response.statusCode, type: response.headers['content-type'], body }),
          );
        },
      );
      request.on('error', reject);
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toBe('application/problem+json');
    expect(JSON.parse(answer.body).status).toBe(431);
  });
});
