import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe.each(dialects)('GET /api/v1/audit-log on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('records who changed what, with before and after, newest first', async () => {
    const s = await h.admin.createStakeholder({ name: 'Audited' });
    await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/stakeholders/${s.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Audited twice' },
    });
    const page = (await h.admin.request({ method: 'GET', url: `/api/v1/audit-log?entityId=${s.id}` })).json();
    expect(page.data.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(page.data[0]).toMatchObject({
      actorId: h.admin.user.id,
      entity: 'stakeholder',
      before: { name: 'Audited', version: 1 },
      after: { name: 'Audited twice', version: 2 },
    });
    expect(page.data[0].at).toMatch(/Z$/);
  });

  it('filters by actor and pages with a cursor', async () => {
    const agent = await h.userWith('relationship_manager');
    for (let i = 0; i < 3; i++) await agent.createStakeholder();
    const first = (
      await agent.request({ method: 'GET', url: `/api/v1/audit-log?actorId=${agent.user.id}&limit=2` })
    ).json();
    expect(first.data).toHaveLength(2);
    const second = (
      await agent.request({
        method: 'GET',
        url: `/api/v1/audit-log?actorId=${agent.user.id}&limit=2&cursor=${first.nextCursor}`,
      })
    ).json();
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });

  it('is readable by a viewer (auditor) and not by a relationship agent', async () => {
    expect(
      (await (await h.userWith('viewer')).request({ method: 'GET', url: '/api/v1/audit-log' })).statusCode,
    ).toBe(200);
    expect(
      (await (await h.userWith('relationship_agent')).request({ method: 'GET', url: '/api/v1/audit-log' }))
        .statusCode,
    ).toBe(403);
  });

  it('has no entry for a rejected change', async () => {
    const before = await h.count('audit_log');
    await h.admin.request({
      method: 'POST',
      url: '/api/v1/stakeholders',
      payload: { name: 'x', category: 'nope', influence: 3, interest: 3 },
    });
    expect(await h.count('audit_log')).toBe(before);
  });
});
