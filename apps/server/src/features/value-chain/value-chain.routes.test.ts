import type { Insertable, Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';

// The period of the hand-worked dataset: March 2026. Each record type has rows on both sides of each edge.
const BEFORE = '2026-02-28T23:59:59.999Z';
const FIRST = '2026-03-01T00:00:00.000Z';
const MID = '2026-03-15T10:00:00.000Z';
const LAST = '2026-03-31T23:59:59.999Z';
const AFTER = '2026-04-01T00:00:00.000Z';
const day = (time: string) => time.slice(0, 10);

const stamps = (at: string) => ({ version: 1, created_at: at, updated_at: at });

describe.each(dialects)('value-chain heat map on %s', (dialect) => {
  let h: Harness;
  let db: Kysely<DB>;
  let manager: Session;
  let agent: Session;
  let viewer: Session;

  const get = (as: Session, url: string) => as.request({ method: 'GET', url });
  const patch = (as: Session, activity: string, payload: object, version?: number | string) =>
    as.request({
      method: 'PATCH',
      url: `/api/v1/value-chain/${activity}`,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });

  beforeAll(async () => {
    h = await createHarness(dialect);
    db = h.test.database.db;
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    viewer = await h.userWith('viewer');
  });
  afterAll(() => h.close());

  it('starts with the default levels of the domain reference, in value-chain order', async () => {
    const response = await get(viewer, '/api/v1/value-chain');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.data.map((row: { activity: string; level: string }) => [row.activity, row.level])).toEqual([
      ['plan', 'high'],
      ['improve', 'medium'],
      ['engage', 'high'],
      ['design_transition', 'medium'],
      ['obtain_build', 'low'],
      ['deliver_support', 'medium'],
    ]);
    expect(body.data[0]).toMatchObject({ version: 1, note: '', updatedAt: null, updatedBy: null });
    // Defaults are not rows: a freshly migrated database stays empty (a backup can be restored into it).
    expect(await h.count('value_chain_contributions')).toBe(0);
    // Default period: the 90 days ending today.
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    expect(body.period).toEqual({ from, to: today });
  });

  it('counts the records of the period per activity by the documented mapping, edges included', async () => {
    const customer = await h.admin.createStakeholder({ name: 'Customer', category: 'customer' });
    const supplier = await h.admin.createStakeholder({ name: 'Supplier', category: 'supplier' });
    const partner = await h.admin.createStakeholder({ name: 'Partner', category: 'partner' });
    const adminId = h.admin.user.id;

    // plan: culture assessments (2 in), principles agreed (1 in), models agreed (1 in), approach reviews (1 in)
    const culture = (assessed: string, archived = false): Insertable<DB['culture_assessments']> => ({
      id: newId(),
      title: `Culture ${assessed}`,
      sort_name: 'culture',
      assessed_on: day(assessed),
      scores: '{}',
      dominant_type: 'clan',
      toxic_behaviours: '[]',
      strengths: '',
      risks: '',
      strategic_requirements: '',
      notes: '',
      archived_at: archived ? MID : null,
      ...stamps(MID),
    });
    await db
      .insertInto('culture_assessments')
      .values([culture(FIRST), culture(LAST), culture(BEFORE), culture(AFTER), culture(LAST, true)])
      .execute();

    const head = (id: string, title: string) => ({
      id,
      title,
      sort_name: title.toLowerCase(),
      status: 'agreed',
      current_version: 3,
      summary: '{}',
      ...stamps(BEFORE),
    });
    const version = (documentId: string, number: number, createdAt: string, agreedAt: string | null) => ({
      document_id: documentId,
      number,
      title: `v${number}`,
      content: '{}',
      status: agreedAt ? 'agreed' : 'draft',
      change_note: '',
      created_at: createdAt,
      agreed_at: agreedAt,
      agreed_by: agreedAt ? adminId : null,
      agreement_note: '',
      retirement_note: '',
    });
    const principleId = newId();
    await db.insertInto('principles').values(head(principleId, 'Principle')).execute();
    await db
      .insertInto('principle_versions')
      .values([
        version(principleId, 1, BEFORE, BEFORE),
        version(principleId, 2, BEFORE, FIRST),
        version(principleId, 3, MID, null),
      ])
      .execute();
    // models: v1 drafted before and agreed on the first instant; v2 drafted on the last; v3 drafted after
    const modelId = newId();
    await db.insertInto('relationship_models').values(head(modelId, 'Model')).execute();
    await db
      .insertInto('relationship_model_versions')
      .values([
        version(modelId, 1, BEFORE, FIRST),
        version(modelId, 2, LAST, null),
        version(modelId, 3, AFTER, null),
      ])
      .execute();

    const review = (
      subject: string,
      status: string,
      held: string | null,
      archived = false,
    ): Insertable<DB['reviews']> => ({
      id: newId(),
      subject,
      title: `${subject} review`,
      sort_name: 'review',
      trigger: 'scheduled',
      trigger_note: '',
      status,
      scheduled_on: held ? day(held) : '2026-03-10',
      held_on: held ? day(held) : null,
      participants: '[]',
      findings: 'findings',
      decisions: '',
      lessons_learned: '',
      communicated_to: '',
      archived_at: archived ? MID : null,
      ...stamps(MID),
    });
    await db
      .insertInto('reviews')
      .values([
        review('approach', 'done', FIRST),
        review('approach', 'done', AFTER),
        review('approach', 'planned', null),
        review('relationship', 'done', LAST),
        review('relationship', 'done', LAST, true),
        review('relationship', 'cancelled', LAST),
      ])
      .execute();

    // improve: improvements raised (2) and done (2), lessons (1), relationship reviews held (1, above)
    const improvement = (
      createdAt: string,
      status: string,
      updatedAt: string,
      archived = false,
    ): Insertable<DB['improvements']> => ({
      id: newId(),
      title: 'Improve',
      sort_name: 'improve',
      description: '',
      source_type: 'manual',
      status,
      expected_benefit: '',
      realised_benefit: '',
      archived_at: archived ? MID : null,
      version: 1,
      created_at: createdAt,
      updated_at: updatedAt,
    });
    await db
      .insertInto('improvements')
      .values([
        improvement(MID, 'proposed', MID), // raised
        improvement(BEFORE, 'done', LAST), // done
        improvement(FIRST, 'done', MID), // raised and done
        improvement(AFTER, 'proposed', AFTER),
        improvement(MID, 'done', MID, true),
        improvement(BEFORE, 'in_progress', MID), // changed in the period but neither raised nor done then
      ])
      .execute();
    const lesson = (createdAt: string, archived = false): Insertable<DB['lessons']> => ({
      id: newId(),
      title: 'Lesson',
      sort_name: 'lesson',
      body: '',
      tags: '[]',
      search_text: 'lesson',
      archived_at: archived ? MID : null,
      ...stamps(createdAt),
    });
    await db
      .insertInto('lessons')
      .values([lesson(FIRST), lesson(BEFORE), lesson(LAST, true)])
      .execute();

    // engage: interactions with others than suppliers/partners (2), survey answers (1), assessments (1)
    const interaction = (
      stakeholderId: string,
      occurredAt: string,
      archived = false,
    ): Insertable<DB['interactions']> => ({
      id: newId(),
      stakeholder_id: stakeholderId,
      kind: 'call',
      occurred_at: occurredAt,
      confidential: 0,
      summary: '',
      participant_user_ids: '[]',
      participant_stakeholder_ids: '[]',
      archived_at: archived ? MID : null,
      ...stamps(occurredAt),
    });
    const interactions = [
      interaction(customer.id, FIRST),
      interaction(customer.id, LAST),
      interaction(customer.id, BEFORE),
      interaction(customer.id, AFTER),
      interaction(customer.id, MID, true),
      interaction(supplier.id, MID),
      interaction(partner.id, LAST),
      interaction(supplier.id, AFTER),
    ];
    await db.insertInto('interactions').values(interactions).execute();

    const surveyId = newId();
    await db
      .insertInto('surveys')
      .values({
        id: surveyId,
        kind: 'csat',
        title: 'CSAT',
        sort_name: 'csat',
        intro: '',
        questions: '[]',
        expires_after_days: 30,
        anonymity: 'named',
        min_answers: 5,
        status: 'open',
        ...stamps(BEFORE),
      })
      .execute();
    for (const answeredAt of [FIRST, AFTER]) {
      const invitationId = newId();
      await db
        .insertInto('survey_invitations')
        .values({
          id: invitationId,
          survey_id: surveyId,
          stakeholder_id: customer.id,
          token_hash: newId(),
          sent_at: BEFORE,
          expires_at: AFTER,
          answered_at: answeredAt,
          ...stamps(BEFORE),
        })
        .execute();
      await db
        .insertInto('survey_answers')
        .values({
          id: newId(),
          invitation_id: invitationId,
          survey_id: surveyId,
          stakeholder_id: customer.id,
          kind: 'csat',
          csat: 4,
          comment: '',
          answers: '{}',
          answered_at: answeredAt,
        })
        .execute();
    }
    await db
      .insertInto('stakeholder_assessments')
      .values(
        [LAST, BEFORE].map((at) => ({
          id: newId(),
          stakeholder_id: customer.id,
          at,
          note: '',
          influence: 3,
          interest: 3,
          after: '{}',
        })),
      )
      .execute();

    // design & transition: relationships opened with others (1), journey moves (2), model versions drafted (1)
    // obtain/build: relationships opened with suppliers/partners (1), their interactions (2, above)
    const relationship = (
      stakeholderId: string,
      startedOn: string,
      archived = false,
    ): Insertable<DB['relationships']> => ({
      id: newId(),
      name: 'Relationship',
      sort_name: 'relationship',
      stakeholder_id: stakeholderId,
      service: 1,
      characteristics: '[]',
      maturity: 'initial',
      status: 'active',
      started_on: day(startedOn),
      end_note: '',
      current_steps: '[]',
      archived_at: archived ? MID : null,
      ...stamps(MID),
    });
    const relationships = [
      relationship(customer.id, FIRST),
      relationship(customer.id, AFTER),
      relationship(customer.id, LAST, true),
      relationship(supplier.id, LAST),
      relationship(partner.id, BEFORE),
    ];
    await db.insertInto('relationships').values(relationships).execute();
    await db
      .insertInto('relationship_moves')
      .values(
        [FIRST, AFTER, MID, BEFORE].map((at) => ({
          id: newId(),
          relationship_id: relationships[0]?.id as string,
          from_steps: '[]',
          to_steps: '[]',
          note: '',
          at,
        })),
      )
      .execute();

    // deliver & support: exceptions raised (2) and resolved (1), follow-ups done (1)
    const exception = (
      createdAt: string,
      resolvedAt: string | null,
      archived = false,
    ): Insertable<DB['exceptions']> => ({
      id: newId(),
      stakeholder_ids: JSON.stringify([customer.id]),
      title: 'Exception',
      sort_name: 'exception',
      description: '',
      type: 'complaint',
      severity: 'medium',
      severity_rank: 2,
      status: resolvedAt ? 'resolved' : 'open',
      reporter_hidden: 0,
      mediation_notes: '',
      resolution: resolvedAt ? 'sorted' : '',
      resolved_at: resolvedAt,
      archived_at: archived ? MID : null,
      ...stamps(createdAt),
    });
    await db
      .insertInto('exceptions')
      .values([
        exception(FIRST, null),
        exception(BEFORE, LAST),
        exception(MID, AFTER),
        exception(MID, null, true),
      ])
      .execute();
    await db
      .insertInto('follow_ups')
      .values(
        [FIRST, AFTER, null].map((doneAt) => ({
          id: newId(),
          interaction_id: interactions[0]?.id as string,
          text: 'Send the offer',
          done_at: doneAt,
          ...stamps(BEFORE),
        })),
      )
      .execute();

    const response = await get(viewer, '/api/v1/value-chain?from=2026-03-01&to=2026-03-31');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    const recorded = Object.fromEntries(
      body.data.map(
        (row: {
          activity: string;
          recorded: { total: number; counts: { type: string; count: number }[] };
        }) => [
          row.activity,
          {
            total: row.recorded.total,
            ...Object.fromEntries(row.recorded.counts.map((c) => [c.type, c.count])),
          },
        ],
      ),
    );
    expect(recorded).toEqual({
      plan: {
        total: 5,
        culture_assessments: 2,
        principles_agreed: 1,
        models_agreed: 1,
        approach_reviews_held: 1,
      },
      improve: {
        total: 6,
        improvements_raised: 2,
        improvements_done: 2,
        lessons_recorded: 1,
        relationship_reviews_held: 1,
      },
      engage: { total: 4, interactions_logged: 2, survey_answers: 1, stakeholder_assessments: 1 },
      design_transition: { total: 4, relationships_opened: 1, journey_moves: 2, model_versions_drafted: 1 },
      obtain_build: { total: 3, supplier_relationships_opened: 1, supplier_interactions: 2 },
      deliver_support: { total: 4, exceptions_raised: 2, exceptions_resolved: 1, follow_ups_done: 1 },
    });

    // One day: only the records of 1 April.
    const april = (await get(viewer, '/api/v1/value-chain?from=2026-04-01&to=2026-04-01')).json();
    const totals = Object.fromEntries(
      april.data.map((row: { activity: string; recorded: { total: number } }) => [
        row.activity,
        row.recorded.total,
      ]),
    );
    // plan: culture + approach review; improve: improvement raised; engage: 2 interactions (customer, supplier
    // is obtain/build) + 1 answer; design: 1 relationship + 1 move + 1 model version; deliver: resolved + follow-up
    expect(totals).toEqual({
      plan: 2,
      improve: 1,
      engage: 2,
      design_transition: 3,
      obtain_build: 1,
      deliver_support: 2,
    });
  });

  it('refuses a period that ends before it starts, and dates that are not dates', async () => {
    const reversed = await get(viewer, '/api/v1/value-chain?from=2026-04-01&to=2026-03-01');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors).toEqual([{ path: 'from', message: expect.any(String) }]);
    const bad = await get(viewer, '/api/v1/value-chain?from=yesterday&to=2026-13-01&extra=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.length).toBeGreaterThanOrEqual(3);
  });

  it('lets a manager change a level with a note, audited, and shows it afterwards', async () => {
    const response = await patch(manager, 'obtain_build', { level: 'medium', note: '供应商合作更紧密' }, 1);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.json()).toMatchObject({
      activity: 'obtain_build',
      level: 'medium',
      note: '供应商合作更紧密',
      version: 2,
      updatedBy: manager.user.id,
    });
    const row = (await get(viewer, '/api/v1/value-chain')).json().data[4];
    expect(row).toMatchObject({ activity: 'obtain_build', level: 'medium', version: 2 });
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'value_chain_contribution')
      .where('entity_id', '=', 'obtain_build')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.before as string)).toMatchObject({ level: 'low', version: 1 });
    expect(JSON.parse(audit[0]?.after as string)).toMatchObject({ level: 'medium', version: 2 });

    // The version may come in the body instead of If-Match; a patch that changes nothing writes nothing.
    const same = await patch(manager, 'obtain_build', { level: 'medium', version: 2 });
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(2);
    const entries = await db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'value_chain_contribution')
      .execute();
    expect(entries).toHaveLength(1);
  });

  it('reports every field error at once and writes nothing', async () => {
    const response = await patch(manager, 'plan', { level: 'extreme', note: 42, colour: 'red' }, 1);
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['level', 'note']));
    expect(response.json().errors.length).toBeGreaterThanOrEqual(3);
    const plan = (await get(viewer, '/api/v1/value-chain')).json().data[0];
    expect(plan).toMatchObject({ level: 'high', version: 1 });
  });

  it('needs a version (428), refuses a stale one with the current record (409), and knows only six activities', async () => {
    expect((await patch(manager, 'improve', { level: 'high' })).statusCode).toBe(428);
    expect((await patch(manager, 'improve', { level: 'high' }, 'soon')).statusCode).toBe(400);
    const first = await patch(manager, 'improve', { level: 'high' }, 1);
    expect(first.statusCode, first.body).toBe(200);
    const stale = await patch(h.admin, 'improve', { level: 'low' }, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ activity: 'improve', level: 'high', version: 2 });
    const unknown = await patch(manager, 'operate', { level: 'high' }, 1);
    expect(unknown.statusCode).toBe(404);
  });

  it('lets one of two simultaneous first changes of a default level through, and refuses the other', async () => {
    const [a, b] = await Promise.all([
      patch(manager, 'deliver_support', { level: 'high', note: 'first' }, 1),
      patch(h.admin, 'deliver_support', { level: 'low', note: 'second' }, 1),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a.json() : b.json();
    const row = (await get(viewer, '/api/v1/value-chain')).json().data[5];
    expect(row).toMatchObject({ level: winner.level, note: winner.note, version: 2 });
    const loser = a.statusCode === 409 ? a.json() : b.json();
    expect(loser.current).toMatchObject({ level: winner.level, version: 2 });
  });

  it('refuses viewers and agents a change, and anonymous readers', async () => {
    for (const who of [viewer, agent]) {
      const refused = await patch(who, 'engage', { level: 'low' }, 1);
      expect(refused.statusCode).toBe(403);
    }
    const engage = (await get(viewer, '/api/v1/value-chain')).json().data[2];
    expect(engage).toMatchObject({ level: 'high', version: 1 });
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/value-chain' });
    expect(anonymous.statusCode).toBe(401);
  });
});
