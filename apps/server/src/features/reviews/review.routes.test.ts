import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe.each(dialects)('approach reviews and improvements on %s', (dialect) => {
  let h: Harness;
  const post = (url: string, payload: object) => h.admin.request({ method: 'POST', url, payload });
  const patch = (url: string, version: number, payload: object) =>
    h.admin.request({ method: 'PATCH', url, payload, headers: { 'if-match': `"${version}"` } });
  const get = (url: string) => h.admin.request({ method: 'GET', url }).then((r) => r.json());

  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('plans a review, completes it with its findings and opens improvement initiatives from it', async () => {
    const planned = await post('/api/v1/reviews', {
      title: 'Yearly approach review 2026',
      scheduledOn: '2026-01-15',
      participants: ['Ada Admin', 'Board'],
    });
    expect(planned.statusCode).toBe(201);
    const review = planned.json();
    expect(review).toMatchObject({
      subject: 'approach',
      trigger: 'periodic',
      status: 'planned',
      effective: null,
    });
    expect((await get('/api/v1/reviews?due=true')).data.map((r: { id: string }) => r.id)).toContain(
      review.id,
    );

    const incomplete = await patch(`/api/v1/reviews/${review.id}`, 1, { status: 'done' });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toEqual(['heldOn', 'findings']);
    const future = await patch(`/api/v1/reviews/${review.id}`, 1, { heldOn: '2999-01-01' });
    expect(future.json().errors).toEqual([{ path: 'heldOn', message: expect.any(String) }]);

    const done = await patch(`/api/v1/reviews/${review.id}`, 1, {
      status: 'done',
      heldOn: '2026-01-16',
      findings: 'Two key groups have no model.',
      decisions: 'Draft models for suppliers and regulators.',
      effective: false,
      satisfaction: 3,
      communicatedTo: ['Leadership team'],
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', effective: false, satisfaction: 3, version: 2 });
    expect((await get('/api/v1/reviews?due=true')).data.map((r: { id: string }) => r.id)).not.toContain(
      review.id,
    );

    const initiative = await post('/api/v1/improvements', {
      title: 'Model for suppliers',
      sourceType: 'review',
      sourceId: review.id,
      ownerId: h.admin.user.id,
      dueOn: '2026-03-31',
      expectedBenefit: 'Supplier relationships follow one approach',
    });
    expect(initiative.statusCode).toBe(201);
    expect(initiative.json()).toMatchObject({ status: 'proposed', sourceId: review.id });
    const fromReview = await get(`/api/v1/improvements?sourceType=review&sourceId=${review.id}`);
    expect(fromReview.data.map((i: { id: string }) => i.id)).toEqual([initiative.json().id]);
    const moved = await patch(`/api/v1/improvements/${initiative.json().id}`, 1, { status: 'in_progress' });
    expect(moved.json()).toMatchObject({ status: 'in_progress', version: 2 });
  });

  it('rejects improvements with a wrong source or owner, and reviews with bad fields', async () => {
    const before = await h.count('improvements');
    const ghost = await post('/api/v1/improvements', {
      title: 'Ghost',
      sourceType: 'review',
      sourceId: 'ghost',
      ownerId: 'nobody',
    });
    expect(ghost.statusCode).toBe(422);
    expect(ghost.json().errors.map((e: { path: string }) => e.path)).toEqual(['sourceId', 'ownerId']);
    const manual = await post('/api/v1/improvements', { title: 'Manual', sourceId: 'x' });
    expect(manual.json().errors).toEqual([{ path: 'sourceId', message: expect.any(String) }]);
    const bad = await post('/api/v1/improvements', { title: '', status: 'maybe', sourceType: 'rumour' });
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['sourceType', 'status', 'title']);
    expect(await h.count('improvements')).toBe(before);

    const review = await post('/api/v1/reviews', {
      title: 'x'.repeat(201),
      trigger: 'whim',
      satisfaction: 9,
      participants: Array.from({ length: 101 }, (_, i) => `P${i}`),
    });
    expect(review.statusCode).toBe(400);
    expect(
      review
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['participants', 'satisfaction', 'title', 'trigger']);
  });

  it('orders reviews by date with undated ones last, and keeps viewers to reading', async () => {
    const tag = `order-${dialect}`;
    const dated = (await post('/api/v1/reviews', { title: `${tag} a`, scheduledOn: '2026-05-01' })).json();
    const undated = (await post('/api/v1/reviews', { title: `${tag} b` })).json();
    const earlier = (await post('/api/v1/reviews', { title: `${tag} c`, scheduledOn: '2026-02-01' })).json();
    const page = await get(`/api/v1/reviews?q=${tag}&sort=scheduledOn&limit=2`);
    expect(page.data.map((r: { id: string }) => r.id)).toEqual([earlier.id, dated.id]);
    const rest = await get(`/api/v1/reviews?q=${tag}&sort=scheduledOn&limit=2&cursor=${page.nextCursor}`);
    expect(rest.data.map((r: { id: string }) => r.id)).toEqual([undated.id]);
    expect(rest.nextCursor).toBeNull();

    const viewer = await h.userWith('viewer');
    expect((await viewer.request({ method: 'GET', url: `/api/v1/reviews/${dated.id}` })).statusCode).toBe(
      200,
    );
    const denied = await viewer.request({
      method: 'POST',
      url: '/api/v1/reviews',
      payload: { title: 'Mine' },
    });
    expect(denied.statusCode).toBe(403);
  });
});
