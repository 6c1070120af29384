import net, { type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';
import { type Config, loadConfig } from '../../config.js';
import { type RunnerOptions, runDueJobs } from '../jobs/jobs.js';
import { scanDueItems } from './notification.jobs.js';

const communality = {
  controlTrust: 3,
  exchangeCommunal: 3,
  protectiveDisclosing: 3,
  processExperimental: 3,
  isolationSharing: 3,
};

/** A real SMTP server on loopback that keeps every message it receives, parsed. */
async function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A loopback port where nothing listens: connections are refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(dialects)('notifications on %s', (dialect) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let config: Config;
  let manager: Session;
  let agent: Session;
  let contributor: Session;
  let customer: { id: string };
  let modelId: string;
  let groupId: string;

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
  const run = (overrides: Partial<RunnerOptions> = {}) =>
    runDueJobs({ db: h.test.database.db, config, registeredPeriodic: false, ...overrides });
  const raise = async (as: Session, body: object) => {
    const response = await send(as, 'POST', '/api/v1/exceptions', {
      stakeholderIds: [customer.id],
      description: 'What happened.',
      type: 'complaint',
      severity: 'moderate',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const inbox = (as: Session, query = '') => get(as, `/api/v1/me/notifications${query}`);
  const setLocale = (as: Session, locale: string) =>
    h.test.database.db.updateTable('users').set({ locale }).where('id', '=', as.user.id).execute();
  const mailsTo = (as: Session) =>
    smtp.received.filter((mail) =>
      (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.text.includes(as.user.email)),
    );

  beforeAll(async () => {
    smtp = await startSmtp();
    const env = {
      LOG_LEVEL: 'silent',
      RAPPORT_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      RAPPORT_MAIL_FROM: 'Rapport <rapport@example.com>',
      RAPPORT_PUBLIC_URL: 'https://rapport.example.com',
    };
    h = await createHarness(dialect, env);
    config = loadConfig({ ...env, RAPPORT_WEB_DIST: '/nonexistent' });
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    contributor = await h.userWith('contributor');
    customer = await h.admin.createStakeholder({ name: 'Contoso' });
    const group = (await send(h.admin, 'POST', '/api/v1/stakeholder-groups', { name: 'Customers' })).json();
    groupId = group.id;
    await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [customer.id],
    });
    const model = (
      await send(manager, 'POST', '/api/v1/relationship-models', {
        name: 'Partnership',
        groupIds: [group.id],
        relationshipType: 'cooperative',
        communality,
        steps: [{ key: 'engage', name: 'Engage' }],
      })
    ).json();
    modelId = model.id;
    await send(manager, 'POST', `/api/v1/relationship-models/${modelId}/propose`, {}, 1);
    expect(
      (await send(manager, 'POST', `/api/v1/relationship-models/${modelId}/agree`, {}, 2)).statusCode,
    ).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    // Each test starts from an empty queue and inbox.
    await run();
    await h.test.database.db.deleteFrom('notifications').execute();
    await h.test.database.db.deleteFrom('jobs').execute();
    await h.test.database.db.updateTable('users').set({ locale: 'en' }).execute();
    smtp.received.length = 0;
  });

  it('tells the owner of an assigned and then escalated exception, in the app and by e-mail in their language', async () => {
    await setLocale(agent, 'zh-CN');
    const exception = await raise(contributor, { title: 'Invoice dispute', ownerId: agent.user.id });
    // The change committed with its job; nothing is sent inside the request.
    expect(await h.count('notifications')).toBe(0);
    await run();
    const escalated = await send(
      manager,
      'POST',
      `/api/v1/exceptions/${exception.id}/transitions`,
      { to: 'escalated' },
      1,
    );
    expect(escalated.statusCode, escalated.body).toBe(200);
    await run();

    const page = await inbox(agent, '?count=true');
    expect(page.total).toBe(2);
    expect(page.data.map((n: { kind: string }) => n.kind)).toEqual([
      'exception_escalated',
      'exception_assigned',
    ]);
    expect(page.data[0]).toMatchObject({
      title: '例外已升级：Invoice dispute',
      link: `/exceptions/${exception.id}`,
      entity: 'exception',
      entityId: exception.id,
      readAt: null,
      emailStatus: 'sent',
    });
    // The one who escalated is not told of it; the reporter is not the owner.
    expect((await inbox(manager)).data).toEqual([]);
    expect((await inbox(contributor)).data).toEqual([]);

    const mails = mailsTo(agent);
    expect(mails).toHaveLength(2);
    const mail = mails.find((m) => m.subject?.includes('升级'));
    expect(mail?.subject).toBe('例外已升级：Invoice dispute');
    expect(mail?.text).toContain('例外“Invoice dispute”已被升级。');
    expect(mail?.text).toContain(`https://rapport.example.com/exceptions/${exception.id}`);
    expect(mail?.html).toContain('在 Rapport 中打开');
    expect(mail?.from?.text).toContain('rapport@example.com');
  });

  it('tells those who may agree when a model is proposed, each in their own language', async () => {
    const second = await h.userWith('relationship_manager');
    await setLocale(second, 'zh-CN');
    const draft = (
      await send(agent, 'POST', '/api/v1/relationship-models', {
        name: 'Key accounts',
        groupIds: [groupId],
        relationshipType: 'cooperative',
        communality,
        steps: [{ key: 'engage', name: 'Engage' }],
      })
    ).json();
    const proposed = await send(agent, 'POST', `/api/v1/relationship-models/${draft.id}/propose`, {}, 1);
    expect(proposed.statusCode, proposed.body).toBe(200);
    await run();
    const [adminNote] = (await inbox(h.admin)).data;
    expect(adminNote).toMatchObject({
      kind: 'agreement_proposed',
      title: 'Proposed for agreement: Key accounts',
      link: `/approach/models/${draft.id}`,
    });
    expect((await inbox(second)).data[0].title).toBe('提请商定：Key accounts');
    expect((await inbox(manager)).data[0].kind).toBe('agreement_proposed');
    // An agent may not agree, so the proposer is not asked.
    expect((await inbox(agent)).data).toEqual([]);
    // By e-mail too (on by default for agreement): admin, both managers.
    expect(smtp.received).toHaveLength(3);
  });

  it('scans due reviews and overdue contacts once per item per day, however often it runs', async () => {
    const opened = await send(h.admin, 'POST', '/api/v1/relationships', {
      stakeholderId: customer.id,
      ourRole: 'provider',
      modelId,
      managerId: manager.user.id,
      agentId: agent.user.id,
      startedOn: '2026-01-05',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const relationship = opened.json();
    const logged = await send(agent, 'POST', '/api/v1/interactions', {
      relationshipId: relationship.id,
      kind: 'call',
      occurredAt: '2026-11-01T10:00:00Z',
      summary: 'Check-in',
      sentiment: 0,
      followUps: [{ text: 'Send the price list', ownerId: agent.user.id, dueOn: '2026-11-26' }],
    });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(relationship.id).toBeDefined();
    const now = new Date('2026-11-27T15:00:00.000Z');
    await h.test.database.db
      .updateTable('relationships')
      .set({ next_review_on: '2026-11-27', next_contact_on: '2026-11-20' })
      .where('id', '=', relationship.id)
      .execute();
    const context = { db: h.test.database.db, config, now };
    expect(await scanDueItems(context)).toBe(5);
    expect(await scanDueItems(context)).toBe(0);
    expect(await scanDueItems({ ...context, now: new Date('2026-11-27T16:00:00.000Z') })).toBe(0);
    const kinds = (await inbox(manager)).data.map((n: { kind: string }) => n.kind).sort();
    expect(kinds).toEqual(['contact_overdue', 'review_due']);
    const agentNotes = (await inbox(agent)).data;
    expect(agentNotes.map((n: { kind: string }) => n.kind).sort()).toEqual([
      'contact_overdue',
      'follow_up_due',
      'review_due',
    ]);
    expect(agentNotes.find((n: { kind: string }) => n.kind === 'follow_up_due')).toMatchObject({
      title: 'Follow-up due: Send the price list',
      link: `/relationships/${relationship.id}`,
    });
    // The next day it is due again (and now the review is overdue).
    expect(await scanDueItems({ ...context, now: new Date('2026-11-28T09:00:00.000Z') })).toBe(5);
    expect((await inbox(manager)).data.map((n: { kind: string }) => n.kind)).toContain('review_overdue');

    // The hourly task through the runner: once across runs in the same hour.
    const hourly = { periodic: [{ name: 'notifications.due-scan', every: 'hour' as const }], now: () => now };
    await run(hourly);
    await run(hourly);
    const runs = await h.test.database.db
      .selectFrom('scheduled_runs')
      .selectAll()
      .where('name', '=', 'notifications.due-scan')
      .execute();
    expect(runs.map((r) => r.period_key)).toEqual(['2026-11-27T15']);
    await h.test.database.db
      .updateTable('relationships')
      .set({ next_review_on: null, next_contact_on: null })
      .execute();
  });

  it('tells the relationship manager of a low survey score once, as a low score rather than an assignment', async () => {
    const opened = await send(h.admin, 'POST', '/api/v1/relationships', {
      stakeholderId: (await h.admin.createStakeholder()).id,
      ourRole: 'provider',
      managerId: manager.user.id,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const survey = await send(agent, 'POST', '/api/v1/surveys', {
      kind: 'satisfaction',
      title: 'Quarterly satisfaction',
      status: 'open',
      lowScoreThreshold: 2,
    });
    expect(survey.statusCode, survey.body).toBe(201);
    const invited = await send(agent, 'POST', `/api/v1/surveys/${survey.json().id}/invitations`, {
      relationshipId: opened.json().id,
    });
    const link: string = invited.json().data[0].link;
    const answered = await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${link.split('/s/')[1]}`,
      payload: { csat: 1, comment: 'Nobody called back' },
      remoteAddress: '10.9.9.9',
      headers: { host: 'localhost:80', origin: 'http://localhost:80' },
    });
    expect(answered.statusCode, answered.body).toBeLessThan(300);
    await run();
    const notes = (await inbox(manager)).data;
    expect(notes.map((n: { kind: string }) => n.kind)).toEqual(['survey_low_score']);
    expect(notes[0].title).toBe('Complaint from a survey: Low survey score (1/5): Quarterly satisfaction');
    expect(notes[0].link).toMatch(/^\/exceptions\//);
  });

  it('keeps the notification when the SMTP server is down: the request succeeds, the e-mail is retried, failure shows', async () => {
    const down = loadConfig({
      LOG_LEVEL: 'silent',
      RAPPORT_SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
    });
    const exception = await raise(contributor, { title: 'Late delivery', ownerId: agent.user.id });
    // The runner's clock a moment ahead, so the e-mail job enqueued during the pass is due in it too.
    let clock = new Date(Date.now() + 5_000);
    await run({ config: down, now: () => clock });
    const [job] = await h.test.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'notifications.email')
      .execute();
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job?.last_error).toMatch(/ECONNREFUSED|connect/i);
    const [note] = (await inbox(agent)).data;
    expect(note).toMatchObject({ kind: 'exception_assigned', emailStatus: 'queued', emailedAt: null });
    expect(note.emailError).toMatch(/ECONNREFUSED|connect/i);
    // Users keep working while the server is down.
    const moved = await send(
      manager,
      'POST',
      `/api/v1/exceptions/${exception.id}/transitions`,
      { to: 'in_mediation' },
      1,
    );
    expect(moved.statusCode).toBe(200);

    // The server is back: the retry (after its backoff) delivers it.
    clock = new Date(clock.getTime() + 61_000);
    await run({ now: () => clock });
    const [retried] = (await inbox(agent)).data;
    expect(retried).toMatchObject({ emailStatus: 'sent', emailError: null });
    expect(mailsTo(agent).map((m) => m.subject)).toEqual(['Exception assigned to you: Late delivery']);

    // Down for good: after the last attempt both the job and the notification say failed.
    await raise(contributor, { title: 'Broken promise', ownerId: agent.user.id });
    await run({ config: down, retry: { maxAttempts: 1 } });
    const failed = await h.admin.request({
      method: 'GET',
      url: '/api/v1/admin/jobs?status=failed&kind=notifications.email',
    });
    expect(failed.json().data).toHaveLength(1);
    expect((await inbox(agent)).data[0]).toMatchObject({
      emailStatus: 'failed',
      title: 'Exception assigned to you: Broken promise',
    });
  });

  it('sends a daily digest once a day, with every waiting notification, to those who want one', async () => {
    await setLocale(manager, 'zh-CN');
    const settings = await get(manager, '/api/v1/me/notification-preferences');
    const saved = await send(
      manager,
      'PUT',
      '/api/v1/me/notification-preferences',
      { digest: 'daily', preferences: [{ kind: 'exception_assigned', inApp: true, email: true }] },
      settings.version,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    await raise(contributor, { title: 'First', ownerId: manager.user.id });
    await raise(contributor, { title: 'Second', ownerId: manager.user.id });
    await run();
    expect(mailsTo(manager)).toHaveLength(0);
    expect((await inbox(manager)).data.map((n: { emailStatus: string }) => n.emailStatus)).toEqual([
      'digest',
      'digest',
    ]);

    const digest = { periodic: [{ name: 'notifications.digest', every: 'day' as const }] };
    await run(digest);
    await run(digest);
    const mails = mailsTo(manager);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Rapport：今日 2 条通知');
    expect(mails[0]?.text).toContain('指派给你的例外：First');
    expect(mails[0]?.text).toContain('指派给你的例外：Second');
    expect((await inbox(manager)).data.every((n: { emailStatus: string }) => n.emailStatus === 'sent')).toBe(
      true,
    );

    await send(
      manager,
      'PUT',
      '/api/v1/me/notification-preferences',
      { digest: 'immediate', preferences: [] },
      settings.version + 1,
    );
  });

  it('lists, counts and marks read only your own notifications', async () => {
    await raise(contributor, { title: 'One', ownerId: agent.user.id });
    await raise(contributor, { title: 'Two', ownerId: agent.user.id });
    await raise(contributor, { title: 'Three', ownerId: agent.user.id });
    await run();
    expect((await inbox(agent, '?unread=true&count=true')).total).toBe(3);
    const firstPage = await inbox(agent, '?limit=2');
    expect(firstPage.data).toHaveLength(2);
    const secondPage = await inbox(agent, `?limit=2&cursor=${firstPage.nextCursor}`);
    expect(secondPage.data.map((n: { title: string }) => n.title)).toEqual([
      'Exception assigned to you: One',
    ]);

    const id = firstPage.data[0].id;
    expect((await send(manager, 'POST', `/api/v1/me/notifications/${id}/read`)).statusCode).toBe(404);
    const read = await send(agent, 'POST', `/api/v1/me/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await inbox(agent, '?unread=true&count=true')).total).toBe(2);
    expect((await send(agent, 'POST', '/api/v1/me/notifications/not-an-id/read')).statusCode).toBe(404);
    expect((await send(agent, 'POST', '/api/v1/me/notifications/read-all')).json()).toEqual({ updated: 2 });
    expect((await inbox(agent, '?unread=true&count=true')).total).toBe(0);
    expect(
      (await agent.request({ method: 'GET', url: '/api/v1/me/notifications?unread=maybe' })).statusCode,
    ).toBe(400);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me/notifications' })).statusCode).toBe(401);
  });

  it('keeps preferences per user with defaults, versions and validation, and honours them', async () => {
    const viewer = await h.userWith('viewer');
    const defaults = await get(viewer, '/api/v1/me/notification-preferences');
    expect(defaults).toMatchObject({ digest: 'immediate', emailEnabled: true, version: 1 });
    expect(defaults.preferences).toHaveLength(8);
    expect(defaults.preferences.find((p: { kind: string }) => p.kind === 'exception_escalated')).toEqual({
      kind: 'exception_escalated',
      inApp: true,
      email: true,
    });
    expect(defaults.preferences.find((p: { kind: string }) => p.kind === 'contact_overdue').email).toBe(
      false,
    );

    const url = '/api/v1/me/notification-preferences';
    const body = {
      digest: 'immediate',
      preferences: [{ kind: 'exception_assigned', inApp: false, email: false }],
    };
    expect((await send(viewer, 'PUT', url, body)).statusCode).toBe(428);
    const bad = await send(
      viewer,
      'PUT',
      url,
      {
        digest: 'weekly',
        preferences: [{ kind: 'nope', inApp: 'yes', email: true }],
        extra: 1,
      },
      1,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.length).toBeGreaterThanOrEqual(3);
    const twice = await send(
      viewer,
      'PUT',
      url,
      { ...body, preferences: [...body.preferences, ...body.preferences] },
      1,
    );
    expect(twice.statusCode).toBe(400);
    const viewerRows = await h.test.database.db
      .selectFrom('notification_preferences')
      .selectAll()
      .where('user_id', '=', viewer.user.id)
      .execute();
    expect(viewerRows).toEqual([]);

    // The agent turns exception_assigned off entirely: no notification at all.
    const agentSettings = await get(agent, url);
    const off = await send(agent, 'PUT', url, body, agentSettings.version);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().version).toBe(agentSettings.version + 1);
    const stale = await send(agent, 'PUT', url, { ...body, digest: 'daily' }, agentSettings.version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.digest).toBe('immediate');
    await raise(contributor, { title: 'Unwanted', ownerId: agent.user.id });
    await run();
    expect((await inbox(agent)).data).toEqual([]);
    expect(smtp.received).toHaveLength(0);
    await send(
      agent,
      'PUT',
      url,
      { digest: 'immediate', preferences: [{ kind: 'exception_assigned', inApp: true, email: true }] },
      agentSettings.version + 1,
    );
  });
});
