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
const ids = (page: { data: { id: string }[] }) => page.data.map((row) => row.id);
const pathsOf = (body: { errors: { path: string }[] }) => body.errors.map((error) => error.path).sort();

describe.each(dialects)('relationship reviews on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let otherAgent: Session;
  let contributor: Session;
  let viewer: Session;
  let customer: { id: string };
  let modelId: string;

  const send = (
    as: Session,
    method: 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
    version?: number,
  ) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const get = (as: Session, url: string) => as.request({ method: 'GET', url }).then((r) => r.json());
  const openRelationship = async (body: object = {}) => {
    const response = await send(h.admin, 'POST', '/api/v1/relationships', {
      stakeholderId: customer.id,
      ourRole: 'provider',
      modelId,
      managerId: manager.user.id,
      agentId: agent.user.id,
      startedOn: '2026-01-01',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const planReview = async (relationshipId: string, body: object = {}) => {
    const response = await send(agent, 'POST', '/api/v1/reviews', {
      subject: 'relationship',
      relationshipId,
      title: 'Quarterly review',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    otherAgent = await h.userWith('relationship_agent');
    contributor = await h.userWith('contributor');
    viewer = await h.userWith('viewer');
    const group = (await send(h.admin, 'POST', '/api/v1/stakeholder-groups', { name: 'Customers' })).json();
    customer = await h.admin.createStakeholder({ name: 'Contoso', influence: 4, interest: 4 });
    await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [customer.id],
    });
    const model = (
      await send(manager, 'POST', '/api/v1/relationship-models', {
        name: 'Reviewed',
        groupIds: [group.id],
        relationshipType: 'cooperative',
        communality,
        steps: [
          {
            key: 'engage',
            name: 'Engage',
            activities: [
              { key: 'kickoff', text: 'Hold a kick-off' },
              { key: 'contacts', text: 'Agree contacts' },
            ],
          },
          { key: 'realise', name: 'Realise', activities: [{ key: 'report', text: 'Report value' }] },
        ],
        contactEveryDays: 30,
        reviewEveryDays: 90,
      })
    ).json();
    modelId = model.id;
    await send(manager, 'POST', `/api/v1/relationship-models/${modelId}/propose`, {}, 1);
    await send(manager, 'POST', `/api/v1/relationship-models/${modelId}/agree`, {}, 2);
  });
  afterAll(() => h.close());

  it('needs the relationship for a relationship review, refuses it for the approach, and orders the period', async () => {
    const r = await openRelationship();
    const before = await h.count('reviews');
    const missing = await send(agent, 'POST', '/api/v1/reviews', { subject: 'relationship', title: 'x' });
    expect(missing.statusCode).toBe(422);
    expect(pathsOf(missing.json())).toEqual(['relationshipId']);
    const ghost = await send(agent, 'POST', '/api/v1/reviews', {
      subject: 'relationship',
      relationshipId: 'ghost',
      title: 'x',
    });
    expect(ghost.json().errors).toEqual([
      { path: 'relationshipId', message: 'no active relationship with this id' },
    ]);
    const approach = await send(agent, 'POST', '/api/v1/reviews', {
      title: 'Approach',
      relationshipId: r.id,
    });
    expect(approach.statusCode).toBe(422);
    expect(pathsOf(approach.json())).toEqual(['relationshipId']);
    const backwards = await send(agent, 'POST', '/api/v1/reviews', {
      subject: 'relationship',
      relationshipId: r.id,
      title: 'x',
      periodFrom: '2026-03-01',
      periodTo: '2026-02-01',
      status: 'done',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.headers['content-type']).toContain('application/problem+json');
    // Every field error at once.
    expect(pathsOf(backwards.json())).toEqual(['findings', 'heldOn', 'periodTo']);
    const badDate = await send(agent, 'POST', '/api/v1/reviews', {
      subject: 'relationship',
      relationshipId: r.id,
      title: 'x',
      periodFrom: '2026-02-30',
      subjectX: 1,
    });
    expect(badDate.statusCode).toBe(400);
    expect(pathsOf(badDate.json())).toEqual(['periodFrom', 'subjectX']);
    const noException = await send(agent, 'POST', '/api/v1/reviews', {
      subject: 'relationship',
      relationshipId: r.id,
      title: 'x',
      triggerExceptionId: 'ghost',
    });
    expect(noException.json().errors).toEqual([
      { path: 'triggerExceptionId', message: 'only a review triggered by an exception names one' },
    ]);
    expect(await h.count('reviews')).toBe(before);

    // The period defaults from the start of the relationship to the planned date.
    const review = await planReview(r.id, { scheduledOn: '2026-03-31' });
    expect(review).toMatchObject({
      subject: 'relationship',
      relationshipId: r.id,
      relationshipName: 'Contoso',
      periodFrom: '2026-01-01',
      periodTo: '2026-03-31',
      status: 'planned',
    });
    const turned = await send(agent, 'PATCH', `/api/v1/reviews/${review.id}`, { periodTo: '2025-12-31' }, 1);
    expect(turned.statusCode).toBe(422);
    expect(turned.json().errors).toEqual([
      { path: 'periodTo', message: 'the period ends on or after the day it starts' },
    ]);
    expect((await get(agent, `/api/v1/reviews/${review.id}`)).version).toBe(1);
  });

  it('lists reviews due, relationships without a planned review, and moves the next review on when one is held', async () => {
    const r = await openRelationship({ nextReviewOn: '2026-02-01' });
    const due = await get(manager, '/api/v1/reviews/due?limit=200');
    expect(due.data.find((row: { relationshipId: string }) => row.relationshipId === r.id)).toEqual({
      relationshipId: r.id,
      name: 'Contoso',
      stakeholderName: 'Contoso',
      managerId: manager.user.id,
      nextReviewOn: '2026-02-01',
      overdue: true,
    });
    const byManager = await get(manager, `/api/v1/reviews/due?managerId=${agent.user.id}`);
    expect(byManager.data).toEqual([]);

    const review = await planReview(r.id, { scheduledOn: '2026-02-01' });
    const stillDue = await get(manager, '/api/v1/reviews/due?limit=200');
    expect(stillDue.data.map((row: { relationshipId: string }) => row.relationshipId)).not.toContain(r.id);
    const planned = await get(
      manager,
      `/api/v1/reviews?subject=relationship&due=true&relationshipId=${r.id}`,
    );
    expect(ids(planned)).toEqual([review.id]);

    const held = await send(
      agent,
      'PATCH',
      `/api/v1/reviews/${review.id}`,
      {
        status: 'done',
        heldOn: '2026-03-31',
        findings: 'Contact is regular; value reports are late.',
        participants: ['Contoso CIO', 'Account team'],
        satisfaction: 4,
        effective: true,
        communicatedTo: ['Contoso CIO'],
      },
      1,
    );
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'done', version: 2 });
    // Ninety days after the review held; derived, so the relationship's version did not move.
    const relationship = await get(manager, `/api/v1/relationships/${r.id}`);
    expect(relationship).toMatchObject({ nextReviewOn: '2026-06-29', version: r.version });
    const history = await get(manager, `/api/v1/relationships/${r.id}/health-history`);
    expect(history.data.length).toBe(1);
    expect(
      ids(await get(manager, `/api/v1/reviews?subject=relationship&due=true&relationshipId=${r.id}`)),
    ).toEqual([]);
    // 2026-06-29 has passed and no review is planned: it is due again.
    const again = await get(manager, '/api/v1/reviews/due?limit=200');
    expect(again.data.find((row: { relationshipId: string }) => row.relationshipId === r.id)).toMatchObject({
      nextReviewOn: '2026-06-29',
      overdue: true,
    });
    // A later review, recorded as held straight away, moves it on again.
    await planReview(r.id, {
      status: 'done',
      heldOn: '2026-07-15',
      findings: 'Caught up on the value reports.',
    });
    expect((await get(manager, `/api/v1/relationships/${r.id}`)).nextReviewOn).toBe('2026-10-13');
    // The next review's period defaults to begin on the day of the last one held.
    expect(await planReview(r.id, { scheduledOn: '2026-11-01' })).toMatchObject({
      periodFrom: '2026-07-15',
      periodTo: '2026-11-01',
    });
  });

  it('plans a review when a relationship ends, in the same transaction', async () => {
    const r = await openRelationship();
    const audits = await h.count('audit_log');
    const ended = await send(manager, 'POST', `/api/v1/relationships/${r.id}/end`, {
      endReason: 'completed',
      endedOn: '2026-06-30',
      version: r.version,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const reviews = await get(manager, `/api/v1/reviews?relationshipId=${r.id}`);
    expect(reviews.data).toEqual([
      expect.objectContaining({
        subject: 'relationship',
        trigger: 'end',
        status: 'planned',
        scheduledOn: '2026-06-30',
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
        createdBy: manager.user.id,
      }),
    ]);
    const entries = await get(h.admin, `/api/v1/audit-log?entity=review&entityId=${reviews.data[0].id}`);
    expect(entries.data.map((entry: { action: string }) => entry.action)).toEqual(['create']);
    expect(await h.count('audit_log')).toBeGreaterThan(audits + 1);
    // A refused end writes no review.
    const count = await h.count('reviews');
    const again = await send(manager, 'POST', `/api/v1/relationships/${r.id}/end`, {
      endReason: 'completed',
      version: ended.json().version,
    });
    expect(again.statusCode).toBe(422);
    expect(await h.count('reviews')).toBe(count);
  });

  it('gathers the evidence pack of the period, with confidential interactions redacted for others', async () => {
    const r = await openRelationship();
    const log = async (as: Session, body: object) => {
      const response = await send(as, 'POST', '/api/v1/interactions', { relationshipId: r.id, ...body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    await log(agent, {
      kind: 'meeting',
      occurredAt: '2026-02-10T09:00:00.000Z',
      sentiment: 2,
      summary: 'Kick-off',
    });
    await log(agent, {
      kind: 'call',
      occurredAt: '2026-02-10T15:00:00+08:00',
      sentiment: 0,
      summary: 'Contacts',
    });
    const secret = await log(agent, {
      kind: 'email',
      occurredAt: '2026-03-05T10:00:00.000Z',
      sentiment: -2,
      summary: 'Complaint about the CFO',
      confidential: true,
    });
    // Outside the period: before and after it.
    await log(agent, { kind: 'meeting', occurredAt: '2026-01-31T23:59:59.000Z', sentiment: 1 });
    await log(agent, { kind: 'meeting', occurredAt: '2026-04-01T00:00:00.000Z', sentiment: 1 });
    const tick = await send(agent, 'PUT', `/api/v1/relationships/${r.id}/checklist/engage/kickoff`, {
      done: true,
    });
    expect(tick.statusCode, tick.body).toBe(200);
    const db = h.test.database.db;
    await db
      .insertInto('health_history')
      .values([
        { relationship_id: r.id, day: '2026-01-15', score: 40 },
        { relationship_id: r.id, day: '2026-02-10', score: 70 },
        { relationship_id: r.id, day: '2026-03-31', score: 65 },
      ])
      .execute();
    const exception = await send(agent, 'POST', '/api/v1/exceptions', {
      relationshipId: r.id,
      title: 'Complaint about invoices',
      type: 'complaint',
      severity: 'moderate',
      occurredOn: '2026-03-01',
    });
    expect(exception.statusCode, exception.body).toBe(201);
    const at = '2026-01-01T00:00:00.000Z';
    await sql`insert into surveys (id, kind, title, sort_name, intro, questions, locale, low_score_threshold,
        expires_after_days, status, created_by, archived_at, version, created_at, updated_at)
      values (${`s-${r.id}`}, 'satisfaction', 'Spring CSAT', 'spring csat', '', '[]', null, null, 30, 'sent',
        null, null, 1, ${at}, ${at})`.execute(db);
    const answers: [string, number | null, number | null][] = [
      ['2026-02-15T10:00:00.000Z', 4, 10],
      ['2026-03-31T23:00:00.000Z', 2, 5],
      ['2026-03-20T10:00:00.000Z', null, 9],
      ['2026-04-02T10:00:00.000Z', 1, 0],
    ];
    for (const [index, [answeredAt, csat, nps]] of answers.entries()) {
      const invitation = `i${index}-${r.id}`;
      await sql`insert into survey_invitations (id, survey_id, stakeholder_id, relationship_id, group_id,
          token_hash, sent_at, expires_at, answered_at, created_by, version, created_at, updated_at)
        values (${invitation}, ${`s-${r.id}`}, ${customer.id}, ${r.id}, null, ${invitation}, ${at}, ${at},
          ${answeredAt}, null, 1, ${at}, ${at})`.execute(db);
      await sql`insert into survey_answers (id, invitation_id, survey_id, stakeholder_id, relationship_id, kind,
          csat, nps, score, comment, answers, answered_at)
        values (${`a-${invitation}`}, ${invitation}, ${`s-${r.id}`}, ${customer.id}, ${r.id}, 'satisfaction',
          ${csat}, ${nps}, null, '', '{}', ${answeredAt})`.execute(db);
    }
    const earlier = await planReview(r.id, {
      title: 'Onboarding review',
      status: 'done',
      heldOn: '2026-01-31',
      findings: 'Started well.',
      satisfaction: 4,
    });
    const review = await planReview(r.id, {
      periodFrom: '2026-02-01',
      periodTo: '2026-03-31',
      trigger: 'exception',
      triggerExceptionId: exception.json().id,
    });
    expect(review.triggerExceptionId).toBe(exception.json().id);

    const mine = await get(manager, `/api/v1/reviews/${review.id}/evidence`);
    expect(mine).toMatchObject({
      reviewId: review.id,
      relationshipId: r.id,
      periodFrom: '2026-02-01',
      periodTo: '2026-03-31',
      interactions: {
        total: 3,
        byKind: { meeting: 1, call: 1, email: 1 },
        averageSentiment: 0,
        withSentiment: 3,
        sentimentByDay: [
          { day: '2026-02-10', average: 1, count: 2 },
          { day: '2026-03-05', average: -2, count: 1 },
        ],
      },
      health: [
        { day: '2026-02-10', score: 70 },
        { day: '2026-03-31', score: 65 },
      ],
      checklist: {
        total: 3,
        done: 1,
        doneInPeriod: 0,
        steps: [
          { key: 'engage', name: 'Engage', current: true, total: 2, done: 1 },
          { key: 'realise', name: 'Realise', current: false, total: 1, done: 0 },
        ],
      },
      reviews: [{ id: earlier.id, title: 'Onboarding review', heldOn: '2026-01-31', satisfaction: 4 }],
      exceptions: {
        available: true,
        total: 1,
        items: [
          {
            id: exception.json().id,
            title: 'Complaint about invoices',
            type: 'complaint',
            severity: 'moderate',
            raisedOn: '2026-03-01',
          },
        ],
      },
      // Three answers in the period: CSAT (4 + 2) / 2; NPS (2 promoters − 1 detractor) / 3 answers.
      surveys: {
        available: true,
        responses: 3,
        averageCsat: 3,
        nps: 33,
        items: [{ id: `s-${r.id}`, title: 'Spring CSAT', responses: 3, averageCsat: 3, nps: 33 }],
      },
    });
    expect(mine.interactions.latest.map((i: { occurredAt: string }) => i.occurredAt)).toEqual([
      '2026-03-05T10:00:00.000Z',
      '2026-02-10T09:00:00.000Z',
      '2026-02-10T07:00:00.000Z',
    ]);
    expect(mine.interactions.latest[0]).toMatchObject({ id: secret.id, redacted: false, sentiment: -2 });

    // Another agent sees that the contact happened, not what it said, and its sentiment is left out.
    const theirs = await get(otherAgent, `/api/v1/reviews/${review.id}/evidence`);
    expect(theirs.interactions).toMatchObject({
      total: 3,
      byKind: { meeting: 1, call: 1, email: 1 },
      averageSentiment: 1,
      withSentiment: 2,
      sentimentByDay: [{ day: '2026-02-10', average: 1, count: 2 }],
    });
    expect(theirs.interactions.latest[0]).toMatchObject({
      id: secret.id,
      redacted: true,
      summary: '',
      sentiment: null,
    });
    // Three answers of one stakeholder are no aggregate of k = 5: an agent sees how many, not what they said.
    expect(theirs.surveys).toMatchObject({
      responses: 3,
      averageCsat: null,
      nps: null,
      items: [{ id: `s-${r.id}`, responses: 3, averageCsat: null, nps: null }],
    });
    // Of an anonymous survey below k, not even the count: it would say that the stakeholder answered.
    await db.updateTable('surveys').set({ anonymity: 'anonymous' }).where('id', '=', `s-${r.id}`).execute();
    const anonymous = await get(manager, `/api/v1/reviews/${review.id}/evidence`);
    expect(anonymous.surveys).toEqual({
      available: true,
      responses: 0,
      averageCsat: null,
      nps: null,
      items: [],
    });
    await db.updateTable('surveys').set({ anonymity: 'named' }).where('id', '=', `s-${r.id}`).execute();
    // A viewer may read the pack; an approach review has none.
    expect(
      (await viewer.request({ method: 'GET', url: `/api/v1/reviews/${review.id}/evidence` })).statusCode,
    ).toBe(200);
    const approach = (await send(agent, 'POST', '/api/v1/reviews', { title: 'Approach review' })).json();
    expect(
      (await manager.request({ method: 'GET', url: `/api/v1/reviews/${approach.id}/evidence` })).statusCode,
    ).toBe(422);
    expect((await manager.request({ method: 'GET', url: '/api/v1/reviews/ghost/evidence' })).statusCode).toBe(
      404,
    );
  });

  it('keeps relationship reviews to those who may review relationships', async () => {
    const r = await openRelationship();
    const before = await h.count('reviews');
    for (const as of [contributor, viewer]) {
      const denied = await send(as, 'POST', '/api/v1/reviews', {
        subject: 'relationship',
        relationshipId: r.id,
        title: 'Mine',
      });
      expect(denied.statusCode).toBe(403);
    }
    expect(await h.count('reviews')).toBe(before);
    const review = await planReview(r.id);
    const denied = await send(contributor, 'PATCH', `/api/v1/reviews/${review.id}`, { title: 'Changed' }, 1);
    expect(denied.statusCode).toBe(403);
    const missingVersion = await send(agent, 'PATCH', `/api/v1/reviews/${review.id}`, { title: 'Changed' });
    expect(missingVersion.statusCode).toBe(428);
    const changed = await send(agent, 'PATCH', `/api/v1/reviews/${review.id}`, { title: 'Changed' }, 1);
    expect(changed.statusCode).toBe(200);
    const stale = await send(manager, 'PATCH', `/api/v1/reviews/${review.id}`, { title: 'Mine' }, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ title: 'Changed', version: 2 });
    expect((await get(viewer, `/api/v1/reviews/${review.id}`)).title).toBe('Changed');
  });
});
