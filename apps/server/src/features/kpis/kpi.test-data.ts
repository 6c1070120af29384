import type { Insertable, Kysely } from 'kysely';
import type {
  AgreedDocumentsTable,
  DB,
  DocumentVersionsTable,
  ExceptionsTable,
  RelationshipsTable,
  ReviewsTable,
  StakeholdersTable,
} from '../../db/schema.js';

/*
 * A small organisation written straight into the tables, with times in January 2026 and before, so each KPI
 * of the period 2026-01-01..2026-01-31 can be worked out by hand (kpi.routes.test.ts does it, KPI by KPI).
 * Records are inserted rather than created through the API because their dates (created, agreed, ended,
 * answered) must lie in the past.
 */
const T0 = '2025-01-01T00:00:00.000Z';

export const ids = {
  unit: 'unit-1',
  keyCustomers: 'g1-key-customers',
  keyPartners: 'g2-key-partners',
  plain: 'g3-not-key',
  alice: 's-a-key',
  bob: 's-b-key',
  carol: 's-c-internal',
  cathy: 's-c2-internal',
  dan: 's-d-not-key',
  m1: 'model-1',
  m2: 'model-2',
  principle: 'principle-1',
};

function stakeholder(
  id: string,
  name: string,
  over: Partial<StakeholdersTable> = {},
): Insertable<StakeholdersTable> {
  return {
    id,
    name,
    sort_name: name.toLowerCase(),
    search_text: name.toLowerCase(),
    kind: 'person',
    category: 'customer',
    scope: 'external',
    parent_id: null,
    influence: 3,
    interest: 3,
    quadrant: 'manage_closely',
    power: 0,
    legitimacy: 0,
    urgency: 0,
    salience: 'none',
    engagement_current: null,
    engagement_desired: null,
    target_influence: null,
    target_interest: null,
    owner_id: null,
    emails: '[]',
    phones: '[]',
    tags: '[]',
    notes: '',
    archived_at: null,
    version: 1,
    created_at: T0,
    updated_at: T0,
    external_ref: null,
    name_key: null,
    engagement_gap: null,
    last_assessed_at: null,
    org_unit_id: null,
    ...over,
  };
}

function document(id: string, title: string): Insertable<AgreedDocumentsTable> {
  return {
    id,
    title,
    sort_name: title.toLowerCase(),
    status: 'agreed',
    current_version: 1,
    agreed_version: 1,
    agreed_at: '2025-06-01T00:00:00.000Z',
    agreed_by: null,
    proposed_at: null,
    next_review_on: null,
    summary: '{}',
    created_by: null,
    archived_at: null,
    version: 3,
    created_at: T0,
    updated_at: T0,
  };
}

function version(documentId: string, retiredAt: string | null): Insertable<DocumentVersionsTable> {
  return {
    document_id: documentId,
    number: 1,
    title: documentId,
    content: '{}',
    status: retiredAt ? 'retired' : 'agreed',
    change_note: '',
    created_by: null,
    created_at: T0,
    proposed_by: null,
    proposed_at: null,
    agreed_by: null,
    agreed_at: '2025-06-01T00:00:00.000Z',
    agreement_note: '',
    retired_at: retiredAt,
    retirement_note: '',
  };
}

export function relationship(id: string, over: Partial<RelationshipsTable>): Insertable<RelationshipsTable> {
  return {
    id,
    name: `Relationship ${id}`,
    sort_name: `relationship ${id}`,
    stakeholder_id: ids.dan,
    from_stakeholder_id: null,
    org_unit_id: null,
    service: 1,
    our_role: 'provider',
    characteristics: '{}',
    manager_id: null,
    agent_id: null,
    maturity: 'service_provider',
    status: 'active',
    started_on: '2025-01-01',
    ended_on: null,
    end_reason: null,
    end_note: '',
    model_id: null,
    model_version: null,
    journey: null,
    current_steps: '[]',
    next_review_on: null,
    created_by: null,
    archived_at: null,
    version: 1,
    created_at: T0,
    updated_at: T0,
    last_contact_at: null,
    contact_every_days: null,
    next_contact_on: null,
    health_override: null,
    health_override_comment: null,
    health_weights: null,
    review_every_days: null,
    health_override_by: null,
    health_override_at: null,
    ...over,
  };
}

