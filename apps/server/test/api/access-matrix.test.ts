import { can, type Role, roles } from '@rapport/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../databases.js';
import { createHarness, type Harness, PASSWORD, type Session } from '../harness.js';
import { type Operation, operationsOf } from './openapi-walk.js';
import { type Access, operationAccess } from './operation-access.js';
import { samplePath, sampleQuery, UNKNOWN_ID, validSample } from './sample.js';

type Caller = Role | 'anonymous';
type Answer = '401' | '403' | 'allowed';

/** What the permission table says a caller gets from an operation guarded by `access`. */
function expected(access: Access, caller: Caller): Answer {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return '401';
  if (access === 'signed-in') return 'allowed';
  return can(caller, access) ? 'allowed' : '403';
}

const classOf = (status: number): Answer => (status === 401 ? '401' : status === 403 ? '403' : 'allowed');

/** Bodies the schema alone cannot make valid: without them the answer would be 400 for every caller. */
const bodies: Record<string, (email: string) => unknown> = {
  'POST /api/v1/session': (email) => ({ email, password: PASSWORD }),
  'POST /api/v1/surveys/{id}/invitations': () => ({ stakeholderIds: [UNKNOWN_ID] }),
};

/**
 * The endpoint × role matrix: every operation of the OpenAPI document, called by each role and anonymously,
 * answers 401 / 403 / something else exactly as `operation-access.ts` and the permission table say. Records
 * are unknown ids and versions are sent (If-Match), so the answer of an allowed caller is 404, 409, 422 or a
 * success, and a 403 can only come from the permission check.
 */
describe.each(dialects)('the endpoint × role matrix on %s', (dialect) => {
  let h: Harness;
  let operations: Operation[];
  const sessions = new Map<Role, Session>();
  beforeAll(async () => {
    h = await createHarness(dialect);
    operations = operationsOf((await h.admin.request({ method: 'GET', url: '/api/v1/openapi.json' })).json());
    for (const role of roles) sessions.set(role, role === 'administrator' ? h.admin : await h.userWith(role));
  });
  afterAll(() => h.close());

  it('lists every operation of the OpenAPI document, and only those', () => {
    const documented = operations.map((operation) => operation.key);
    expect(documented.filter((key) => !(key in operationAccess))).toEqual([]);
    expect(Object.keys(operationAccess).filter((key) => !documented.includes(key))).toEqual([]);
  });

  it('marks exactly the operations the document calls public (security: [])', () => {
    const publicInDocument = operations.filter((o) => o.isPublic).map((o) => o.key);
    const publicInMap = Object.entries(operationAccess)
      .filter(([, rule]) => rule.access === 'public')
      .map(([key]) => key);
    expect(publicInDocument.sort()).toEqual(publicInMap.sort());
  });

  it('answers every role and anonymous callers as the permission table says', async () => {
    const callers: Caller[] = [...roles, 'anonymous'];
    const mismatches: string[] = [];
    let calls = 0;
    // Signing out ends the caller's session, so it comes last.
    const ordered = [...operations].sort(
      (a, b) => Number(a.key === 'DELETE /api/v1/session') - Number(b.key === 'DELETE /api/v1/session'),
    );
    for (const operation of ordered) {
      const rule = operationAccess[operation.key];
      if (!rule) continue;
      for (const caller of callers) {
        const response = await call(operation, caller);
        calls += 1;
        const want = expected(rule.access, caller);
        const got = classOf(response.statusCode);
        if (got !== want) {
          mismatches.push(`${operation.key} as ${caller}: ${response.statusCode}, the table says ${want}`);
        }
        expect(response.statusCode, `${operation.key} as ${caller}: ${response.body}`).toBeLessThan(500);
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(operations.length * callers.length);
  });

  function call(operation: Operation, caller: Caller): Promise<LightMyRequestResponse> {
    const session = caller === 'anonymous' ? undefined : sessions.get(caller);
    const email = (session ?? h.admin).user.email;
    const body = bodies[operation.key]?.(email) ?? (operation.body && validSample(operation.body));
    const options: InjectOptions = {
      method: operation.method as InjectOptions['method'],
      url: samplePath(operation),
      query: sampleQuery(operation),
      headers: { 'if-match': '"1"' },
      ...(body !== undefined && { payload: body as InjectOptions['payload'] }),
    };
    return session ? session.request(options) : h.app.inject(options);
  }
});
