import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe.each(dialects)('map, salience and engagement on %s', (dialect) => {
  let h: Harness;
  const get = async (url: string) => {
    const response = await h.admin.request({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const asObjects = (map: { fields: string[]; rows: unknown[][] }) =>
    map.rows.map((row) => Object.fromEntries(map.fields.map((field, i) => [field, row[i]])));

  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('gives every matching position with its target, compactly, and filters like the list', async () => {
    const bank = await h.admin.createStakeholder({
      name: 'Map bank',
      category: 'customer',
      influence: 5,
      interest: 4,
      targetInfluence: 5,
      targetInterest: 5,
    });
    await h.admin.createStakeholder({ name: 'Map press', category: 'media', influence: 2, interest: 1 });
    const map = await get('/api/v1/stakeholders/map?q=map');
    expect(map.fields).toEqual([
      'id',
      'name',
      'influence',
      'interest',
      'targetInfluence',
      'targetInterest',
      'category',
      'quadrant',
    ]);
    expect(map.total).toBe(2);
    expect(asObjects(map)).toContainEqual({
      id: bank.id,
      name: 'Map bank',
      influence: 5,
      interest: 4,
      targetInfluence: 5,
      targetInterest: 5,
      category: 'customer',
      quadrant: 'manage_closely',
    });
    expect((await get('/api/v1/stakeholders/map?q=map&category=media')).total).toBe(1);
  });

  it('shows the map as it was on a past date, from the assessment history', async () => {
    const s = await h.admin.createStakeholder({ name: 'History ltd', influence: 1, interest: 1 });
    await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/stakeholders/${s.id}`,
      headers: { 'if-match': '"1"' },
      payload: { influence: 5, interest: 5 },
    });
    // Move the two assessments into the past: the first to 2026-01-10, the re-assessment to 2026-03-01.
    const history = await h.test.database.db
      .selectFrom('stakeholder_assessments')
      .select(['id', 'before'])
      .where('stakeholder_id', '=', s.id)
      .execute();
    for (const row of history) {
      const at = row.before === null ? '2026-01-10T12:00:00.000Z' : '2026-03-01T12:00:00.000Z';
      await h.test.database.db
        .updateTable('stakeholder_assessments')
        .set({ at })
        .where('id', '=', row.id)
        .execute();
    }
    const position = async (asOf: string) =>
      asObjects(await get(`/api/v1/stakeholders/map?q=history&asOf=${asOf}`)).map((p) => [
        p.influence,
        p.interest,
        p.quadrant,
      ]);
    expect(await position('2026-01-09')).toEqual([]);
    expect(await position('2026-01-10')).toEqual([[1, 1, 'monitor']]);
    expect(await position('2026-02-28')).toEqual([[1, 1, 'monitor']]);
    expect(await position('2026-03-01')).toEqual([[5, 5, 'manage_closely']]);
    expect(
      (await get('/api/v1/stakeholders/map?q=history&asOf=2026-02-01&quadrant=manage_closely')).total,
    ).toBe(0);

    await h.admin.request({
      method: 'DELETE',
      url: `/api/v1/stakeholders/${s.id}`,
      headers: { 'if-match': '"2"' },
    });
    expect(await position('2026-03-01')).toEqual([[5, 5, 'manage_closely']]);
    expect((await get('/api/v1/stakeholders/map?q=history')).total).toBe(0);
  });

  it('answers 304 to a map the client has, and a new map once anything on it changes', async () => {
    const s = await h.admin.createStakeholder({ name: 'Etag ltd', influence: 2, interest: 2 });
    const first = await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders/map?q=etag' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await h.admin.request({
      method: 'GET',
      url: '/api/v1/stakeholders/map?q=etag',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/stakeholders/${s.id}`,
      headers: { 'if-match': '"1"' },
      payload: { influence: 4 },
    });
    const changed = await h.admin.request({
      method: 'GET',
      url: '/api/v1/stakeholders/map?q=etag',
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json().rows[0][2]).toBe(4);
    // Adding the stakeholder to a group changes what a group filter shows.
    const group = (
      await h.admin.request({
        method: 'POST',
        url: '/api/v1/stakeholder-groups',
        payload: { name: 'Etag group' },
      })
    ).json();
    const groupMap = `/api/v1/stakeholders/map?groupId=${group.id}`;
    expect((await h.admin.request({ method: 'GET', url: groupMap })).json().total).toBe(0);
    await h.admin.request({
      method: 'POST',
      url: `/api/v1/stakeholder-groups/${group.id}/members`,
      payload: { stakeholderIds: [s.id] },
    });
    expect((await h.admin.request({ method: 'GET', url: groupMap })).json().total).toBe(1);
    // A past date's map names its content too: the same content, the same tag.
    const pastUrl = '/api/v1/stakeholders/map?q=etag&asOf=2020-01-01';
    const past = await h.admin.request({ method: 'GET', url: pastUrl });
    const pastAgain = await h.admin.request({
      method: 'GET',
      url: pastUrl,
      headers: { 'if-none-match': past.headers.etag as string },
    });
    expect(pastAgain.statusCode).toBe(304);
    await h.admin.request({
      method: 'DELETE',
      url: `/api/v1/stakeholders/${s.id}`,
      headers: { 'if-match': '"2"' },
    });
    expect(
      (await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders/map?q=etag' })).json().total,
    ).toBe(0);
  });

  it('rejects a date that is not YYYY-MM-DD', async () => {
    const response = await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders/map?asOf=yesterday' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('asOf');
  });

  it('counts stakeholders per salience class, all eight classes listed', async () => {
    await h.admin.createStakeholder({
      name: 'Sal definitive',
      power: true,
      legitimacy: true,
      urgency: true,
      tags: ['sal'],
    });
    await h.admin.createStakeholder({ name: 'Sal dormant', power: true, tags: ['sal'] });
    await h.admin.createStakeholder({ name: 'Sal dormant 2', power: true, tags: ['sal'] });
    const summary = await get('/api/v1/stakeholders/salience?tag=sal');
    expect(summary.classes).toHaveLength(8);
    expect(summary.classes).toContainEqual({ salience: 'dormant', count: 2 });
    expect(summary.classes).toContainEqual({ salience: 'definitive', count: 1 });
    expect(summary.classes).toContainEqual({ salience: 'dangerous', count: 0 });
  });

  it('counts the engagement matrix and sorts stakeholders by their gap', async () => {
    const wide = await h.admin.createStakeholder({
      name: 'Eng wide',
      engagementCurrent: 'resistant',
      engagementDesired: 'leading',
      tags: ['eng'],
    });
    await h.admin.createStakeholder({
      name: 'Eng none',
      engagementCurrent: 'neutral',
      engagementDesired: 'neutral',
      tags: ['eng'],
    });
    await h.admin.createStakeholder({ name: 'Eng unset', tags: ['eng'] });
    expect(wide.engagementGap).toBe(3);
    const matrix = await get('/api/v1/stakeholders/engagement?tag=eng');
    expect(matrix.unassessed).toBe(1);
    expect(matrix.cells).toContainEqual({ current: 'resistant', desired: 'leading', count: 1 });
    const byGap = await get('/api/v1/stakeholders?tag=eng&sort=-engagementGap');
    expect(byGap.data.map((s: { name: string }) => s.name)).toEqual(['Eng wide', 'Eng none']);
  });
});
