import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';

const HOOK_URL = 'http://127.0.0.1:9/hooks?key=receiver-secret-4242';
const COMMENT = 'The account team ignored us';

/** The audit log shows each reader only what they may read: in the list, the CSV export and webhook payloads. */
describe.each(dialects)('audit log privacy on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let viewer: Session;
  let contributor: Session;
  let ip = 0;

  const get = (as: Session, url: string) => as.request({ method: 'GET', url });
  const answer = (link: string, payload: object) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${link.split('/s/')[1]}`,
      payload,
      remoteAddress: `10.9.0.${++ip}`,
      headers: { host: 'localhost:80', origin: 'http://localhost:80' },
    });
  /** A survey of this kind answered by `count` stakeholders, with a low CSAT and a comment. */
  const answeredSurvey = async (anonymity: 'anonymous' | 'named', count = 1) => {
    const survey = (
      await manager.request({
        method: 'POST',
        url: '/api/v1/surveys',
        payload: { kind: 'satisfaction', title: `Audit ${anonymity}`, status: 'open', anonymity },
      })
    ).json();
    const people = await Promise.all(Array.from({ length: count }, () => h.admin.createStakeholder()));
    const sent = await manager.request({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/invitations`,
      payload: { stakeholderIds: people.map((p) => p.id) },
    });
    for (const invitation of sent.json().data)
      expect((await answer(invitation.link, { csat: 1, nps: 2, comment: COMMENT })).statusCode).toBe(201);
    return { survey, people };
  };

  beforeAll(async () => {
    h = await createHarness(dialect, { RAPPORT_WEBHOOKS_ALLOW_PRIVATE: 'true' });
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    viewer = await h.userWith('viewer');
    contributor = await h.userWith('contributor');
  });
  afterAll(() => h.close());

  it('shows a survey answer’s contents only to surveys.answers, and only of a named survey', async () => {
    const named = await answeredSurvey('named');
    const anonymous = await answeredSurvey('anonymous');
    const entriesOf = async (as: Session, surveyId: string) =>
      (await get(as, '/api/v1/audit-log?entity=survey_answer&limit=100'))
        .json()
        .data.filter((e: { after: { surveyId: string } }) => e.after.surveyId === surveyId);

    // A viewer (an auditor) learns that an answer arrived, nothing of it.
    const seen = await get(viewer, '/api/v1/audit-log?entity=survey_answer&limit=100');
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(COMMENT);
    for (const person of [...named.people, ...anonymous.people]) expect(seen.body).not.toContain(person.id);
    expect(await entriesOf(viewer, named.survey.id)).toEqual([
      expect.objectContaining({
        after: { id: expect.any(String), surveyId: named.survey.id, redacted: true },
      }),
    ]);

    // The CSV export is the same list, with the same redaction.
    const csv = await get(viewer, '/api/v1/audit-log/export?entity=survey_answer');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(named.survey.id);
    expect(csv.body).not.toContain(COMMENT);
    expect(csv.body).not.toContain(named.people[0]?.id);

    // A manager reads the named answer whole, the anonymous one not; nor does an administrator.
    expect(await entriesOf(manager, named.survey.id)).toEqual([
      expect.objectContaining({
        after: expect.objectContaining({ csat: 1, comment: COMMENT, stakeholderId: named.people[0]?.id }),
      }),
    ]);
    for (const reader of [manager, h.admin]) {
      const [entry] = await entriesOf(reader, anonymous.survey.id);
      expect(entry.after).toEqual({ id: expect.any(String), surveyId: anonymous.survey.id, redacted: true });
    }
    // An anonymous answer is not even written into the audit log whole.
    const stored = await h.test.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'survey_answer')
      .execute();
    const anonymousRows = stored.filter((row) => row.after?.includes(anonymous.survey.id));
    expect(anonymousRows).toHaveLength(1);
    expect(anonymousRows[0]?.after).not.toContain(COMMENT);

    // Roles without audit.read get nothing at all.
    for (const reader of [agent, contributor]) {
      expect((await get(reader, '/api/v1/audit-log?entity=survey_answer')).statusCode).toBe(403);
      expect((await get(reader, '/api/v1/audit-log/export?entity=survey_answer')).statusCode).toBe(403);
    }
  });

  it('leaves webhooks out for roles without webhooks.manage, and keeps pages full and counts true', async () => {
    const register = await h.admin.request({
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: HOOK_URL, eventTypes: ['stakeholder.created'] },
    });
    expect(register.statusCode, register.body).toBe(201);
    const hook = register.json();
    // Between the webhook's entries, three stakeholders: a reader who may not see webhooks pages through them.
    const made = [];
    for (const name of ['Paged one', 'Paged two', 'Paged three']) {
      made.push(await h.admin.createStakeholder({ name }));
      await h.admin.request({
        method: 'PATCH',
        url: `/api/v1/webhooks/${hook.id}`,
        headers: { 'if-match': `"${made.length}"` },
        payload: { description: `after ${name}` },
      });
    }
    for (const reader of [viewer, manager]) {
      const own = await get(reader, `/api/v1/audit-log?entity=webhook&count=true`);
      expect(own.json()).toMatchObject({ data: [], total: 0 });
      const byId = await get(reader, `/api/v1/audit-log?entityId=${hook.id}`);
      expect(byId.json().data).toEqual([]);
      const all = await get(reader, '/api/v1/audit-log?limit=100');
      expect(all.body).not.toContain('receiver-secret-4242');
      expect(all.body).not.toContain(hook.id);

      // The admin's last six entries hold three about the webhook: the reader's pages of two hold the stakeholders.
      const first = (await get(reader, `/api/v1/audit-log?actorId=${h.admin.user.id}&limit=2`)).json();
      expect(first.data.map((e: { entityId: string }) => e.entityId)).toEqual([made[2]?.id, made[1]?.id]);
      const second = (
        await get(reader, `/api/v1/audit-log?actorId=${h.admin.user.id}&limit=2&cursor=${first.nextCursor}`)
      ).json();
      expect(second.data[0].entityId).toBe(made[0]?.id);
      expect(second.data).toHaveLength(2);
      const counted = (await get(reader, `/api/v1/audit-log?actorId=${h.admin.user.id}&count=true`)).json();
      const adminCounted = (
        await get(h.admin, `/api/v1/audit-log?actorId=${h.admin.user.id}&count=true`)
      ).json();
      expect(counted.total).toBe(adminCounted.total - 4);

      const csv = await get(reader, '/api/v1/audit-log/export');
      expect(csv.statusCode).toBe(200);
      expect(csv.body).not.toContain('receiver-secret-4242');
    }
    // The administrator sees the webhook's entries, its URL, and never its secret.
    const admin = (await get(h.admin, `/api/v1/audit-log?entityId=${hook.id}`)).json();
    expect(admin.data).toHaveLength(4);
    expect(JSON.stringify(admin.data)).toContain('receiver-secret-4242');
    expect(JSON.stringify(admin.data)).not.toContain(hook.secret);
  });

  it('sends webhook payloads of survey answers as a non-administrator reads them', async () => {
    const register = await h.admin.request({
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: HOOK_URL, eventTypes: ['survey_answer.created'] },
    });
    expect(register.statusCode, register.body).toBe(201);
    const { survey, people } = await answeredSurvey('named');
    const deliveries = await h.test.database.db
      .selectFrom('webhook_deliveries')
      .select('payload')
      .where('webhook_id', '=', register.json().id)
      .execute();
    const payloads = deliveries.map((d) => d.payload).filter((p) => p.includes(survey.id));
    expect(payloads).toHaveLength(1);
    expect(JSON.parse(payloads[0] as string).data.after).toEqual({
      id: expect.any(String),
      surveyId: survey.id,
      redacted: true,
    });
    expect(payloads[0]).not.toContain(COMMENT);
    expect(payloads[0]).not.toContain(people[0]?.id);
  });
});
