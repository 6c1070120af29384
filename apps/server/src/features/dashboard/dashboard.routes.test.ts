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
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const JANUARY = 'from=2026-01-01&to=2026-01-31';

describe.each(dialects)('GET /api/v1/dashboard on %s', (dialect) => {
  let h: Harness;
  let managerA: Session;
  let managerB: Session;
  let viewer: Session;
  const ids: Record<string, string> = {};

  const send = (as: Session, method: 'POST' | 'PATCH', url: string, payload: object, version?: number) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const dashboard = async (query = '', as: Session = h.admin) => {
    const response = await as.request({ method: 'GET', url: `/api/v1/dashboard?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const db = () => h.test.database.db;

  beforeAll(async () => {
    h = await createHarness(dialect);
    managerA = await h.userWith('relationship_manager');
    managerB = await h.userWith('relationship_manager');
    viewer = await h.userWith('viewer');
    const group = (
      await send(h.admin, 'POST', '/api/v1/stakeholder-groups', { name: 'Key customers' })
    ).json();
    ids.group = group.id;
    const s1 = await h.admin.createStakeholder({
      name: 'Contoso',
      engagementCurrent: 'neutral',
      engagementDesired: 'supportive',
    });
    const s2 = await h.admin.createStakeholder({
      name: 'Fabrikam',
      engagementCurrent: 'supportive',
      engagementDesired: 'supportive',
    });
    const s3 = await h.admin.createStakeholder({ name: 'Northwind' });
    await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [s1.id, s2.id],
    });
    const model = (
      await send(managerA, 'POST', '/api/v1/relationship-models', {
        name: 'Customers',
        groupIds: [group.id],
        relationshipType: 'basic',
        communality,
        steps: ['explore', 'engage', 'agree'].map((key) => ({
          key,
          name: key.toUpperCase(),
          activities: [],
        })),
        contactEveryDays: 30,
      })
    ).json();
    ids.model = model.id;
    await send(managerA, 'POST', `/api/v1/relationship-models/${model.id}/propose`, {}, 1);
    await send(managerA, 'POST', `/api/v1/relationship-models/${model.id}/agree`, {}, 2);
    const open = async (stakeholderId: string, manager: Session, nextReviewOn: string) => {
      const response = await send(h.admin, 'POST', '/api/v1/relationships', {
        stakeholderId,
        ourRole: 'provider',
        modelId: model.id,
        managerId: manager.user.id,
        startedOn: day(-10),
        nextReviewOn,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    const r1 = await open(s1.id, managerA, day(3));
    const r2 = await open(s2.id, managerB, day(-1));
    const r3 = await open(s3.id, managerA, day(300));
    Object.assign(ids, { r1: r1.id, r2: r2.id, r3: r3.id });
    const move = async (id: string, steps: string[]) => {
      const current = (await h.admin.request({ method: 'GET', url: `/api/v1/relationships/${id}` })).json();
      const response = await send(
        h.admin,
        'POST',
        `/api/v1/relationships/${id}/moves`,
        { steps, note: '' },
        current.version,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    await move(r1.id, ['engage']);
    await move(r2.id, ['engage']);
    const r1Now = await move(r1.id, ['agree']);
    // Overrides put R1 in the poor band and R2 in the fair one; R3 keeps its computed score.
    await send(
      h.admin,
      'PATCH',
      `/api/v1/relationships/${r1.id}`,
      { healthOverride: { score: 30, comment: 'tense' } },
      r1Now.version,
    );
    await send(
      h.admin,
      'PATCH',
      `/api/v1/relationships/${r2.id}`,
      { healthOverride: { score: 55, comment: 'unsure' } },
      (await h.admin.request({ method: 'GET', url: `/api/v1/relationships/${r2.id}` })).json().version,
    );
    const raise = async (relationshipId: string, type: string, severity: string) => {
      const response = await send(h.admin, 'POST', '/api/v1/exceptions', {
        relationshipId,
        title: `${type} ${severity}`,
        type,
        severity,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    const conflict = await raise(r1.id, 'conflict', 'minor');
    await raise(r3.id, 'complaint', 'severe');
    const interaction = await send(managerA, 'POST', '/api/v1/interactions', {
      relationshipId: r1.id,
      kind: 'call',
      occurredAt: new Date().toISOString(),
      summary: 'Catch-up',
      followUps: [{ text: 'Send the offer', ownerId: managerA.user.id, dueOn: day(2) }],
    });
    expect(interaction.statusCode, interaction.body).toBe(201);

    // History in January, worked out by hand below: all three opened on 1 January in "explore";
    // R1 left it on the 5th (4 days), R2 on the 11th (10 days); R1 left "engage" on the 15th (10 days).
    const d = db();
    await d.updateTable('relationships').set({ created_at: '2026-01-01T00:00:00.000Z' }).execute();
    const moves = await d.selectFrom('relationship_moves').selectAll().execute();
    const at = (relationshipId: string, to: string) =>
      moves.find((m) => m.relationship_id === relationshipId && m.to_steps === JSON.stringify([to]))
        ?.id as string;
    for (const [id, time] of [
      [at(r1.id, 'engage'), '2026-01-05T00:00:00.000Z'],
      [at(r2.id, 'engage'), '2026-01-11T00:00:00.000Z'],
      [at(r1.id, 'agree'), '2026-01-15T00:00:00.000Z'],
    ] as const) {
      await d.updateTable('relationship_moves').set({ at: time }).where('id', '=', id).execute();
    }
    await d
      .updateTable('exceptions')
      .set({ created_at: '2026-01-20T09:00:00.000Z' })
      .where('id', '=', conflict.id)
      .execute();
    // Contacts: R3 two days overdue, the others without a planned contact.
    await d
      .updateTable('relationships')
      .set({ next_contact_on: null })
      .where('id', 'in', [r1.id, r2.id])
      .execute();
    await d
      .updateTable('relationships')
      .set({ next_contact_on: day(-2) })
      .where('id', '=', r3.id)
      .execute();
  });
  afterAll(() => h.close());

  it('counts health by band with the overrides, and lists the models', async () => {
    const answer = await dashboard(JANUARY);
    expect(answer.period).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    // R3: exceptions 50 (one severe), contact 93 (2 of 30 days late), review 100 → at least 70.
    expect(answer.health).toEqual({
      total: 3,
      bands: [
        { band: 'good', count: 1, overridden: 0 },
        { band: 'fair', count: 1, overridden: 1 },
        { band: 'poor', count: 1, overridden: 1 },
        { band: 'unmeasured', count: 0, overridden: 0 },
      ],
    });
    expect(answer.funnel.models).toEqual([{ id: ids.model, title: 'Customers', active: 3 }]);
    expect(answer.funnel.modelId).toBe(ids.model);
  });

  it('builds the funnel from the positions now and the moves of the period', async () => {
    const { steps } = (await dashboard(JANUARY)).funnel;
    expect(steps).toEqual([
      {
        key: 'explore',
        name: 'EXPLORE',
        now: 1,
        left: 2,
        advanced: 2,
        conversion: 100,
        medianDays: 7,
        averageDays: 7,
      },
      {
        key: 'engage',
        name: 'ENGAGE',
        now: 1,
        left: 1,
        advanced: 1,
        conversion: 100,
        medianDays: 10,
        averageDays: 10,
      },
      {
        key: 'agree',
        name: 'AGREE',
        now: 1,
        left: 0,
        advanced: 0,
        conversion: null,
        medianDays: null,
        averageDays: null,
      },
    ]);
    // A period before the moves sees none of them; the counts now stay.
    const before = (await dashboard('from=2025-12-01&to=2025-12-31')).funnel.steps;
    expect(before.map((s: { now: number; left: number }) => [s.now, s.left])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
  });

  it('shows the engagement gap, exceptions and what is due this week', async () => {
    const answer = await dashboard(JANUARY);
    expect(answer.engagement).toEqual({
      levels: [
        { level: 'unaware', current: 0, desired: 0 },
        { level: 'resistant', current: 0, desired: 0 },
        { level: 'neutral', current: 1, desired: 0 },
        { level: 'supportive', current: 1, desired: 2 },
        { level: 'leading', current: 0, desired: 0 },
      ],
      below: 1,
      met: 1,
      above: 0,
      unassessed: 1,
    });
    expect(answer.exceptions).toEqual({
      open: expect.arrayContaining([
        { type: 'conflict', severity: 'minor', count: 1 },
        { type: 'complaint', severity: 'severe', count: 1 },
      ]),
      raised: [{ type: 'conflict', severity: 'minor', count: 1 }],
      openTotal: 2,
      raisedTotal: 1,
    });
    expect(answer.due.today).toBe(day(0));
    expect(answer.due.until).toBe(day(7));
    expect(answer.due.reviews).toEqual({
      due: 1,
      overdue: 1,
      items: [
        { id: ids.r2, relationshipId: ids.r2, name: 'Fabrikam', dueOn: day(-1), overdue: true },
        { id: ids.r1, relationshipId: ids.r1, name: 'Contoso', dueOn: day(3), overdue: false },
      ],
    });
    expect(answer.due.contacts).toEqual({
      due: 0,
      overdue: 1,
      items: [{ id: ids.r3, relationshipId: ids.r3, name: 'Northwind', dueOn: day(-2), overdue: true }],
    });
    expect(answer.due.followUps.due).toBe(1);
    expect(answer.due.followUps.overdue).toBe(0);
    expect(answer.due.followUps.items[0]).toMatchObject({
      relationshipId: ids.r1,
      name: 'Contoso',
      dueOn: day(2),
    });
  });

  it('narrows every figure to a manager, a group or an org unit', async () => {
    const mine = await dashboard(`${JANUARY}&managerId=${managerA.user.id}`);
    expect(mine.health.total).toBe(2);
    expect(mine.health.bands.map((b: { count: number }) => b.count)).toEqual([1, 0, 1, 0]);
    expect(
      mine.funnel.steps.map((s: { now: number; left: number; medianDays: number | null }) => [
        s.now,
        s.left,
        s.medianDays,
      ]),
    ).toEqual([
      [1, 1, 4],
      [0, 1, 10],
      [1, 0, null],
    ]);
    expect([mine.engagement.below, mine.engagement.met, mine.engagement.unassessed]).toEqual([1, 0, 1]);
    expect(mine.exceptions.openTotal).toBe(2);
    expect([mine.due.reviews.due, mine.due.reviews.overdue]).toEqual([1, 0]);

    const group = await dashboard(`${JANUARY}&groupId=${ids.group}`);
    expect(group.health.total).toBe(2);
    expect([group.engagement.below, group.engagement.met, group.engagement.unassessed]).toEqual([1, 1, 0]);
    expect(group.exceptions.open).toEqual([{ type: 'conflict', severity: 'minor', count: 1 }]);
    expect(group.due.contacts.overdue).toBe(0);

    const nobody = await dashboard(`managerId=${viewer.user.id}`);
    expect(nobody.health.total).toBe(0);
    expect(nobody.funnel).toEqual({ models: [], modelId: null, steps: [] });
    expect(nobody.exceptions.openTotal).toBe(0);

    const unit = (await send(h.admin, 'POST', '/api/v1/org-units', { name: 'Sales' })).json();
    const inUnit = await dashboard(`orgUnitId=${unit.id}`);
    expect(inUnit.health.total).toBe(0);
    expect(inUnit.engagement.unassessed).toBe(0);
  });

  it('is read by every role with kpis.read and refuses bad filters with field errors', async () => {
    expect((await dashboard(JANUARY, viewer)).health.total).toBe(3);
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/dashboard' });
    expect(anonymous.statusCode).toBe(401);
    const bad = await viewer.request({ method: 'GET', url: '/api/v1/dashboard?from=2026-13-01&colour=red' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['from']));
    const reversed = await viewer.request({
      method: 'GET',
      url: '/api/v1/dashboard?from=2026-02-01&to=2026-01-01',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors).toEqual([{ path: 'from', message: 'the period starts after it ends' }]);
    const unknown = await viewer.request({ method: 'GET', url: '/api/v1/dashboard?modelId=nope' });
    expect(unknown.statusCode).toBe(404);
  });

  it('never serves a cached answer after a change', async () => {
    const first = await dashboard(JANUARY);
    expect((await dashboard(JANUARY)).funnel.steps[0].now).toBe(first.funnel.steps[0].now);
    const r3 = (await h.admin.request({ method: 'GET', url: `/api/v1/relationships/${ids.r3}` })).json();
    const moved = await send(
      h.admin,
      'POST',
      `/api/v1/relationships/${ids.r3}/moves`,
      { steps: ['engage'], note: '' },
      r3.version,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await dashboard(JANUARY);
    expect(after.funnel.steps.map((s: { now: number }) => s.now)).toEqual([0, 2, 1]);
    // An override changes health at once too.
    await send(
      h.admin,
      'PATCH',
      `/api/v1/relationships/${ids.r3}`,
      { healthOverride: { score: 10, comment: 'lost' } },
      moved.json().version,
    );
    const overridden = await dashboard(JANUARY);
    expect(overridden.health.bands.map((b: { count: number }) => b.count)).toEqual([0, 1, 2, 0]);
  });
});
