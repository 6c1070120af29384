import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';
import { PUBLIC_SURVEY_LIMIT_PER_MINUTE } from './public-survey.routes.js';
import { openLowScoreException } from './survey.exceptions.js';

vi.mock('./survey.exceptions.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./survey.exceptions.js')>();
  return { ...actual, openLowScoreException: vi.fn(actual.openLowScoreException) };
});

const PUBLIC_URL = 'https://survey.example.com';
let address = 0;
/** Each test answers from its own client address, so the public rate limit counts only its own requests. */
const nextAddress = () => `10.0.${Math.floor(address / 250)}.${(address++ % 250) + 1}`;

describe.each(dialects)('surveys by link on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let viewer: Session;
  let contributor: Session;
  let ip: string;

  const send = (
    as: Session,
    method: 'POST' | 'PATCH' | 'DELETE',
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
  const get = (as: Session, url: string) => as.request({ method: 'GET', url });
  /** A visitor of the public page: no cookie, no token, a browser's Origin. */
  const anonymous = (method: 'GET' | 'POST', link: string, payload?: object) =>
    h.app.inject({
      method,
      url: `/api/v1/public/surveys/${link.split('/s/')[1] ?? link}`,
      payload,
      remoteAddress: ip,
      headers: { host: 'localhost:80', ...(method === 'POST' && { origin: 'http://localhost:80' }) },
    });

  const createSurvey = async (body: object = {}) => {
    const response = await send(agent, 'POST', '/api/v1/surveys', {
      kind: 'satisfaction',
      title: 'Quarterly satisfaction',
      status: 'open',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const invite = async (surveyId: string, body: object) => {
    const response = await send(agent, 'POST', `/api/v1/surveys/${surveyId}/invitations`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const openRelationship = async (stakeholderId: string) => {
    const response = await send(agent, 'POST', '/api/v1/relationships', {
      stakeholderId,
      ourRole: 'provider',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  beforeAll(async () => {
    h = await createHarness(dialect, { RAPPORT_PUBLIC_URL: `${PUBLIC_URL}/` });
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    viewer = await h.userWith('viewer');
    contributor = await h.userWith('contributor');
  });
  afterAll(() => h.close());
  beforeEach(() => {
    ip = nextAddress();
    vi.mocked(openLowScoreException).mockClear();
  });

  it('creates, edits and archives a survey with its questions, and refuses bad ones writing nothing', async () => {
    const survey = await createSurvey({
      title: 'Onboarding survey',
      status: 'draft',
      intro: 'Five minutes of your time',
      questions: [
        { key: 'best', label: 'What went best?', type: 'text' },
        { key: 'speed', label: 'Speed of answers', type: 'scale_1_5', required: true },
        { key: 'channel', label: 'Preferred channel', type: 'choice', options: ['Phone', 'E-mail'] },
      ],
    });
    expect(survey).toMatchObject({
      kind: 'satisfaction',
      status: 'draft',
      lowScoreThreshold: 2,
      expiresAfterDays: 30,
      locale: null,
      version: 1,
    });
    expect(survey.questions[0]).toEqual({
      key: 'best',
      label: 'What went best?',
      type: 'text',
      options: [],
      required: false,
    });

    const before = await h.count('surveys');
    const bad = await send(agent, 'POST', '/api/v1/surveys', {
      kind: 'poll',
      title: '',
      lowScoreThreshold: 6,
      expiresAfterDays: 0,
      questions: [
        { key: 'Bad Key', label: 'x', type: 'text' },
        { key: 'pick', label: 'Pick', type: 'choice', options: ['Only one'] },
        { key: 'pick', label: 'Again', type: 'text', options: ['no'] },
      ],
      surprise: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual([
      'expiresAfterDays',
      'kind',
      'lowScoreThreshold',
      'questions.0.key',
      'questions.1.options',
      'questions.2.key',
      'questions.2.options',
      'surprise',
      'title',
    ]);
    const closedDraft = await send(agent, 'POST', '/api/v1/surveys', {
      kind: 'climate',
      title: 'x',
      status: 'closed',
    });
    expect(closedDraft.statusCode).toBe(422);
    expect(await h.count('surveys')).toBe(before);

    const noVersion = await send(agent, 'PATCH', `/api/v1/surveys/${survey.id}`, { title: 'Renamed' });
    expect(noVersion.statusCode).toBe(428);
    const renamed = await send(
      agent,
      'PATCH',
      `/api/v1/surveys/${survey.id}`,
      { title: 'Renamed', status: 'open' },
      1,
    );
    expect(renamed.json()).toMatchObject({ title: 'Renamed', status: 'open', version: 2 });
    const stale = await send(agent, 'PATCH', `/api/v1/surveys/${survey.id}`, { title: 'Late' }, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ title: 'Renamed', version: 2 });

    // Once invited, the questions stay as asked and it is not a draft again.
    const someone = await h.admin.createStakeholder();
    await invite(survey.id, { stakeholderIds: [someone.id] });
    const frozen = await send(
      agent,
      'PATCH',
      `/api/v1/surveys/${survey.id}`,
      { questions: [], status: 'draft' },
      2,
    );
    expect(frozen.statusCode).toBe(422);
    expect(frozen.json().errors.map((e: { path: string }) => e.path)).toEqual(['status', 'questions']);

    const archived = await send(agent, 'DELETE', `/api/v1/surveys/${survey.id}`, undefined, 2);
    expect(archived.json().archivedAt).not.toBeNull();
    const listed = (await get(agent, '/api/v1/surveys?archived=only&q=renamed')).json();
    expect(listed.data.map((s: { id: string }) => s.id)).toEqual([survey.id]);
    expect(
      (
        await send(agent, 'POST', `/api/v1/surveys/${survey.id}/invitations`, {
          stakeholderIds: [someone.id],
        })
      ).statusCode,
    ).toBe(422);
  });

  it('keeps roles to their permissions', async () => {
    const survey = await createSurvey();
    const customer = await h.admin.createStakeholder();
    for (const as of [viewer, contributor]) {
      expect((await get(as, `/api/v1/surveys/${survey.id}`)).statusCode).toBe(200);
      expect((await get(as, `/api/v1/surveys/${survey.id}/results`)).statusCode).toBe(200);
      expect((await send(as, 'POST', '/api/v1/surveys', { kind: 'climate', title: 'Mine' })).statusCode).toBe(
        403,
      );
      expect(
        (
          await send(as, 'POST', `/api/v1/surveys/${survey.id}/invitations`, {
            stakeholderIds: [customer.id],
          })
        ).statusCode,
      ).toBe(403);
      expect((await get(as, `/api/v1/surveys/${survey.id}/answers`)).statusCode).toBe(403);
    }
    expect((await get(agent, `/api/v1/surveys/${survey.id}/answers`)).statusCode).toBe(403);
    expect((await get(manager, `/api/v1/surveys/${survey.id}/answers`)).statusCode).toBe(200);
    const signedOut = await h.app.inject({ method: 'GET', url: `/api/v1/surveys/${survey.id}` });
    expect(signedOut.statusCode).toBe(401);
  });

  it('stores only a digest of each token, shows the link once, and a new link replaces the old', async () => {
    const survey = await createSurvey();
    const ada = await h.admin.createStakeholder({ name: 'Ada Lovelace' });
    const grace = await h.admin.createStakeholder({ name: 'Grace Hopper' });
    const created = await invite(survey.id, { stakeholderIds: [ada.id, grace.id, ada.id] });
    expect(created.data).toHaveLength(2);
    expect(created.skipped).toEqual([]);
    const links: string[] = created.data.map((i: { link: string }) => i.link);
    for (const link of links) expect(link).toMatch(/^https:\/\/survey\.example\.com\/s\/[A-Za-z0-9_-]{43}$/);
    const tokens = links.map((link) => link.split('/s/')[1] as string);
    expect(Buffer.from(tokens[0] as string, 'base64url')).toHaveLength(32);

    // Nowhere in the database: not in the invitations, not in the audit log.
    const rows = await h.test.database.db.selectFrom('survey_invitations').selectAll().execute();
    const audit = await h.test.database.db.selectFrom('audit_log').select(['before', 'after']).execute();
    const stored = JSON.stringify([rows, audit]);
    for (const token of tokens) {
      expect(stored).not.toContain(token);
      expect(stored).toContain(createHash('sha256').update(token).digest('hex'));
    }

    // Read later: the invitation without its token.
    const listed = (await get(agent, `/api/v1/surveys/${survey.id}/invitations`)).json();
    expect(listed.data).toHaveLength(2);
    expect(listed.data[0]).not.toHaveProperty('link');
    expect(JSON.stringify(listed)).not.toContain(tokens[0]);
    expect(listed.data.map((i: { status: string }) => i.status)).toEqual(['sent', 'sent']);

    // Inviting again while the first link is valid skips the stakeholder.
    const again = await invite(survey.id, { stakeholderIds: [ada.id] });
    expect(again).toEqual({ data: [], skipped: [{ stakeholderId: ada.id, reason: 'pending_invitation' }] });

    const first = created.data[0];
    const noVersion = await send(
      agent,
      'POST',
      `/api/v1/surveys/${survey.id}/invitations/${first.id}/resend`,
    );
    expect(noVersion.statusCode).toBe(428);
    const resent = await send(
      agent,
      'POST',
      `/api/v1/surveys/${survey.id}/invitations/${first.id}/resend`,
      undefined,
      1,
    );
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json()).toMatchObject({ id: first.id, version: 2, status: 'sent' });
    expect(resent.json().link).not.toBe(first.link);
    expect((await anonymous('GET', first.link)).statusCode).toBe(404);
    expect((await anonymous('GET', resent.json().link)).statusCode).toBe(200);
    const staleResend = await send(
      agent,
      'POST',
      `/api/v1/surveys/${survey.id}/invitations/${first.id}/resend`,
      undefined,
      1,
    );
    expect(staleResend.statusCode).toBe(409);
  });

  it('opens without an account, tells nothing else, stores an answer once and refuses the second', async () => {
    const survey = await createSurvey({
      title: 'How are we doing?',
      intro: 'Thank you for working with us.',
      locale: 'zh-CN',
      questions: [{ key: 'speed', label: 'Speed', type: 'scale_1_5', required: true }],
    });
    const customer = await h.admin.createStakeholder({ name: '王芳', notes: 'secret notes' });
    const relationship = await openRelationship(customer.id);
    const [invitation] = (await invite(survey.id, { relationshipId: relationship.id })).data;
    expect(invitation).toMatchObject({ relationshipId: relationship.id, stakeholderId: customer.id });

    const view = await anonymous('GET', invitation.link);
    expect(view.statusCode).toBe(200);
    expect(Object.keys(view.json()).sort()).toEqual([
      'anonymity',
      'expiresAt',
      'intro',
      'kind',
      'locale',
      'minAnswers',
      'organisation',
      'questions',
      'stakeholderName',
      'title',
    ]);
    expect(view.json()).toMatchObject({
      organisation: 'Rapport',
      stakeholderName: '王芳',
      locale: 'zh-CN',
      anonymity: 'named',
      minAnswers: 5,
    });
    const text = view.body;
    for (const secret of [
      survey.id,
      customer.id,
      relationship.id,
      invitation.id,
      'secret notes',
      agent.user.name,
    ])
      expect(text).not.toContain(secret);

    const answered = await anonymous('POST', invitation.link, {
      csat: 4,
      nps: 9,
      comment: '  Quick and kind.  ',
      answers: { speed: 5 },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json()).toEqual({ status: 'answered', answeredAt: expect.any(String) });

    const second = await anonymous('POST', invitation.link, { csat: 1 });
    expect(second.statusCode).toBe(410);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({
      status: 410,
      type: 'https://rapport.dev/problems/survey-answered',
    });
    expect((await anonymous('GET', invitation.link)).statusCode).toBe(410);
    expect(await h.count('survey_answers')).toBe(1);

    const answers = (await get(manager, `/api/v1/surveys/${survey.id}/answers`)).json();
    expect(answers.data).toEqual([
      expect.objectContaining({
        csat: 4,
        nps: 9,
        comment: 'Quick and kind.',
        answers: { speed: 5 },
        stakeholderName: '王芳',
      }),
    ]);
    const invitations = (await get(agent, `/api/v1/surveys/${survey.id}/invitations?status=answered`)).json();
    expect(invitations.data.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
  });

  it('lets only one of two answers sent at the same moment be stored', async () => {
    const survey = await createSurvey();
    const customer = await h.admin.createStakeholder();
    const [invitation] = (await invite(survey.id, { stakeholderIds: [customer.id] })).data;
    const before = await h.count('survey_answers');
    const results = await Promise.all([
      anonymous('POST', invitation.link, { csat: 5, comment: 'first' }),
      anonymous('POST', invitation.link, { csat: 1, comment: 'second' }),
      anonymous('POST', invitation.link, { csat: 3, comment: 'third' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 410, 410]);
    expect(await h.count('survey_answers')).toBe(before + 1);
  });

  it('answers 404 for unknown links and 410 for expired or closed ones, writing nothing', async () => {
    const survey = await createSurvey();
    const customer = await h.admin.createStakeholder();
    const [expiring, closing] = (
      await invite(survey.id, { stakeholderIds: [customer.id, (await h.admin.createStakeholder()).id] })
    ).data;
    const before = await h.count('survey_answers');

    for (const token of ['nothing-here', 'A'.repeat(43)]) {
      expect((await anonymous('GET', token)).statusCode).toBe(404);
      expect((await anonymous('POST', token, { csat: 3 })).statusCode).toBe(404);
    }
    const unknown = await anonymous('GET', 'B'.repeat(43));
    expect(unknown.json()).toMatchObject({ status: 404, type: 'https://rapport.dev/problems/not-found' });

    await h.test.database.db
      .updateTable('survey_invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expiring.id)
      .execute();
    const expired = await anonymous('POST', expiring.link, { csat: 5 });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().type).toBe('https://rapport.dev/problems/survey-expired');
    expect((await anonymous('GET', expiring.link)).json().type).toBe(
      'https://rapport.dev/problems/survey-expired',
    );
    const listed = (await get(agent, `/api/v1/surveys/${survey.id}/invitations?status=expired`)).json();
    expect(listed.data.map((i: { id: string }) => i.id)).toEqual([expiring.id]);

    const current = (await get(agent, `/api/v1/surveys/${survey.id}`)).json();
    await send(agent, 'PATCH', `/api/v1/surveys/${survey.id}`, { status: 'closed' }, current.version);
    const closed = await anonymous('POST', closing.link, { csat: 5 });
    expect(closed.statusCode).toBe(410);
    expect(closed.json().type).toBe('https://rapport.dev/problems/survey-closed');
    expect(await h.count('survey_answers')).toBe(before);
  });

  it('refuses invalid scores, unknown fields and answers that do not fit the survey, writing nothing', async () => {
    const survey = await createSurvey({
      questions: [
        { key: 'speed', label: 'Speed', type: 'scale_1_5', required: true },
        { key: 'channel', label: 'Channel', type: 'choice', options: ['Phone', 'E-mail'] },
        { key: 'notes', label: 'Notes', type: 'text', required: true },
      ],
    });
    const customer = await h.admin.createStakeholder();
    const [invitation] = (await invite(survey.id, { stakeholderIds: [customer.id] })).data;
    const before = await h.count('survey_answers');
    const audit = await h.count('audit_log');

    const cases: [object, string[]][] = [
      [{ csat: 6, nps: 11 }, ['csat', 'nps']],
      [{ csat: 0, nps: -1 }, ['csat', 'nps']],
      [{ csat: '5', nps: 'ten' }, ['csat', 'nps']],
      [{ csat: 4.5 }, ['csat']],
      [{ csat: 4, surveyId: survey.id, stakeholderId: 'x' }, ['stakeholderId', 'surveyId']],
      [{ csat: 4, comment: 'x'.repeat(2001) }, ['comment']],
    ];
    for (const [payload, paths] of cases) {
      const response = await anonymous('POST', invitation.link, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(
        response
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(paths);
    }
    const unfit = await anonymous('POST', invitation.link, {
      score: 3,
      answers: { speed: 9, channel: 'Fax', ghost: 'boo', notes: '  ' },
    });
    expect(unfit.statusCode).toBe(422);
    expect(unfit.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'csat',
      'score',
      'answers.speed',
      'answers.channel',
      'answers.ghost',
      'answers.notes',
    ]);
    expect(await h.count('survey_answers')).toBe(before);
    expect(await h.count('audit_log')).toBe(audit);
    // The link still works after refused answers.
    const fine = await anonymous('POST', invitation.link, {
      csat: 5,
      answers: { speed: 4, channel: 'Phone', notes: 'ok' },
    });
    expect(fine.statusCode, fine.body).toBe(201);
  });

  it('rate-limits the public routes per client address', async () => {
    const survey = await createSurvey();
    const [invitation] = (
      await invite(survey.id, { stakeholderIds: [(await h.admin.createStakeholder()).id] })
    ).data;
    for (let i = 0; i < PUBLIC_SURVEY_LIMIT_PER_MINUTE; i += 1) {
      expect((await anonymous('GET', invitation.link)).statusCode).toBe(200);
    }
    const limited = await anonymous('GET', invitation.link);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429 });
    ip = nextAddress();
    expect((await anonymous('GET', invitation.link)).statusCode).toBe(200);
  });

  it('computes results by hand-checked maths, per relationship, group and period', async () => {
    // k = 3; the maths is read by a manager, who may read each answer of this named survey anyway.
    const survey = await createSurvey({ title: 'Results maths', minAnswers: 3 });
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => h.admin.createStakeholder()));
    const group = (
      await send(h.admin, 'POST', '/api/v1/stakeholder-groups', { name: `Results ${dialect}` })
    ).json();
    await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [people[0]?.id, people[3]?.id],
    });
    const relationship = await openRelationship(people[0]?.id as string);
    const [viaRelationship] = (await invite(survey.id, { relationshipId: relationship.id })).data;
    const others = (await invite(survey.id, { stakeholderIds: people.slice(1).map((p) => p.id) })).data;
    const links = [viaRelationship.link, ...others.map((i: { link: string }) => i.link)];
    // (csat, nps): (5, 10) promoter, (4, 9) promoter, (2, 7) passive, (1, 0) detractor; the fifth never answers.
    const given = [
      { csat: 5, nps: 10 },
      { csat: 4, nps: 9 },
      { csat: 2, nps: 7 },
      { csat: 1, nps: 0 },
    ];
    for (const [index, answer] of given.entries()) {
      expect((await anonymous('POST', links[index] as string, answer)).statusCode).toBe(201);
    }

    const all = (await get(viewer, `/api/v1/surveys/${survey.id}/results`)).json();
    expect(all).toEqual({
      surveyId: survey.id,
      shown: true,
      minAnswers: 3,
      invited: 5,
      answered: 4,
      responseRate: 80,
      csat: { average: 3, count: 4, distribution: [1, 1, 0, 1, 1] },
      // (2 promoters − 1 detractor) ÷ 4 answers = 25
      nps: { score: 25, count: 4, promoters: 2, passives: 1, detractors: 1 },
      // No climate answer: no figure (each figure needs k answers of its own).
      climate: null,
    });

    // Group: people 0 (5, 10) and 3 (1, 0): CSAT 3, NPS (1 − 1) ÷ 2 = 0.
    const grouped = (await get(manager, `/api/v1/surveys/${survey.id}/results?groupId=${group.id}`)).json();
    expect(grouped).toMatchObject({
      invited: 2,
      answered: 2,
      responseRate: 100,
      csat: { average: 3 },
      nps: { score: 0, promoters: 1, detractors: 1 },
    });

    // A viewer sees neither figures nor the number of answers of a slice of fewer than k answers.
    expect(
      (await get(viewer, `/api/v1/surveys/${survey.id}/results?groupId=${group.id}`)).json(),
    ).toMatchObject({ invited: 2, shown: false, answered: null, responseRate: null, csat: null, nps: null });
    const ofRelationship = (
      await get(manager, `/api/v1/surveys/${survey.id}/results?relationshipId=${relationship.id}`)
    ).json();
    expect(ofRelationship).toMatchObject({
      invited: 1,
      answered: 1,
      csat: { average: 5 },
      nps: { score: 100 },
    });

    const future = (await get(manager, `/api/v1/surveys/${survey.id}/results?from=2999-01-01`)).json();
    expect(future).toMatchObject({
      invited: 0,
      answered: 0,
      responseRate: null,
      csat: { average: null },
      nps: { score: null },
    });
    const todayOnly = new Date().toISOString().slice(0, 10);
    expect(
      (await get(viewer, `/api/v1/surveys/${survey.id}/results?from=${todayOnly}&to=${todayOnly}`)).json()
        .invited,
    ).toBe(5);
    const backwards = await get(viewer, `/api/v1/surveys/${survey.id}/results?from=2026-02-01&to=2026-01-01`);
    expect(backwards.statusCode).toBe(400);

    // A thirds rate: 1 of 3 invited answered → 33.3.
    const small = await createSurvey({ title: 'Thirds' });
    const three = await Promise.all([1, 2, 3].map(() => h.admin.createStakeholder()));
    const invited = (await invite(small.id, { stakeholderIds: three.map((p) => p.id) })).data;
    await anonymous('POST', invited[0].link, { csat: 4 });
    const thirds = (await get(manager, `/api/v1/surveys/${small.id}/results`)).json();
    expect(thirds).toMatchObject({
      responseRate: 33.3,
      csat: { average: 4, count: 1 },
      nps: { score: null, count: 0 },
    });
  });

  it('sends climate surveys to internal stakeholders only, with a score and no NPS', async () => {
    const survey = await createSurvey({ kind: 'climate', title: 'Team climate' });
    const colleague = await h.admin.createStakeholder({ scope: 'internal', category: 'team_member' });
    const customer = await h.admin.createStakeholder({ name: 'External Ltd' });
    const refused = await send(agent, 'POST', `/api/v1/surveys/${survey.id}/invitations`, {
      stakeholderIds: [colleague.id, customer.id],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].message).toContain('External Ltd');
    const [invitation] = (await invite(survey.id, { stakeholderIds: [colleague.id] })).data;
    expect((await anonymous('GET', invitation.link)).json().kind).toBe('climate');
    const withNps = await anonymous('POST', invitation.link, { score: 4, nps: 9 });
    expect(withNps.statusCode).toBe(422);
    expect((await anonymous('POST', invitation.link, { score: 4, comment: 'Good' })).statusCode).toBe(201);
    // Anonymous by default: one answer is no aggregate, for anyone.
    expect(survey.anonymity).toBe('anonymous');
    for (const reader of [viewer, manager, h.admin]) {
      const results = (await get(reader, `/api/v1/surveys/${survey.id}/results`)).json();
      expect(results).toMatchObject({ shown: false, answered: null, climate: null, csat: null, nps: null });
    }
  });

  it('refuses invitations naming nothing, several things or unknown records', async () => {
    const survey = await createSurvey();
    const draft = await createSurvey({ status: 'draft' });
    const someone = await h.admin.createStakeholder();
    const before = await h.count('survey_invitations');
    const none = await send(agent, 'POST', `/api/v1/surveys/${survey.id}/invitations`, {});
    expect(none.statusCode).toBe(400);
    const both = await send(agent, 'POST', `/api/v1/surveys/${survey.id}/invitations`, {
      stakeholderIds: [someone.id],
      groupId: 'g',
    });
    expect(both.statusCode).toBe(400);
    const unknown = await send(agent, 'POST', `/api/v1/surveys/${survey.id}/invitations`, {
      stakeholderIds: [someone.id, 'ghost'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([{ path: 'stakeholderIds.1', message: expect.any(String) }]);
    const noGroup = await send(agent, 'POST', `/api/v1/surveys/${survey.id}/invitations`, {
      groupId: 'ghost',
    });
    expect(noGroup.json().errors.map((e: { path: string }) => e.path)).toEqual(['groupId']);
    const noRelationship = await send(agent, 'POST', `/api/v1/surveys/${survey.id}/invitations`, {
      relationshipId: 'ghost',
    });
    expect(noRelationship.json().errors.map((e: { path: string }) => e.path)).toEqual(['relationshipId']);
    const notOpen = await send(agent, 'POST', `/api/v1/surveys/${draft.id}/invitations`, {
      stakeholderIds: [someone.id],
    });
    expect(notOpen.statusCode).toBe(422);
    const noSurvey = await send(agent, 'POST', '/api/v1/surveys/ghost/invitations', {
      stakeholderIds: [someone.id],
    });
    expect(noSurvey.statusCode).toBe(404);
    expect(await h.count('survey_invitations')).toBe(before);

    const group = (
      await send(h.admin, 'POST', '/api/v1/stakeholder-groups', { name: `Invite group ${dialect}` })
    ).json();
    const members = await Promise.all([1, 2, 3].map(() => h.admin.createStakeholder()));
    await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: members.map((m) => m.id),
    });
    const sent = await invite(survey.id, { groupId: group.id });
    expect(sent.data).toHaveLength(3);
    expect(sent.data.every((i: { groupId: string }) => i.groupId === group.id)).toBe(true);
  });

  it('runs the low-score hook at or below the threshold, in the answer’s transaction', async () => {
    const survey = await createSurvey({ lowScoreThreshold: 2 });
    const never = await createSurvey({ lowScoreThreshold: null });
    const customer = await h.admin.createStakeholder();
    const relationship = await openRelationship(customer.id);
    const [low] = (await invite(survey.id, { relationshipId: relationship.id })).data;
    const others = (
      await invite(survey.id, {
        stakeholderIds: [(await h.admin.createStakeholder()).id, (await h.admin.createStakeholder()).id],
      })
    ).data;
    const [ignored] = (await invite(never.id, { stakeholderIds: [customer.id] })).data;

    await anonymous('POST', low.link, { csat: 1, comment: 'Nobody called back' });
    await anonymous('POST', others[0].link, { csat: 2 });
    await anonymous('POST', others[1].link, { csat: 3 });
    await anonymous('POST', ignored.link, { csat: 1 });
    const calls = vi.mocked(openLowScoreException).mock.calls.map(([, lowScore]) => lowScore);
    expect(calls).toEqual([
      expect.objectContaining({
        relationshipId: relationship.id,
        anonymous: false,
        rating: 1,
        severity: 'severe',
      }),
      expect.objectContaining({
        relationshipId: null,
        stakeholderId: others[0].stakeholderId,
        rating: 2,
        severity: 'moderate',
      }),
    ]);

    // The complaints it opened: on the relationship (severe at 1), or on the stakeholder alone (moderate at 2).
    const db = h.test.database.db;
    const onRelationship = await db
      .selectFrom('exceptions')
      .selectAll()
      .where('relationship_id', '=', relationship.id)
      .execute();
    expect(onRelationship).toEqual([
      expect.objectContaining({ type: 'complaint', severity: 'severe', status: 'open', reported_by: null }),
    ]);
    // Exceptions are read by every role: the comment stays with the answers, for roles with surveys.answers.
    expect(onRelationship[0]?.description).not.toContain('Nobody called back');
    const onStakeholder = await db
      .selectFrom('exception_stakeholders')
      .innerJoin('exceptions', 'exceptions.id', 'exception_stakeholders.exception_id')
      .select(['exceptions.severity', 'exceptions.relationship_id'])
      .where('exception_stakeholders.stakeholder_id', '=', others[0].stakeholderId)
      .execute();
    expect(onStakeholder).toEqual([{ severity: 'moderate', relationship_id: null }]);
    const exceptionsOf = (id: string) =>
      db
        .selectFrom('exception_stakeholders')
        .select('exception_id')
        .where('stakeholder_id', '=', id)
        .execute();
    expect(await exceptionsOf(others[1].stakeholderId)).toEqual([]);
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', onRelationship[0]?.id as string)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', entity: 'exception', actor_id: null }),
    ]);
    const read = (await get(viewer, `/api/v1/relationships/${relationship.id}`)).json();
    expect(read.health.reasons.find((r: { component: string }) => r.component === 'exceptions').value).toBe(
      1,
    );

    // A failing hook undoes the answer: the link can still be answered.
    const [retry] = (await invite(survey.id, { stakeholderIds: [(await h.admin.createStakeholder()).id] }))
      .data;
    vi.mocked(openLowScoreException).mockRejectedValueOnce(new Error('exceptions down'));
    const before = await h.count('survey_answers');
    expect((await anonymous('POST', retry.link, { csat: 1 })).statusCode).toBe(500);
    expect(await h.count('survey_answers')).toBe(before);
    expect((await anonymous('POST', retry.link, { csat: 1 })).statusCode).toBe(201);
  });

  it('feeds the satisfaction health signal and shows the stakeholder’s own view beside ours', async () => {
    const customer = await h.admin.createStakeholder({ name: 'Two-sided Ltd' });
    const relationship = await openRelationship(customer.id);
    const empty = (await get(viewer, `/api/v1/relationships/${relationship.id}/satisfaction`)).json();
    expect(empty).toMatchObject({ invited: 0, stakeholderRating: null, ratingGap: null });
    const satisfactionReason = (r: { health: { reasons: { component: string }[] } }) =>
      r.health.reasons.find((reason) => reason.component === 'satisfaction');
    expect(satisfactionReason(relationship)).toMatchObject({ score: null, value: null });

    const surveys = await Promise.all(
      ['Health one', 'Health two', 'Health three'].map((title) => createSurvey({ title, minAnswers: 3 })),
    );
    const links = [];
    for (const survey of surveys)
      links.push((await invite(survey.id, { relationshipId: relationship.id })).data[0].link);
    await anonymous('POST', links[0], { csat: 5, nps: 10 });
    await anonymous('POST', links[1], { csat: 2, nps: 5 });

    // Two answers of one stakeholder are no aggregate of three: health leaves the signal out, a viewer sees
    // no rating, and the manager (who may read each answer of these named surveys) sees it.
    const early = (await get(viewer, `/api/v1/relationships/${relationship.id}`)).json();
    expect(satisfactionReason(early)).toMatchObject({ score: null, value: null });
    expect((await get(viewer, `/api/v1/relationships/${relationship.id}/satisfaction`)).json()).toMatchObject(
      { shown: false, answered: null, csat: null, stakeholderRating: null, ratingGap: null },
    );
    expect(
      (await get(manager, `/api/v1/relationships/${relationship.id}/satisfaction`)).json(),
    ).toMatchObject({ shown: true, answered: 2, stakeholderRating: { csat: 3.5, answers: 2 } });

    await anonymous('POST', links[2], { csat: 5, nps: 10 });
    // Average CSAT (5 + 2 + 5) ÷ 3 = 4 → (4 − 1) ÷ 4 × 100 = 75.
    const read = (await get(viewer, `/api/v1/relationships/${relationship.id}`)).json();
    expect(satisfactionReason(read)).toMatchObject({ score: 75, value: 4 });
    const listed = (await get(viewer, `/api/v1/relationships?q=two-sided`)).json();
    expect(satisfactionReason(listed.data[0])).toMatchObject({ score: 75, value: 4 });

    const view = (await get(viewer, `/api/v1/relationships/${relationship.id}/satisfaction`)).json();
    expect(view).toMatchObject({
      relationshipId: relationship.id,
      shown: true,
      minAnswers: 3,
      invited: 3,
      answered: 3,
      responseRate: 100,
      csat: { average: 4 },
      // (2 promoters − 1 detractor) ÷ 3 = 33.3
      nps: { score: 33.3, promoters: 2, detractors: 1 },
      // The time of the latest answer would date one person's answer: only for readers of each answer.
      stakeholderRating: { csat: 4, score: 75, nps: 33.3, answers: 3, at: null },
    });
    expect(
      (await get(manager, `/api/v1/relationships/${relationship.id}/satisfaction`)).json().stakeholderRating,
    ).toMatchObject({ answers: 3, at: expect.any(String) });
    expect(view.health.score).toBe(read.health.score);
    expect(view.ratingGap).toBe(75 - read.health.score);

    // Answers older than 365 days leave the signal.
    await h.test.database.db
      .updateTable('survey_answers')
      .set({ answered_at: '2020-01-01T00:00:00.000Z' })
      .where('relationship_id', '=', relationship.id)
      .execute();
    const old = (await get(viewer, `/api/v1/relationships/${relationship.id}`)).json();
    expect(satisfactionReason(old)).toMatchObject({ score: null });
    expect(
      (await get(viewer, `/api/v1/relationships/${relationship.id}/satisfaction`)).json().stakeholderRating,
    ).toBeNull();
    expect((await get(viewer, '/api/v1/relationships/ghost/satisfaction')).statusCode).toBe(404);
  });
});
