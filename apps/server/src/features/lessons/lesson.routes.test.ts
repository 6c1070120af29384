import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';

const communality = {
  controlTrust: 3,
  exchangeCommunal: 3,
  protectiveDisclosing: 3,
  processExperimental: 3,
  isolationSharing: 3,
};
const titles = (page: { data: { title: string }[] }) => page.data.map((row) => row.title).sort();

describe.each(dialects)('lessons learned and improvement sources on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let contributor: Session;
  let viewer: Session;
  let modelId: string;
  let groupId: string;
  let relationship: { id: string };

  const send = (as: Session, method: 'POST' | 'PATCH', url: string, payload?: object, version?: number) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const get = (as: Session, url: string) => as.request({ method: 'GET', url }).then((r) => r.json());
  const lesson = async (body: object) => {
    const response = await send(agent, 'POST', '/api/v1/lessons', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    contributor = await h.userWith('contributor');
    viewer = await h.userWith('viewer');
    const group = (await send(h.admin, 'POST', '/api/v1/stakeholder-groups', { name: 'Suppliers' })).json();
    groupId = group.id;
    const supplier = await h.admin.createStakeholder({ name: '华为', influence: 4, interest: 2 });
    await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [supplier.id],
    });
    const model = (
      await send(manager, 'POST', '/api/v1/relationship-models', {
        name: 'Supplier model',
        groupIds: [group.id],
        relationshipType: 'cooperative',
        communality,
        steps: [{ key: 'engage', name: 'Engage' }],
        contactEveryDays: 30,
      })
    ).json();
    modelId = model.id;
    await send(manager, 'POST', `/api/v1/relationship-models/${modelId}/propose`, {}, 1);
    await send(manager, 'POST', `/api/v1/relationship-models/${modelId}/agree`, {}, 2);
    const opened = await send(agent, 'POST', '/api/v1/relationships', {
      stakeholderId: supplier.id,
      ourRole: 'consumer',
      modelId,
      startedOn: '2026-01-01',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    relationship = opened.json();
  });
  afterAll(() => h.close());

  it('finds lessons by text in any case, Chinese included, with % and _ taken literally', async () => {
    await lesson({
      title: 'Escalate EARLY',
      body: '与供应商**提前**沟通交付风险。',
      tags: ['Escalation', 'escalation', '交付'],
      modelId,
      groupId,
    });
    await lesson({ title: 'Discount 100% of fees', body: 'Only with the sponsor.', tags: ['pricing'] });
    await lesson({ title: 'Discount 1000 fees', body: 'Never.', tags: [] });
    await lesson({ title: 'snake_case names', body: 'Agree naming up front.' });
    await lesson({ title: 'snakeXcase names', body: '' });

    expect(titles(await get(viewer, '/api/v1/lessons?q=escalate'))).toEqual(['Escalate EARLY']);
    expect(titles(await get(viewer, `/api/v1/lessons?q=${encodeURIComponent('提前')}`))).toEqual([
      'Escalate EARLY',
    ]);
    expect(titles(await get(viewer, `/api/v1/lessons?q=${encodeURIComponent('交付')}`))).toEqual([
      'Escalate EARLY',
    ]);
    expect(titles(await get(viewer, `/api/v1/lessons?q=${encodeURIComponent('100%')}`))).toEqual([
      'Discount 100% of fees',
    ]);
    expect(titles(await get(viewer, '/api/v1/lessons?q=e_c'))).toEqual(['snake_case names']);
    expect(titles(await get(viewer, '/api/v1/lessons?q=SPONSOR'))).toEqual(['Discount 100% of fees']);
    // Tags are kept once whatever their case, and found by any case.
    const byTag = await get(viewer, '/api/v1/lessons?tag=ESCALATION');
    expect(byTag.data.map((l: { tags: string[] }) => l.tags)).toEqual([['Escalation', '交付']]);
    expect(titles(await get(viewer, `/api/v1/lessons?tag=${encodeURIComponent('交付')}`))).toEqual([
      'Escalate EARLY',
    ]);
    expect(titles(await get(viewer, `/api/v1/lessons?modelId=${modelId}`))).toEqual(['Escalate EARLY']);
    expect(titles(await get(viewer, `/api/v1/lessons?groupId=${groupId}&q=nothing`))).toEqual([]);
    const sorted = await get(viewer, '/api/v1/lessons?q=discount&sort=title&limit=1');
    expect(titles(sorted)).toEqual(['Discount 100% of fees']);
    const next = await get(
      viewer,
      `/api/v1/lessons?q=discount&sort=title&limit=1&cursor=${sorted.nextCursor}`,
    );
    expect(titles(next)).toEqual(['Discount 1000 fees']);
    expect(next.nextCursor).toBeNull();
  });

  it("turns a review's lessons learned into a lesson on the relationship's model, and edits it", async () => {
    const review = (
      await send(agent, 'POST', '/api/v1/reviews', {
        subject: 'relationship',
        relationshipId: relationship.id,
        title: 'Half-year review',
        status: 'done',
        heldOn: '2026-06-30',
        findings: 'Deliveries slipped twice.',
        lessonsLearned: 'Agree a delivery buffer in the contract.',
      })
    ).json();
    const taken = await lesson({ title: 'Delivery buffer', sourceReviewId: review.id });
    expect(taken).toMatchObject({
      body: 'Agree a delivery buffer in the contract.',
      relationshipId: relationship.id,
      modelId,
      sourceReviewId: review.id,
      version: 1,
    });
    const changed = await send(
      agent,
      'PATCH',
      `/api/v1/lessons/${taken.id}`,
      { tags: ['交付', 'Contract'] },
      1,
    );
    expect(changed.json()).toMatchObject({ tags: ['交付', 'Contract'], version: 2 });
    expect(titles(await get(viewer, '/api/v1/lessons?q=contract&tag=contract'))).toEqual(['Delivery buffer']);
    const stale = await send(manager, 'PATCH', `/api/v1/lessons/${taken.id}`, { title: 'x' }, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(2);
    expect((await send(manager, 'PATCH', `/api/v1/lessons/${taken.id}`, { title: 'x' })).statusCode).toBe(
      428,
    );
  });

  it('refuses bad lessons whole and keeps them to those who may write them', async () => {
    const before = await h.count('lessons');
    const tagsBefore = await h.count('lesson_tags');
    const bad = await send(agent, 'POST', '/api/v1/lessons', {
      title: '',
      tags: 'one',
      colour: 'red',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['colour', 'tags', 'title']);
    const ghosts = await send(agent, 'POST', '/api/v1/lessons', {
      title: 'Ghosts',
      tags: ['x'],
      groupId: 'ghost',
      modelId: 'ghost',
      relationshipId: 'ghost',
      sourceReviewId: 'ghost',
    });
    expect(ghosts.statusCode).toBe(422);
    expect(ghosts.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'sourceReviewId',
      'groupId',
      'modelId',
      'relationshipId',
    ]);
    for (const as of [contributor, viewer]) {
      expect((await send(as, 'POST', '/api/v1/lessons', { title: 'Mine' })).statusCode).toBe(403);
    }
    expect(await h.count('lessons')).toBe(before);
    expect(await h.count('lesson_tags')).toBe(tagsBefore);
  });

  it('names the source of an improvement: a review, exception or survey that exists, a KPI key, or none', async () => {
    const before = await h.count('improvements');
    const review = (await send(agent, 'POST', '/api/v1/reviews', { title: 'Approach review' })).json();
    const refused = [
      { title: 'a', sourceType: 'exception', sourceId: 'ghost' },
      { title: 'b', sourceType: 'survey', sourceId: 'ghost' },
      { title: 'c', sourceType: 'exception' },
      { title: 'd', sourceType: 'manual', sourceId: review.id },
      { title: 'e', sourceType: 'review', sourceId: 'ghost' },
    ];
    for (const body of refused) {
      const response = await send(agent, 'POST', '/api/v1/improvements', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['sourceId']);
    }
    expect(
      (await send(agent, 'POST', '/api/v1/improvements', { title: 'f', sourceType: 'rumour' })).statusCode,
    ).toBe(400);
    expect(await h.count('improvements')).toBe(before);
    const kpi = await send(agent, 'POST', '/api/v1/improvements', {
      title: 'More reviews on time',
      sourceType: 'kpi',
      sourceId: 'reviews_on_time',
    });
    expect(kpi.statusCode).toBe(201);
    const exception = await send(agent, 'POST', '/api/v1/exceptions', {
      relationshipId: relationship.id,
      title: 'Late delivery complaint',
      type: 'complaint',
      severity: 'moderate',
    });
    expect(exception.statusCode, exception.body).toBe(201);
    const fromException = await send(agent, 'POST', '/api/v1/improvements', {
      title: 'Delivery buffer in contracts',
      sourceType: 'exception',
      sourceId: exception.json().id,
    });
    expect(fromException.statusCode, fromException.body).toBe(201);
    const at = '2026-01-01T00:00:00.000Z';
    await sql`insert into surveys (id, kind, title, sort_name, intro, questions, locale, low_score_threshold,
        expires_after_days, status, created_by, archived_at, version, created_at, updated_at)
      values (${`survey-${dialect}`}, 'satisfaction', 'CSAT', 'csat', '', '[]', null, null, 30, 'sent',
        null, null, 1, ${at}, ${at})`.execute(h.test.database.db);
    const fromSurvey = await send(agent, 'POST', '/api/v1/improvements', {
      title: 'Call back low scores',
      sourceType: 'survey',
      sourceId: `survey-${dialect}`,
    });
    expect(fromSurvey.statusCode, fromSurvey.body).toBe(201);
    const listed = await get(viewer, '/api/v1/improvements?sourceType=exception');
    expect(listed.data.map((i: { id: string }) => i.id)).toEqual([fromException.json().id]);
    expect((await send(contributor, 'POST', '/api/v1/improvements', { title: 'Mine' })).statusCode).toBe(403);
  });
});
