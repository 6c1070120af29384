import type { Stakeholder } from '@rapport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe.each(dialects)('GET /api/v1/stakeholders on %s', (dialect) => {
  let h: Harness;
  let ownerId: string;
  const list = async (query: string) => {
    const response = await h.admin.request({ method: 'GET', url: `/api/v1/stakeholders?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { data: Stakeholder[]; nextCursor: string | null; total?: number };
  };
  const names = async (query: string) => (await list(query)).data.map((s) => s.name);

  beforeAll(async () => {
    h = await createHarness(dialect);
    ownerId = (await h.userWith('relationship_agent')).user.id;
    const seeds = [
      { name: 'alpha bank', category: 'customer', influence: 5, interest: 5, tags: ['Key'], ownerId },
      {
        name: 'beta supplies',
        category: 'supplier',
        influence: 4,
        interest: 1,
        emails: ['sales@beta.example'],
      },
      {
        name: 'gamma council',
        category: 'regulator',
        scope: 'internal',
        influence: 1,
        interest: 4,
        tags: ['key', 'gov'],
      },
      {
        name: 'delta media',
        category: 'media',
        influence: 1,
        interest: 1,
        power: true,
        legitimacy: true,
        urgency: true,
      },
      { name: '华为技术 huawei', category: 'partner', influence: 3, interest: 3, ownerId },
      { name: 'epsilon 100%_done', category: 'customer', influence: 2, interest: 2 },
    ];
    for (const seed of seeds) await h.admin.createStakeholder(seed as never);
  });
  afterAll(() => h.close());

  it('sorts by name by default and says there is no next page', async () => {
    const page = await list('');
    expect(page.data.map((s) => s.name)).toEqual([
      'alpha bank',
      'beta supplies',
      'delta media',
      'epsilon 100%_done',
      'gamma council',
      '华为技术 huawei',
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.total).toBeUndefined();
  });

  it('walks every page with a cursor without repeating or losing a row, in both directions', async () => {
    for (const sort of ['name', '-name', 'influence', '-interest', 'createdAt', '-updatedAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.data.map((s) => s.id));
        cursor = page.nextCursor;
      } while (cursor);
      const all = (await list(`sort=${sort}&limit=200`)).data.map((s) => s.id);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(6);
    }
  });

  it('orders by influence with ties broken the same way every time', async () => {
    const page = await list('sort=-influence');
    const influences = page.data.map((s) => s.influence);
    expect(influences).toEqual([...influences].sort((a, b) => b - a));
  });

  it('searches names, e-mails and tags case-insensitively, Chinese included, and % and _ literally', async () => {
    expect(await names('q=ALPHA')).toEqual(['alpha bank']);
    expect(await names(`q=${encodeURIComponent('华为')}`)).toEqual(['华为技术 huawei']);
    expect(await names('q=beta.example')).toEqual(['beta supplies']);
    expect(await names('q=gov')).toEqual(['gamma council']);
    expect(await names(`q=${encodeURIComponent('100%_')}`)).toEqual(['epsilon 100%_done']);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual(['epsilon 100%_done']);
  });

  it('keeps the search index in step when a name changes or a stakeholder goes', async () => {
    const s = await h.admin.createStakeholder({ name: 'zeta before rename', tags: ['searchsync'] });
    expect(await names('q=zeta%20before')).toEqual(['zeta before rename']);
    await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/stakeholders/${s.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'omega after rename' },
    });
    expect(await names('q=zeta%20before')).toEqual([]);
    expect(await names('q=omega%20after')).toEqual(['omega after rename']);
    await h.test.database.db.deleteFrom('stakeholder_tags').where('stakeholder_id', '=', s.id).execute();
    await h.test.database.db
      .deleteFrom('stakeholder_assessments')
      .where('stakeholder_id', '=', s.id)
      .execute();
    await h.test.database.db.deleteFrom('stakeholders').where('id', '=', s.id).execute();
    expect(await names('q=omega%20after')).toEqual([]);
  });

  it('filters by category, scope, quadrant, salience, owner and tags', async () => {
    expect(await names('category=customer,media')).toEqual([
      'alpha bank',
      'delta media',
      'epsilon 100%_done',
    ]);
    expect(await names('scope=internal')).toEqual(['gamma council']);
    expect(await names('quadrant=keep_satisfied')).toEqual(['beta supplies']);
    expect(await names('quadrant=manage_closely')).toEqual(['alpha bank', '华为技术 huawei']);
    expect(await names('salience=definitive')).toEqual(['delta media']);
    expect(await names(`ownerId=${ownerId}`)).toEqual(['alpha bank', '华为技术 huawei']);
    expect((await names('ownerId=none')).length).toBe(4);
    expect(await names('tag=KEY')).toEqual(['alpha bank', 'gamma council']);
    expect(await names('tag=gov,nothing')).toEqual(['gamma council']);
  });

  it('counts the rows that match the filters when asked', async () => {
    const page = await list('category=customer&count=true&limit=1');
    expect(page.total).toBe(2);
    expect(page.data).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
  });

  it('rejects a bad cursor, an unknown filter value, a limit of 500 and an unknown parameter', async () => {
    for (const [query, path] of [
      ['cursor=garbage', 'cursor'],
      ['category=pirate', 'category.0'],
      ['limit=500', 'limit'],
      ['sort=notes', 'sort'],
      ['colour=red', 'colour'],
    ]) {
      const response = await h.admin.request({ method: 'GET', url: `/api/v1/stakeholders?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(
        response.json().errors.map((e: { path: string }) => e.path),
        query,
      ).toContain(path);
    }
  });

  it('returns numbers, booleans and ISO times of the same types as the other dialect', async () => {
    const [first] = (await list('q=delta')).data;
    expect(first).toMatchObject({
      influence: 1,
      power: true,
      legitimacy: true,
      urgency: true,
      salience: 'definitive',
    });
    expect(typeof first?.version).toBe('number');
    expect(first?.updatedAt).toMatch(/Z$/);
  });
});