function review(id: string, over: Partial<ReviewsTable>): Insertable<ReviewsTable> {
  return {
    id,
    subject: 'relationship',
    title: `Review ${id}`,
    sort_name: `review ${id}`,
    trigger: 'periodic',
    trigger_note: '',
    status: 'planned',
    scheduled_on: null,
    held_on: null,
    participants: '[]',
    findings: '',
    decisions: '',
    lessons_learned: '',
    satisfaction: null,
    effective: null,
    communicated_to: '[]',
    created_by: null,
    archived_at: null,
    version: 1,
    created_at: T0,
    updated_at: T0,
    relationship_id: 'r5',
    period_from: null,
    period_to: null,
    trigger_exception_id: null,
    ...over,
  };
}

function exception(id: string, over: Partial<ExceptionsTable>): Insertable<ExceptionsTable> {
  return {
    id,
    relationship_id: 'r5',
    stakeholder_ids: '[]',
    title: `Exception ${id}`,
    sort_name: `exception ${id}`,
    description: '',
    type: 'conflict',
    toxic_behaviour: null,
    severity: 'minor',
    severity_rank: 1,
    status: 'open',
    reported_by: null,
    reporter_hidden: 0,
    owner_id: null,
    due_on: null,
    occurred_on: null,
    mediation_notes: '',
    resolution: '',
    model_id: null,
    model_version: null,
    resolved_at: null,
    closed_at: null,
    archived_at: null,
    version: 1,
    created_at: T0,
    updated_at: T0,
    ...over,
  };
}

let answerCount = 0;

