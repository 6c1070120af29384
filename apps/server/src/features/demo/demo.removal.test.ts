import type { KyselyPlugin } from 'kysely';
import { InsertQueryNode, TableNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { seedDemo } from './demo.seed.js';

/** Fails the first insert into `table`: a load that breaks half-way. */
const failingInsertInto = (table: string): KyselyPlugin => ({
  transformQuery({ node }) {
    if (
      InsertQueryNode.is(node) &&
      node.into &&
      TableNode.is(node.into) &&
      node.into.table.identifier.name === table
    )
      throw new Error(`simulated failure writing ${table}`);
    return node;
  },
  transformResult: async ({ result }) => result,
});

describe.each(dialects)('the demo organisation, loaded and removed as a whole, on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const demo = (method: 'GET' | 'POST' | 'DELETE') => h.admin.request({ method, url: '/api/v1/admin/demo' });

  it('a load that fails half-way leaves nothing behind, and the next load completes', async () => {
    await expect(seedDemo(h.test.database.db.withPlugin(failingInsertInto('webhooks')))).rejects.toThrow(
      /simulated failure/,
    );
    expect(await h.count('stakeholders')).toBe(0);
    expect(await h.count('org_units')).toBe(0);
    expect(await h.count('demo_records')).toBe(0);
    expect((await demo('GET')).json()).toEqual({ loaded: false, organisationEmpty: true });
  });

  it('is offered to administrators only', async () => {
    const manager = await h.userWith('relationship_manager');
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await manager.request({ method, url: '/api/v1/admin/demo' });
      expect(response.statusCode).toBe(403);
    }
    expect(await h.count('stakeholders')).toBe(0);
  });

  it('loads once from the web app, and is removed without touching what the organisation added', async () => {
    const loaded = await demo('POST');
    expect(loaded.statusCode).toBe(201);
    expect(loaded.json()).toMatchObject({
      loaded: true,
      summary: expect.stringMatching(/^Loaded \d+ stakeholders/),
    });
    expect((await demo('POST')).statusCode).toBe(409);
    expect((await demo('GET')).json()).toEqual({ loaded: true, organisationEmpty: false });

    const demoStakeholder = (
      await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders?tag=demo&limit=1' })
    ).json().data[0];
    const own = await h.admin.createStakeholder({ name: 'Our own partner' });
    const child = await h.admin.createStakeholder({
      name: 'Our unit under a demo one',
      parentId: demoStakeholder.id,
    });

    // The organisation's record refers to a demo record: refused, named, nothing removed.
    const refused = await demo('DELETE');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([
      { path: `stakeholders.${child.id}`, message: `refers to the demo stakeholders ${demoStakeholder.id}` },
    ]);
    expect((await demo('GET')).json().loaded).toBe(true);

    const unlinked = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/stakeholders/${child.id}`,
      headers: { 'if-match': `"${child.version}"` },
      payload: { parentId: null },
    });
    expect(unlinked.statusCode).toBe(200);
    const removed = await demo('DELETE');
    expect(removed.statusCode).toBe(200);
    expect(removed.json().removed).toBeGreaterThan(100);

    const left = (
      await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders?archived=true&limit=200' })
    ).json();
    expect(left.data.map((s: { name: string }) => s.name).sort()).toEqual([own.name, child.name].sort());
    expect(await h.count('org_units')).toBe(0);
    expect(await h.count('relationships')).toBe(0);
    const users = (await h.admin.request({ method: 'GET', url: '/api/v1/users?limit=200' })).json();
    expect(users.data.map((u: { email: string }) => u.email)).not.toContain('wang.fang@example.com');
    expect((await demo('GET')).json()).toEqual({ loaded: false, organisationEmpty: false });
    expect((await demo('DELETE')).statusCode).toBe(404);
  });
});
