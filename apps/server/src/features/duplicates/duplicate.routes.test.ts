import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe.each(dialects)('duplicates and merge on %s', (dialect) => {
  let h: Harness;
  const get = (url: string) => h.admin.request({ method: 'GET', url }).then((r) => r.json());
  const post = (url: string, payload: object) => h.admin.request({ method: 'POST', url, payload });

  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('finds pairs that share an e-mail or a name, Chinese names included', async () => {
    const acme = await h.admin.createStakeholder({ name: 'Acme Ltd', emails: ['buyer@acme.example'] });
    const acme2 = await h.admin.createStakeholder({ name: 'ACME, Limited', emails: ['Buyer@Acme.example'] });
    const wang = await h.admin.createStakeholder({ name: '王 芳' });
    const wang2 = await h.admin.createStakeholder({ name: '王芳' });
    const li = await h.admin.createStakeholder({ name: 'Li Wei' });
    const li2 = await h.admin.createStakeholder({ name: 'Wei Li' });
    await h.admin.createStakeholder({ name: 'Unrelated Ltd' });
    const { data } = await get('/api/v1/stakeholders/duplicates');
    const pairs = data.map((p: { a: { id: string }; b: { id: string }; reasons: string[] }) => ({
      ids: [p.a.id, p.b.id].sort(),
      reasons: p.reasons.sort(),
    }));
    expect(pairs).toContainEqual({ ids: [acme.id, acme2.id].sort(), reasons: ['email', 'name'] });
    expect(pairs).toContainEqual({ ids: [wang.id, wang2.id].sort(), reasons: ['name'] });
    expect(pairs).toContainEqual({ ids: [li.id, li2.id].sort(), reasons: ['name'] });
    expect(pairs).toHaveLength(3);
  });

  it('merges a duplicate keeping every assessment, link, membership and child, and archives it', async () => {
    const survivor = await h.admin.createStakeholder({
      name: 'Globex',
      emails: ['a@globex.example'],
      tags: ['key'],
    });
    const duplicate = await h.admin.createStakeholder({
      name: 'Globex Inc',
      emails: ['b@globex.example'],
      tags: ['supplier'],
      notes: 'Met at the fair',
      engagementCurrent: 'neutral',
    });
    const other = await h.admin.createStakeholder({ name: 'Partner of Globex' });
    const child = await h.admin.createStakeholder({ name: 'Globex buyer', parentId: duplicate.id });
    await post('/api/v1/stakeholder-links', { fromId: other.id, toId: duplicate.id, type: 'influences' });
    await post('/api/v1/stakeholder-links', { fromId: survivor.id, toId: duplicate.id, type: 'allied_with' });
    const group = (await post('/api/v1/stakeholder-groups', { name: 'Merge group' })).json();
    await post(`/api/v1/stakeholder-groups/${group.id}/members`, { stakeholderIds: [duplicate.id] });
    await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/stakeholders/${duplicate.id}`,
      headers: { 'if-match': '"1"' },
      payload: { influence: 5 },
    });

    const merged = await post(`/api/v1/stakeholders/${survivor.id}/merge`, {
      duplicateId: duplicate.id,
      version: 1,
      duplicateVersion: 2,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({
      id: survivor.id,
      version: 2,
      emails: ['a@globex.example', 'b@globex.example'],
      tags: ['key', 'supplier'],
      notes: 'Met at the fair',
      engagementCurrent: 'neutral',
    });
    const history = await get(`/api/v1/stakeholders/${survivor.id}/assessments`);
    // Both histories, and the merge itself: the survivor took the duplicate's engagement level.
    expect(history.data).toHaveLength(4);
    expect(history.data[0].note).toBe('Merged with Globex Inc');
    const links = await get(`/api/v1/stakeholder-links?stakeholderId=${survivor.id}`);
    expect(links.data.map((l: { fromId: string; type: string }) => [l.fromId, l.type])).toEqual([
      [other.id, 'influences'],
    ]);
    expect(
      (await get(`/api/v1/stakeholders/${survivor.id}/groups`)).data.map((g: { id: string }) => g.id),
    ).toEqual([group.id]);
    expect((await get(`/api/v1/stakeholders/${child.id}`)).parentId).toBe(survivor.id);
    const gone = await get(`/api/v1/stakeholders/${duplicate.id}`);
    expect(gone.archivedAt).not.toBeNull();
    expect((await get(`/api/v1/stakeholders/${duplicate.id}/assessments`)).data).toEqual([]);
    const audit = await get(`/api/v1/audit-log?entityId=${survivor.id}&limit=1`);
    expect(audit.data[0]).toMatchObject({ action: 'merge', before: { duplicate: { id: duplicate.id } } });
  });

  it('never leaves a parent loop: a survivor that was the duplicate’s child, and a parent that was its grandchild', async () => {
    const parent = await h.admin.createStakeholder({ name: 'Holding' });
    const duplicate = await h.admin.createStakeholder({ name: 'Holding dup', parentId: parent.id });
    const survivor = await h.admin.createStakeholder({ name: 'Holding survivor', parentId: duplicate.id });
    const merged = await post(`/api/v1/stakeholders/${survivor.id}/merge`, {
      duplicateId: duplicate.id,
      version: 1,
      duplicateVersion: 1,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().parentId).toBe(parent.id);

    const top = await h.admin.createStakeholder({ name: 'Loop top' });
    const child = await h.admin.createStakeholder({ name: 'Loop child', parentId: top.id });
    const other = await h.admin.createStakeholder({ name: 'Loop other', parentId: child.id });
    const refused = await post(`/api/v1/stakeholders/${top.id}/merge`, {
      duplicateId: other.id,
      version: 1,
      duplicateVersion: 1,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].path).toBe('parentId');
  });

  it('keeps an undirected link stored one way round when it moves, and records the merged position', async () => {
    const survivor = await h.admin.createStakeholder({ name: 'Undirected S' });
    const duplicate = await h.admin.createStakeholder({
      name: 'Undirected D',
      engagementCurrent: 'resistant',
      engagementDesired: 'supportive',
    });
    const ally = await h.admin.createStakeholder({ name: 'Undirected ally' });
    await post('/api/v1/stakeholder-links', { fromId: duplicate.id, toId: ally.id, type: 'allied_with' });
    const merged = await post(`/api/v1/stakeholders/${survivor.id}/merge`, {
      duplicateId: duplicate.id,
      version: 1,
      duplicateVersion: 1,
    });
    expect(merged.json()).toMatchObject({ engagementCurrent: 'resistant', engagementGap: 2 });
    const again = await post('/api/v1/stakeholder-links', {
      fromId: ally.id,
      toId: survivor.id,
      type: 'allied_with',
    });
    expect(again.statusCode).toBe(409);
    const history = await get(`/api/v1/stakeholders/${survivor.id}/assessments?limit=1`);
    expect(history.data[0]).toMatchObject({
      note: 'Merged with Undirected D',
      after: { engagementCurrent: 'resistant' },
    });
  });

  it('refuses a stale version, a merge into itself, and a role without the permission, writing nothing', async () => {
    const a = await h.admin.createStakeholder({ name: 'Stale A' });
    const b = await h.admin.createStakeholder({ name: 'Stale B' });
    const agent = await h.userWith('relationship_agent');
    const before = await h.count('audit_log');
    const stale = await post(`/api/v1/stakeholders/${a.id}/merge`, {
      duplicateId: b.id,
      version: 1,
      duplicateVersion: 9,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.id).toBe(b.id);
    const self = await post(`/api/v1/stakeholders/${a.id}/merge`, {
      duplicateId: a.id,
      version: 1,
      duplicateVersion: 1,
    });
    expect(self.statusCode).toBe(422);
    const refused = await agent.request({
      method: 'POST',
      url: `/api/v1/stakeholders/${a.id}/merge`,
      payload: { duplicateId: b.id, version: 1, duplicateVersion: 1 },
    });
    expect(refused.statusCode).toBe(403);
    expect(await h.count('audit_log')).toBe(before);
    expect((await get(`/api/v1/stakeholders/${b.id}`)).archivedAt).toBeNull();
  });
});
