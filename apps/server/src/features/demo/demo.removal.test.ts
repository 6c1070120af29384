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
    // What Rapport wrote by itself for demo users on another day (the due scan's notifications, to a demo user
    // and to the administrator about a demo record) goes with the demo and does not hold it back.
    const demoUser = await h.test.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'mei.lin@demo.rapport')
      .executeTakeFirstOrThrow();
    const notice = (userId: string, suffix: string) => ({
      id: `0190aaaa-0000-7000-8000-00000000000${suffix}`,
      user_id: userId,
      kind: 'contact_overdue',
      title: 'Contact overdue',
      body: '',
      link: `/stakeholders/${demoStakeholder.id}`,
      entity: 'stakeholder',
      entity_id: demoStakeholder.id,
      dedupe_key: `contact_overdue:${demoStakeholder.id}:2020-01-0${suffix}`,
      in_app: 1,
      email_status: null,
      email_error: null,
      read_at: null,
      emailed_at: null,
      created_at: '2020-01-01T00:00:00.000Z',
    });
    await h.test.database.db
      .insertInto('notifications')
      .values([notice(demoUser.id, '1'), notice(h.admin.user.id, '2')])
      .execute();
    const removed = await demo('DELETE');
    expect(removed.statusCode).toBe(200);
    expect(removed.json().removed).toBeGreaterThan(100);

    const left = (
      await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders?archived=true&limit=200' })
    ).json();
    expect(left.data.map((s: { name: string }) => s.name).sort()).toEqual([own.name, child.name].sort());
    expect(await h.count('org_units')).toBe(0);
    expect(await h.count('relationships')).toBe(0);
    expect(await h.count('notifications')).toBe(0);
    const users = (await h.admin.request({ method: 'GET', url: '/api/v1/users?limit=200' })).json();
    expect(users.data.map((u: { email: string }) => u.email)).not.toContain('mei.lin@demo.rapport');
    expect((await demo('GET')).json()).toEqual({ loaded: false, organisationEmpty: false });
    expect((await demo('DELETE')).statusCode).toBe(404);
  });
});
