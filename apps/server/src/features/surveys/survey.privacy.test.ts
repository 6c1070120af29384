import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';

const COMMENT = 'My manager shouts at me';

/** Anonymous surveys show aggregates of at least k answers to everyone; named ones show answers to surveys.answers. */
describe.each(dialects)('survey privacy on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let viewer: Session;
  let contributor: Session;
  let ip = 0;

  const get = (as: Session, url: string) => as.request({ method: 'GET', url });
  const post = (as: Session, url: string, payload: object) => as.request({ method: 'POST', url, payload });
  const answer = (link: string, payload: object) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${link.split('/s/')[1]}`,
      payload,
      remoteAddress: `10.8.${Math.floor(ip / 250)}.${(ip++ % 250) + 1}`,
      headers: { host: 'localhost:80', origin: 'http://localhost:80' },
    });
  const publicView = (link: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/public/surveys/${link.split('/s/')[1]}`,
      remoteAddress: `10.8.${Math.floor(ip / 250)}.${(ip++ % 250) + 1}`,
      headers: { host: 'localhost:80' },
    });
  const createSurvey = async (body: object) => {
    const response = await post(agent, '/api/v1/surveys', { title: 'Privacy', status: 'open', ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const colleagues = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        h.admin.createStakeholder({ scope: 'internal', category: 'team_member' }),
      ),
    );
  const invite = async (surveyId: string, body: object) => {
    const response = await post(agent, `/api/v1/surveys/${surveyId}/invitations`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data as { id: string; link: string; stakeholderId: string }[];
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    viewer = await h.userWith('viewer');
    contributor = await h.userWith('contributor');
  });
  afterAll(() => h.close());

  it('makes climate surveys anonymous and satisfaction surveys named unless told, and k at least 3', async () => {
    expect(await createSurvey({ kind: 'climate' })).toMatchObject({ anonymity: 'anonymous', minAnswers: 5 });
    expect(await createSurvey({ kind: 'satisfaction' })).toMatchObject({ anonymity: 'named', minAnswers: 5 });
    expect(await createSurvey({ kind: 'satisfaction', anonymity: 'anonymous', minAnswers: 3 })).toMatchObject(
      { anonymity: 'anonymous', minAnswers: 3 },
    );

    const before = await h.count('surveys');
    const tooSmall = await post(agent, '/api/v1/surveys', {
      kind: 'climate',
      title: 'k of two',
      minAnswers: 2,
      anonymity: 'secret',
    });
    expect(tooSmall.statusCode).toBe(400);
    expect(
      tooSmall
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['anonymity', 'minAnswers']);
    expect(await h.count('surveys')).toBe(before);

    const survey = await createSurvey({ kind: 'climate' });
    const patched = await agent.request({
      method: 'PATCH',
      url: `/api/v1/surveys/${survey.id}`,
      headers: { 'if-match': '"1"' },
      payload: { minAnswers: 1 },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().errors).toEqual([{ path: 'minAnswers', message: expect.stringContaining('3') }]);

    // Once respondents were told, the survey stays what they were told.
    await invite(survey.id, { stakeholderIds: [(await colleagues(1))[0]?.id] });
    const named = await agent.request({
      method: 'PATCH',
      url: `/api/v1/surveys/${survey.id}`,
      headers: { 'if-match': '"1"' },
      payload: { anonymity: 'named' },
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().errors.map((e: { path: string }) => e.path)).toEqual(['anonymity']);
  });

  it('shows an anonymous survey’s figures to nobody below k answers and to everyone from k', async () => {
    const survey = await createSurvey({ kind: 'climate', title: 'Team climate' });
    const people = await colleagues(5);
    const invitations = await invite(survey.id, { stakeholderIds: people.map((p) => p.id) });
    const view = (await publicView(invitations[0]?.link as string)).json();
    expect(view).toMatchObject({ anonymity: 'anonymous', minAnswers: 5 });

    for (const [index, invitation] of invitations.slice(0, 4).entries())
      expect((await answer(invitation.link, { score: index + 1, comment: COMMENT })).statusCode).toBe(201);
    for (const reader of [h.admin, manager, agent, viewer, contributor]) {
      const results = await get(reader, `/api/v1/surveys/${survey.id}/results`);
      expect(results.json()).toMatchObject({
        invited: 5,
        shown: false,
        minAnswers: 5,
        answered: null,
        responseRate: null,
        climate: null,
      });
    }

    // Nobody learns who answered, or when: the invitations say sent, whoever answered.
    const listed = (await get(manager, `/api/v1/surveys/${survey.id}/invitations`)).json();
    expect(listed.data).toHaveLength(5);
    // Not even through the version: answering makes no new version of an anonymous survey's invitation.
    for (const invitation of listed.data)
      expect(invitation).toMatchObject({ status: 'sent', answeredAt: null, version: 1 });
    const byStatus = await get(h.admin, `/api/v1/surveys/${survey.id}/invitations?status=answered`);
    expect(byStatus.statusCode).toBe(400);
    expect(byStatus.json().errors.map((e: { path: string }) => e.path)).toEqual(['status']);
    // … and no one reads an answer, administrators included.
    for (const reader of [h.admin, manager]) {
      const answers = await get(reader, `/api/v1/surveys/${survey.id}/answers`);
      expect(answers.statusCode).toBe(403);
      expect(answers.body).not.toContain(COMMENT);
    }

    expect((await answer(invitations[4]?.link as string, { score: 5 })).statusCode).toBe(201);
    for (const reader of [viewer, manager]) {
      const results = (await get(reader, `/api/v1/surveys/${survey.id}/results`)).json();
      // (1 + 2 + 3 + 4 + 5) ÷ 5 = 3
      expect(results).toMatchObject({
        shown: true,
        answered: 5,
        responseRate: 100,
        climate: { average: 3, count: 5 },
      });
    }
  });

  it('does not tell who answered an anonymous survey when a link is resent or people are invited again', async () => {
    const survey = await createSurvey({ kind: 'climate', title: 'Resend climate' });
    const people = await colleagues(2);
    const [answered, waiting] = await invite(survey.id, { stakeholderIds: people.map((p) => p.id) });
    expect((await answer(answered?.link as string, { score: 4 })).statusCode).toBe(201);
    // Resending answers alike for the answered and the unanswered invitation, and says nothing of answers.
    for (const invitation of [answered, waiting]) {
      const resent = await agent.request({
        method: 'POST',
        url: `/api/v1/surveys/${survey.id}/invitations/${invitation?.id}/resend`,
        payload: { version: 1 },
      });
      expect(resent.statusCode, resent.body).toBe(200);
      expect(resent.json()).toMatchObject({ status: 'sent', answeredAt: null });
    }
    // Inviting both again skips both: an unexpired invitation counts, answered or not.
    const again = await post(agent, `/api/v1/surveys/${survey.id}/invitations`, {
      stakeholderIds: people.map((p) => p.id),
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().data).toEqual([]);
  });

  it('opens a complaint for a low anonymous score without the comment or the respondent', async () => {
    const survey = await createSurvey({
      kind: 'satisfaction',
      anonymity: 'anonymous',
      title: 'Anonymous CSAT',
    });
    const customer = await h.admin.createStakeholder({ name: 'Sensitive Customer Ltd' });
    const relationship = (
      await post(agent, '/api/v1/relationships', { stakeholderId: customer.id, ourRole: 'provider' })
    ).json();
    const [invitation] = await invite(survey.id, { relationshipId: relationship.id });
    expect((await answer(invitation?.link as string, { csat: 1, nps: 0, comment: COMMENT })).statusCode).toBe(
      201,
    );

    const complaints = (await get(viewer, '/api/v1/exceptions?type=complaint&limit=100')).json().data;
    const complaint = complaints.find((e: { description: string }) => e.description.includes(survey.id));
    expect(complaint).toMatchObject({
      type: 'complaint',
      relationshipId: null,
      stakeholderIds: [],
      severity: 'moderate',
      ownerId: agent.user.id,
    });
    const text = JSON.stringify(complaint);
    for (const secret of [COMMENT, customer.id, customer.name, relationship.id, '1/5'])
      expect(text).not.toContain(secret);
    // Nor does its audit entry, or the relationship's own view of the survey.
    const audit = (await get(h.admin, `/api/v1/audit-log?entityId=${complaint.id}`)).json();
    expect(JSON.stringify(audit)).not.toContain(COMMENT);
    expect(JSON.stringify(audit)).not.toContain(customer.id);
    const own = (await get(h.admin, `/api/v1/relationships/${relationship.id}/satisfaction`)).json();
    expect(own).toMatchObject({
      shown: false,
      answered: null,
      csat: null,
      nps: null,
      stakeholderRating: null,
    });
    const read = (await get(h.admin, `/api/v1/relationships/${relationship.id}`)).json();
    expect(
      read.health.reasons.find((r: { component: string }) => r.component === 'satisfaction'),
    ).toMatchObject({ score: null, value: null });
  });

  it('shows a named survey’s answers to managers and administrators, not to agents or viewers', async () => {
    const survey = await createSurvey({ kind: 'satisfaction', title: 'Named CSAT' });
    const customer = await h.admin.createStakeholder({ name: 'Named Customer' });
    const [invitation] = await invite(survey.id, { stakeholderIds: [customer.id] });
    expect((await answer(invitation?.link as string, { csat: 4, comment: COMMENT })).statusCode).toBe(201);
    expect((await publicView(invitation?.link as string)).statusCode).toBe(410);

    for (const reader of [manager, h.admin]) {
      const answers = (await get(reader, `/api/v1/surveys/${survey.id}/answers`)).json();
      expect(answers.data).toEqual([
        expect.objectContaining({ stakeholderName: 'Named Customer', csat: 4, comment: COMMENT }),
      ]);
      expect((await get(reader, `/api/v1/surveys/${survey.id}/results`)).json()).toMatchObject({
        shown: true,
        answered: 1,
        csat: { average: 4 },
      });
    }
    for (const reader of [agent, viewer, contributor]) {
      const answers = await get(reader, `/api/v1/surveys/${survey.id}/answers`);
      expect(answers.statusCode).toBe(403);
      expect(answers.body).not.toContain(COMMENT);
      // One answer is no aggregate for a reader who may not read it.
      expect((await get(reader, `/api/v1/surveys/${survey.id}/results`)).json()).toMatchObject({
        shown: false,
        answered: null,
        csat: null,
      });
    }
    // Of a named survey, who answered when is no secret to readers of surveys.
    const invitations = (await get(viewer, `/api/v1/surveys/${survey.id}/invitations`)).json();
    expect(invitations.data[0]).toMatchObject({ status: 'answered', answeredAt: expect.any(String) });
  });
});
