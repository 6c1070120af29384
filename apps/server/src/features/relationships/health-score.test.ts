import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { healthBands } from '../dashboard/dashboard.repository.js';
import { runDueJobs } from '../jobs/jobs.js';
import { RESCORE_TASK, rescoreHealth, startHealthFill, unscoredCount } from './health.jobs.js';

const communality = {
  controlTrust: 3,
  exchangeCommunal: 3,
  protectiveDisclosing: 3,
  processExperimental: 3,
  isolationSharing: 3,
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const today = () => day(0);

// Default weights: sentiment 30, exceptions 20, contact 20, review 10, satisfaction 20; unmeasured ones drop out.
describe.each(dialects)('the stored health score on %s', (dialect) => {
  let h: Harness;
  let modelId: string;
  let stakeholderId: string;
  let other: string;
  let id: string;
  const db = () => h.test.database.db;

  const send = async (
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload: object,
    version?: number,
  ) => {
    const response = await h.admin.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const get = async (relationshipId: string) =>
    (await h.admin.request({ method: 'GET', url: `/api/v1/relationships/${relationshipId}` })).json();
  const stored = async (relationshipId: string) =>
    db()
      .selectFrom('relationships')
      .select(['health_score', 'health_scored_on'])
      .where('id', '=', relationshipId)
      .executeTakeFirstOrThrow();
  /** The stored score, checked against the score the relationship's page works out now. */
  const expectStored = async (relationshipId: string, score: number | null) => {
    expect((await get(relationshipId)).health.score).toBe(score);
    expect(await stored(relationshipId)).toEqual({ health_score: score, health_scored_on: today() });
  };
  const open = async (stakeholder: string) =>
    send('POST', '/api/v1/relationships', {
      stakeholderId: stakeholder,
      ourRole: 'provider',
      modelId,
      startedOn: day(-10),
      nextReviewOn: null,
    });

  beforeAll(async () => {
    h = await createHarness(dialect);
    const group = await send('POST', '/api/v1/stakeholder-groups', { name: 'Key customers' });
    const model = await send('POST', '/api/v1/relationship-models', {
      name: 'Customers',
      groupIds: [group.id],
      relationshipType: 'basic',
      communality,
      steps: [{ key: 'explore', name: 'Explore', activities: [] }],
      contactEveryDays: 30,
    });
    modelId = model.id;
    await send('POST', `/api/v1/relationship-models/${modelId}/propose`, {}, 1);
    await send('POST', `/api/v1/relationship-models/${modelId}/agree`, {}, 2);
    stakeholderId = (await h.admin.createStakeholder({ name: 'Contoso' })).id;
    other = (await h.admin.createStakeholder({ name: 'Fabrikam' })).id;
  });
  afterAll(() => h.close());

  it('is stored when a relationship is opened', async () => {
    id = (await open(stakeholderId)).id;
    // Exceptions (none: 100) and contact (due in 20 days: 100) are measured.
    await expectStored(id, 100);
  });

  it('follows an interaction and an exception', async () => {
    await send('POST', '/api/v1/interactions', {
      relationshipId: id,
      kind: 'call',
      occurredAt: new Date().toISOString(),
      summary: 'Difficult call',
      sentiment: -2,
    });
    // Sentiment −2 scores 0: (0×30 + 100×20 + 100×20) / 70 = 57.1.
    await expectStored(id, 57);
    await send('POST', '/api/v1/exceptions', {
      relationshipId: id,
      title: 'Late delivery',
      type: 'complaint',
      severity: 'moderate',
    });
    // One moderate exception takes 25 off: (0 + 75×20 + 100×20) / 70 = 50.
    await expectStored(id, 50);
  });

  it('follows an override set and cleared, and an edit of the review date', async () => {
    let current = await get(id);
    await send(
      'PATCH',
      `/api/v1/relationships/${id}`,
      { healthOverride: { score: 15, comment: 'lost' } },
      current.version,
    );
    await expectStored(id, 15);
    current = await get(id);
    await send('PATCH', `/api/v1/relationships/${id}`, { healthOverride: null }, current.version);
    await expectStored(id, 50);
    current = await get(id);
    await send('PATCH', `/api/v1/relationships/${id}`, { nextReviewOn: day(-9) }, current.version);
    // Review 9 days overdue of 90 scores 90: (0 + 75×20 + 100×20 + 90×10) / 80 = 55.
    await expectStored(id, 55);
  });

  it('follows a tailored journey (its weights)', async () => {
    const current = await get(id);
    const healthWeights = { sentiment: 0, exceptions: 50, contact: 20, review: 10, satisfaction: 20 };
    await send(
      'PATCH',
      `/api/v1/relationships/${id}`,
      { journey: { ...current.journey, healthWeights } },
      current.version,
    );
    // Sentiment weighs nothing now: (75×50 + 100×20 + 90×10) / 80 = 83.1.
    await expectStored(id, 83);
    // Back to the model's weights for the tests below.
    const tailored = await get(id);
    await send(
      'PATCH',
      `/api/v1/relationships/${id}`,
      { journey: { ...tailored.journey, healthWeights: current.journey.healthWeights } },
      tailored.version,
    );
    await expectStored(id, 55);
  });

  it('is rescored daily, so a contact that became overdue moves the relationship to another band', async () => {
    // As if the last scoring was yesterday and the next contact has come due 30 days ago since (a whole interval).
    await db()
      .updateTable('relationships')
      .set({ next_contact_on: day(-30), health_scored_on: day(-1) })
      .where('id', '=', id)
      .execute();
    const before = await healthBands(db(), {}, today());
    expect(before.counts.get('fair')).toEqual({ count: 1, overridden: 0 });
    expect(await unscoredCount(db(), today())).toBe(1);

    // The daily task, run by the jobs runner once for the day across instances.
    const options = {
      db: db(),
      registeredPeriodic: false,
      periodic: [{ name: RESCORE_TASK, every: 'day' as const }],
    };
    await runDueJobs(options);
    await runDueJobs(options);
    const runs = await db().selectFrom('jobs').select('status').where('kind', '=', RESCORE_TASK).execute();
    expect(runs).toEqual([{ status: 'done' }]);

    // Contact scores 0: (0 + 75×20 + 0×20 + 90×10) / 80 = 30.
    await expectStored(id, 30);
    expect(await unscoredCount(db(), today())).toBe(0);
    const after = await healthBands(db(), {}, today());
    expect(after.total).toBe(1);
    expect(after.counts.get('poor')).toEqual({ count: 1, overridden: 0 });
    expect(after.counts.get('fair')).toBeUndefined();
    // The pass moved the audit log, so answers kept until it moves (the dashboard's) are built again.
    const audited = await db()
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'after'])
      .where('entity', '=', 'health_scores')
      .execute();
    expect(audited).toEqual([
      { entity: 'health_scores', entity_id: today(), after: expect.stringContaining('"rescored":1') },
    ]);
  });

  it('leaves a score a change wrote today as it is, and passes ended and archived relationships by', async () => {
    // A row scored today is not the rescoring's to change (here a value no scoring would give, to see it kept).
    await db().updateTable('relationships').set({ health_score: 77 }).where('id', '=', id).execute();
    expect(await rescoreHealth(db(), today())).toBe(0);
    expect((await stored(id)).health_score).toBe(77);
    await db().updateTable('relationships').set({ health_score: 30 }).where('id', '=', id).execute();

    const second = (await open(other)).id;
    const archived = await get(second);
    await send('DELETE', `/api/v1/relationships/${second}`, {}, archived.version);
    await db()
      .updateTable('relationships')
      .set({ health_scored_on: null })
      .where('id', '=', second)
      .execute();
    expect(await rescoreHealth(db(), today())).toBe(0);
    expect((await stored(second)).health_scored_on).toBeNull();
    // Restoring scores it again at once.
    const restored = await get(second);
    await send('POST', `/api/v1/relationships/${second}/restore`, {}, restored.version);
    await expectStored(second, 100);
    const bands = await healthBands(db(), {}, today());
    expect(bands.total).toBe(2);
    expect(bands.counts.get('good')).toEqual({ count: 1, overridden: 0 });
  });

  it('fills relationships never scored (an upgraded database), and the dashboard scores the few left', async () => {
    await db().updateTable('relationships').set({ health_score: null, health_scored_on: null }).execute();
    // Not scored yet: worked out on the spot, as the page would.
    const onTheSpot = await healthBands(db(), {}, today());
    expect(onTheSpot.total).toBe(2);
    expect(onTheSpot.counts.get('poor')).toEqual({ count: 1, overridden: 0 });
    expect(onTheSpot.counts.get('good')).toEqual({ count: 1, overridden: 0 });
    // More than are scored on the spot: counted as unmeasured until the fill reaches them.
    const tooMany = await healthBands(db(), {}, today(), 1);
    expect(tooMany.total).toBe(2);
    expect([...tooMany.counts]).toEqual([['unmeasured', { count: 2, overridden: 0 }]]);

    expect(await rescoreHealth(db(), today(), { missingOnly: true, chunk: 1 })).toBe(2);
    await expectStored(id, 30);
    await expectStored(await otherId(), 100);
    expect(await rescoreHealth(db(), today(), { missingOnly: true })).toBe(0);
  });

  it('fills them in the background when the server starts, and stops between chunks when it stops', async () => {
    await db().updateTable('relationships').set({ health_score: null, health_scored_on: null }).execute();
    const errors: unknown[] = [];
    const fill = startHealthFill(db(), (error) => errors.push(error));
    expect(await fill.done).toBe(2);
    await expectStored(id, 30);
    expect(errors).toEqual([]);

    await db().updateTable('relationships').set({ health_score: null, health_scored_on: null }).execute();
    const stopped = startHealthFill(db(), (error) => errors.push(error), { chunk: 1 });
    await stopped.stop();
    // Stopped while its first chunk ran: that chunk is kept, the next is left for the next start.
    expect(await stopped.done).toBe(1);
    expect(await unscoredCount(db(), today())).toBe(1);
    expect(errors).toEqual([]);
  });

  const otherId = async () =>
    (
      await db()
        .selectFrom('relationships')
        .select('id')
        .where('stakeholder_id', '=', other)
        .executeTakeFirstOrThrow()
    ).id;
});