/** Writes the organisation; `users` are the harness's users (their creation is moved back to 2025). */
export async function seedKpiData(db: Kysely<DB>, users: { admin: string; manager: string; viewer: string }) {
  await db.updateTable('users').set({ created_at: T0 }).execute();
  await db
    .insertInto('org_units')
    .values({
      id: ids.unit,
      name: 'Service desk',
      sort_name: 'service desk',
      kind: 'team',
      parent_id: null,
      description: '',
      archived_at: null,
      version: 1,
      created_at: T0,
      updated_at: T0,
    })
    .execute();
  await db
    .insertInto('stakeholders')
    .values([
      stakeholder(ids.alice, 'Alice'),
      stakeholder(ids.bob, 'Bob'),
      stakeholder(ids.carol, 'Carol', { scope: 'internal', category: 'team_member', org_unit_id: ids.unit }),
      stakeholder(ids.cathy, 'Cathy', { scope: 'internal', category: 'team_member' }),
      stakeholder(ids.dan, 'Dan'),
    ])
    .execute();
  const group = (id: string, name: string, key: number, reassess: number | null) => ({
    id,
    name,
    sort_name: name.toLowerCase(),
    description: '',
    key_group: key,
    reassess_days: reassess,
    archived_at: null,
    version: 1,
    created_at: T0,
    updated_at: T0,
  });
  await db
    .insertInto('stakeholder_groups')
    .values([
      group(ids.keyCustomers, 'Key customers', 1, 30),
      group(ids.keyPartners, 'Key partners', 1, null),
      group(ids.plain, 'Newsletter readers', 0, 30),
    ])
    .execute();
  await db
    .insertInto('stakeholder_group_members')
    .values([
      { group_id: ids.keyCustomers, stakeholder_id: ids.alice, added_at: T0 },
      { group_id: ids.keyCustomers, stakeholder_id: ids.bob, added_at: T0 },
      { group_id: ids.plain, stakeholder_id: ids.dan, added_at: T0 },
    ])
    .execute();
  const assessment = (id: string, stakeholderId: string, at: string) => ({
    id,
    stakeholder_id: stakeholderId,
    at,
    actor_id: null,
    note: '',
    influence: 3,
    interest: 3,
    before: null,
    after: '{}',
  });
  await db
    .insertInto('stakeholder_assessments')
    .values([
      assessment('as-1', ids.alice, '2026-01-20T09:00:00.000Z'),
      assessment('as-2', ids.bob, '2025-11-01T09:00:00.000Z'),
    ])
    .execute();

  // Models: M1 in force throughout; M2 agreed in 2025 and retired on 15 January 2026. G1 has M1.
  await db
    .insertInto('relationship_models')
    .values([document(ids.m1, 'Model one'), document(ids.m2, 'Model two')])
    .execute();
  await db
    .insertInto('relationship_model_versions')
    .values([version(ids.m1, null), version(ids.m2, '2026-01-15T00:00:00.000Z')])
    .execute();
  await db
    .insertInto('relationship_model_groups')
    .values({ model_id: ids.m1, group_id: ids.keyCustomers })
    .execute();

  await db
    .insertInto('relationships')
    .values([
      relationship('r1', {
        stakeholder_id: ids.alice,
        manager_id: users.manager,
        status: 'ended',
        ended_on: '2026-01-10',
        end_reason: 'approach_not_followed',
      }),
      relationship('r2', { status: 'ended', ended_on: '2026-01-20', end_reason: 'completed' }),
      relationship('r3', { status: 'ended', ended_on: '2025-12-15', end_reason: 'approach_not_followed' }),
      relationship('r4', { status: 'ended', ended_on: '2026-02-01', end_reason: 'other' }),
      relationship('r5', {
        stakeholder_id: ids.alice,
        model_id: ids.m1,
        model_version: 1,
        contact_every_days: 30,
        org_unit_id: ids.unit,
        // Its latest contact is after January: on cadence at the end of January is read from the interactions.
        last_contact_at: '2026-02-10T10:00:00.000Z',
      }),
      relationship('r6', {
        stakeholder_id: ids.bob,
        model_id: ids.m2,
        model_version: 1,
        contact_every_days: 10,
        last_contact_at: '2026-01-10T10:00:00.000Z',
      }),
      relationship('r7', { contact_every_days: 30 }),
    ])
    .execute();
  const interaction = (id: string, relationshipId: string, at: string) => ({
    id,
    relationship_id: relationshipId,
    stakeholder_id: ids.alice,
    kind: 'call',
    occurred_at: at,
    confidential: 0,
    summary: '',
    sentiment: null,
    participant_user_ids: '[]',
    participant_stakeholder_ids: '[]',
    author_id: null,
    archived_at: null,
    version: 1,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('interactions')
    .values([
      interaction('i1', 'r5', '2026-01-15T10:00:00.000Z'),
      interaction('i2', 'r6', '2026-01-10T10:00:00.000Z'),
      interaction('i3', 'r5', '2026-02-10T10:00:00.000Z'),
      // Archived: it does not count as a contact.
      { ...interaction('i4', 'r6', '2026-01-30T10:00:00.000Z'), archived_at: '2026-01-30T11:00:00.000Z' },
    ])
    .execute();

  await db
    .insertInto('reviews')
    .values([
      review('rv1', { scheduled_on: '2026-01-05', status: 'done', held_on: '2026-01-04' }),
      review('rv2', { scheduled_on: '2026-01-10', status: 'done', held_on: '2026-01-12' }),
      review('rv3', { scheduled_on: '2026-01-20' }),
      review('rv4', { scheduled_on: '2026-01-25', status: 'cancelled' }),
    ])
    .execute();

  await db
    .insertInto('exceptions')
    .values([
      exception('e1', { due_on: '2026-01-10', status: 'resolved', resolved_at: '2026-01-10T18:00:00.000Z' }),
      exception('e2', { due_on: '2026-01-15', status: 'resolved', resolved_at: '2026-01-16T01:00:00.000Z' }),
      exception('e3', { due_on: '2026-01-20' }),
      exception('e4', { type: 'compliment', due_on: '2026-01-12' }),
      exception('e5', { type: 'toxic_behaviour', toxic_behaviour: 'contempt', occurred_on: '2026-01-03' }),
      exception('e6', {
        type: 'toxic_behaviour',
        toxic_behaviour: 'criticism',
        created_at: '2026-01-30T10:00:00.000Z',
        relationship_id: 'r6',
      }),
      exception('e7', {
        type: 'toxic_behaviour',
        toxic_behaviour: 'stonewalling',
        occurred_on: '2025-12-20',
      }),
      exception('e8', {
        type: 'toxic_behaviour',
        toxic_behaviour: 'contempt',
        occurred_on: '2026-01-05',
        archived_at: '2026-01-06T00:00:00.000Z',
      }),
    ])
    .execute();
  await db
    .insertInto('exception_stakeholders')
    .values([
      { exception_id: 'e5', stakeholder_id: ids.alice },
      { exception_id: 'e6', stakeholder_id: ids.bob },
    ])
    .execute();

  const survey = (id: string, kind: string) => ({
    id,
    kind,
    title: id,
    sort_name: id,
    intro: '',
    questions: '[]',
    locale: null,
    low_score_threshold: null,
    expires_after_days: 30,
    anonymity: kind === 'climate' ? 'anonymous' : 'named',
    min_answers: 3,
    status: 'open',
    created_by: null,
    archived_at: null,
    version: 1,
    created_at: T0,
    updated_at: T0,
  });
  await db
    .insertInto('surveys')
    .values([survey('sv-sat', 'satisfaction'), survey('sv-climate', 'climate')])
    .execute();
  const answer = async (
    surveyId: string,
    stakeholderId: string,
    at: string,
    values: { csat?: number; nps?: number; score?: number; relationshipId?: string },
  ) => {
    answerCount += 1;
    const invitation = `inv-${answerCount}`;
    await db
      .insertInto('survey_invitations')
      .values({
        id: invitation,
        survey_id: surveyId,
        stakeholder_id: stakeholderId,
        relationship_id: values.relationshipId ?? null,
        group_id: null,
        token_hash: `hash-${answerCount}-${Math.random()}`,
        sent_at: at,
        expires_at: '2027-01-01T00:00:00.000Z',
        answered_at: at,
        created_by: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('survey_answers')
      .values({
        id: `ans-${answerCount}`,
        invitation_id: invitation,
        survey_id: surveyId,
        stakeholder_id: stakeholderId,
        relationship_id: values.relationshipId ?? null,
        kind: surveyId === 'sv-climate' ? 'climate' : 'satisfaction',
        csat: values.csat ?? null,
        nps: values.nps ?? null,
        score: values.score ?? null,
        comment: '',
        answers: '[]',
        answered_at: at,
      })
      .execute();
  };
  await answer('sv-climate', ids.carol, '2026-01-05T10:00:00.000Z', { score: 4 });
  await answer('sv-climate', ids.cathy, '2026-01-06T10:00:00.000Z', { score: 2 });
  await answer('sv-climate', ids.carol, '2025-12-06T10:00:00.000Z', { score: 5 });
  await answer('sv-sat', ids.carol, '2026-01-07T10:00:00.000Z', { csat: 4 });
  await answer('sv-sat', ids.dan, '2026-01-08T10:00:00.000Z', { csat: 1, nps: 0 });
  await answer('sv-sat', ids.alice, '2026-01-09T10:00:00.000Z', { csat: 5, nps: 10, relationshipId: 'r5' });
  await answer('sv-sat', ids.bob, '2026-01-10T10:00:00.000Z', { csat: 3, nps: 6 });
  await answer('sv-sat', ids.alice, '2026-01-11T10:00:00.000Z', { csat: 4, nps: 9 });

  // Principles: one in force with two materials (revisions 2 and 1); a third material has no principle.
  await db.insertInto('principles').values(document(ids.principle, 'Be candid')).execute();
  const material = (id: string, revision: number, principleId: string | null) => ({
    id,
    title: `Material ${id}`,
    sort_name: `material ${id}`,
    kind: 'document',
    url: null,
    body: '',
    principle_id: principleId,
    model_id: null,
    audience: '',
    revision,
    created_by: null,
    archived_at: null,
    version: 1,
    created_at: T0,
    updated_at: T0,
  });
  await db
    .insertInto('materials')
    .values([material('mt1', 2, ids.principle), material('mt2', 1, ids.principle), material('mt3', 1, null)])
    .execute();
  await db
    .insertInto('material_acknowledgements')
    .values([
      { material_id: 'mt1', user_id: users.admin, revision: 2, acknowledged_at: '2026-01-10T00:00:00.000Z' },
      {
        material_id: 'mt1',
        user_id: users.manager,
        revision: 1,
        acknowledged_at: '2026-01-10T00:00:00.000Z',
      },
      { material_id: 'mt2', user_id: users.admin, revision: 1, acknowledged_at: '2026-01-05T00:00:00.000Z' },
      { material_id: 'mt2', user_id: users.viewer, revision: 1, acknowledged_at: '2026-02-10T00:00:00.000Z' },
      { material_id: 'mt3', user_id: users.viewer, revision: 1, acknowledged_at: '2026-01-10T00:00:00.000Z' },
    ])
    .execute();
}
