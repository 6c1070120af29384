import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';
import { type AuditInput, recordAuditMany } from '../audit/audit.repository.js';
import { runDueJobs } from '../jobs/jobs.js';
import { webhookDeliveries } from '../operations/metrics.js';
import { webhookJobHandlers } from './webhook.delivery.js';
import { createWebhookService } from './webhook.service.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on loopback: it answers with the queued status codes (then 200) and keeps what came. */
async function startReceiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const state = { location: 'http://127.0.0.1:9/elsewhere' };
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = answers.shift() ?? 200;
      if (response.statusCode >= 300 && response.statusCode < 400)
        response.setHeader('location', state.location);
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    answers,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on. */
async function deadUrl() {
  const receiver = await startReceiver();
  await receiver.close();
  return receiver.url;
}

const verify = (secret: string, message: Received) => {
  const timestamp = String(message.headers['x-rapport-timestamp']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${message.body}`).digest('hex')}`;
  return message.headers['x-rapport-signature'] === expected;
};

describe.each(dialects)('webhooks on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const later = (ms: number) => new Date(Date.now() + ms);
  const runJobs = (at?: Date) =>
    runDueJobs({
      db: h.test.database.db,
      handlers: webhookJobHandlers({ allowPrivate: true, timeoutMs: 2_000 }),
      registeredPeriodic: false,
      ...(at && { now: () => at }),
    });
  const register = async (body: object) => {
    const response = await h.admin.request({ method: 'POST', url: '/api/v1/webhooks', payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const deliveriesOf = async (id: string, query = '') => {
    const response = await h.admin.request({
      method: 'GET',
      url: `/api/v1/webhooks/${id}/deliveries${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data;
  };
  const archiveAll = async () => {
    const list = (await h.admin.request({ method: 'GET', url: '/api/v1/webhooks' })).json().data;
    for (const hook of list) {
      await h.admin.request({
        method: 'DELETE',
        url: `/api/v1/webhooks/${hook.id}`,
        headers: { 'if-match': `"${hook.version}"` },
      });
    }
  };

  beforeAll(async () => {
    h = await createHarness(dialect, { RAPPORT_WEBHOOKS_ALLOW_PRIVATE: 'true' });
    manager = await h.userWith('relationship_manager');
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await h.close();
  });
  beforeEach(async () => {
    await archiveAll();
    await runJobs(later(48 * 3_600_000));
    receiver.received.length = 0;
    receiver.answers.length = 0;
  });

  it('delivers a created stakeholder to a loopback receiver, signed with the secret', async () => {
    const hook = await register({
      url: receiver.url,
      eventTypes: ['stakeholder.created'],
      description: 'CRM',
    });
    expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
    const stakeholder = await h.admin.createStakeholder({ name: 'Contoso Webhooks' });
    // The outbox: written with the change, nothing sent yet.
    const [pending] = await deliveriesOf(hook.id);
    expect(pending).toMatchObject({ status: 'pending', attempts: 0, eventType: 'stakeholder.created' });
    expect(receiver.received).toHaveLength(0);

    await runJobs();
    expect(receiver.received).toHaveLength(1);
    const message = receiver.received[0] as Received;
    expect(verify(hook.secret, message)).toBe(true);
    expect(verify('another secret', message)).toBe(false);
    expect(message.headers['content-type']).toBe('application/json');
    expect(message.headers['user-agent']).toBe('Rapport-Webhooks/1');
    expect(message.headers['x-rapport-event']).toBe('stakeholder.created');
    expect(message.headers['x-rapport-delivery']).toBe(pending.id);
    expect(Math.abs(Number(message.headers['x-rapport-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    const body = JSON.parse(message.body);
    expect(body).toMatchObject({
      id: pending.id,
      type: 'stakeholder.created',
      data: { entity: 'stakeholder', entityId: stakeholder.id, before: null },
    });
    expect(body.data.after.name).toBe('Contoso Webhooks');
    expect(Date.parse(body.occurredAt)).not.toBeNaN();

    const [delivered] = await deliveriesOf(hook.id);
    expect(delivered).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(delivered.attemptLog).toEqual([expect.objectContaining({ statusCode: 200, error: null })]);
    // Delivered once: another pass sends nothing.
    await runJobs();
    expect(receiver.received).toHaveLength(1);
  });

  const counted = async (outcome: string) =>
    (await webhookDeliveries.get()).values.find((value) => value.labels.outcome === outcome)?.value ?? 0;

  it('retries a 500 with backoff and records every attempt', async () => {
    const failedBefore = await counted('failed');
    const deliveredBefore = await counted('delivered');
    const hook = await register({ url: receiver.url, eventTypes: ['stakeholder.updated'] });
    const stakeholder = await h.admin.createStakeholder();
    expect(await deliveriesOf(hook.id)).toHaveLength(0); // not subscribed to created
    receiver.answers.push(500);
    const patched = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/stakeholders/${stakeholder.id}`,
      headers: { 'if-match': `"${stakeholder.version}"` },
      payload: { name: 'Renamed' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    await runJobs();
    const [failedOnce] = await deliveriesOf(hook.id);
    expect(failedOnce).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(failedOnce.lastError).toContain('500');
    const wait = Date.parse(failedOnce.nextAttemptAt) - Date.parse(failedOnce.attemptLog[0].at);
    expect(wait).toBe(30_000);
    // Not due yet: nothing is sent.
    await runJobs();
    expect(receiver.received).toHaveLength(1);

    await runJobs(later(31_000));
    expect(receiver.received).toHaveLength(2);
    const [delivered] = await deliveriesOf(hook.id);
    expect(delivered).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    expect(delivered.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
    // Both attempts carried the same delivery id and body, each signed afresh.
    const [first, second] = receiver.received as [Received, Received];
    expect(first.body).toBe(second.body);
    expect(verify(hook.secret, first) && verify(hook.secret, second)).toBe(true);
    expect(await deliveriesOf(hook.id, '?status=pending')).toHaveLength(0);
    expect(await deliveriesOf(hook.id, '?status=delivered')).toHaveLength(1);
    expect(await counted('failed')).toBe(failedBefore + 1);
    expect(await counted('delivered')).toBe(deliveredBefore + 1);
  });

  it('never holds up the user when the target is down, and fails the delivery after a day of retries', async () => {
    const hook = await register({ url: await deadUrl(), eventTypes: ['stakeholder.created'] });
    const started = Date.now();
    const stakeholder = await h.admin.createStakeholder({ name: 'Unaffected' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stakeholder.name).toBe('Unaffected');

    await runJobs();
    const [first] = await deliveriesOf(hook.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(first.lastError).toMatch(/ECONNREFUSED|connect/);

    // An hour at a time through the day: each due retry is tried, then the delivery gives up.
    for (let hour = 1; hour <= 26; hour += 1) await runJobs(later(hour * 3_600_000));
    const [failed] = await deliveriesOf(hook.id);
    expect(failed.status).toBe('failed');
    expect(failed.nextAttemptAt).toBeNull();
    expect(failed.attempts).toBeGreaterThan(10);
    expect(failed.attemptLog).toHaveLength(failed.attempts);
    expect(Date.parse(failed.attemptLog.at(-1).at)).toBeLessThanOrEqual(Date.parse(failed.expiresAt));
    expect(await deliveriesOf(hook.id, '?status=failed')).toHaveLength(1);

    // Redelivered once the target is back: same id, a new day of retries.
    const back = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/webhooks/${hook.id}`,
      headers: { 'if-match': `"${hook.version}"` },
      payload: { url: receiver.url },
    });
    expect(back.statusCode, back.body).toBe(200);
    const redeliver = await h.admin.request({
      method: 'POST',
      url: `/api/v1/webhooks/deliveries/${failed.id}/redeliver`,
    });
    expect(redeliver.statusCode, redeliver.body).toBe(202);
    expect(redeliver.json()).toMatchObject({ id: failed.id, status: 'pending' });
    await runJobs();
    const [delivered] = await deliveriesOf(hook.id);
    expect(delivered).toMatchObject({ id: failed.id, status: 'delivered', attempts: failed.attempts + 1 });
    expect(JSON.parse((receiver.received[0] as Received).body).id).toBe(failed.id);
  });

  it('sends a test ping synchronously and shows the result', async () => {
    const hook = await register({ url: receiver.url, eventTypes: ['review.created'] });
    const response = await h.admin.request({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ eventType: 'ping', status: 'delivered', lastStatusCode: 200 });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers['x-rapport-event']).toBe('ping');
    expect(verify(hook.secret, receiver.received[0] as Received)).toBe(true);

    receiver.answers.push(503);
    const failing = await h.admin.request({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test` });
    expect(failing.json()).toMatchObject({ status: 'failed', lastStatusCode: 503, attempts: 1 });
    // Newest first, with a cursor to the next page.
    const page = (
      await h.admin.request({ method: 'GET', url: `/api/v1/webhooks/${hook.id}/deliveries?limit=1` })
    ).json();
    expect(page.data[0].status).toBe('failed');
    const next = (
      await h.admin.request({
        method: 'GET',
        url: `/api/v1/webhooks/${hook.id}/deliveries?limit=1&cursor=${page.nextCursor}`,
      })
    ).json();
    expect(next.data[0].status).toBe('delivered');
    expect(next.nextCursor).toBeNull();
  });

  it('follows no redirect: a 3xx is a failed attempt with its status', async () => {
    const elsewhere = await startReceiver();
    try {
      receiver.state.location = elsewhere.url;
      const hook = await register({ url: receiver.url, eventTypes: ['stakeholder.created'] });
      for (const status of [301, 302, 307, 308]) {
        receiver.answers.push(status);
        const ping = await h.admin.request({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test` });
        expect(ping.json()).toMatchObject({ status: 'failed', lastStatusCode: status, attempts: 1 });
        expect(ping.json().lastError).toContain('redirects are not followed');
      }
      await h.admin.createStakeholder();
      receiver.answers.push(302);
      await runJobs();
      const [event] = (await deliveriesOf(hook.id)).filter(
        (delivery: { eventType: string }) => delivery.eventType === 'stakeholder.created',
      );
      expect(event).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 302 });
      expect(elsewhere.received).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('connects to the address it checked, and keeps the host name in the Host header', async () => {
    const id = `hook-named-${dialect}`;
    await h.test.database.db
      .insertInto('webhooks')
      .values({
        id,
        url: `http://receiver.rapport.invalid:${receiver.port}/named?x=1`,
        description: '',
        event_types: JSON.stringify(['stakeholder.created']),
        secret: 's'.repeat(64),
        active: 1,
        created_by: null,
        archived_at: null,
        version: 1,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    await h.admin.createStakeholder();
    // `.invalid` never resolves in DNS: only the resolver given here names the address to connect to.
    const toLoopback = async () => [{ address: '127.0.0.1', family: 4 }];
    const deliverWith = (allowPrivate: boolean, at: Date) =>
      runDueJobs({
        db: h.test.database.db,
        handlers: webhookJobHandlers({ allowPrivate, resolve: toLoopback, timeoutMs: 2_000 }),
        registeredPeriodic: false,
        now: () => at,
      });
    await deliverWith(false, later(0));
    expect(receiver.received).toHaveLength(0);
    const [refused] = await deliveriesOf(id);
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(refused.lastError).toContain('RAPPORT_WEBHOOKS_ALLOW_PRIVATE');

    await deliverWith(true, later(3_600_000));
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers.host).toBe(`receiver.rapport.invalid:${receiver.port}`);
    expect(verify('s'.repeat(64), receiver.received[0] as Received)).toBe(true);
    const [delivered] = await deliveriesOf(id);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
  });

  it('never answers the secret again, and rotates it as a versioned write', async () => {
    const hook = await register({ url: receiver.url, eventTypes: ['stakeholder.created'] });
    const read = (await h.admin.request({ method: 'GET', url: `/api/v1/webhooks/${hook.id}` })).json();
    expect(read).not.toHaveProperty('secret');
    const list = (await h.admin.request({ method: 'GET', url: '/api/v1/webhooks' })).json();
    expect(JSON.stringify(list)).not.toContain(hook.secret);
    const audit = await h.test.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'webhook')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(hook.secret);

    const noVersion = await h.admin.request({
      method: 'POST',
      url: `/api/v1/webhooks/${hook.id}/rotate-secret`,
    });
    expect(noVersion.statusCode).toBe(428);
    const rotated = await h.admin.request({
      method: 'POST',
      url: `/api/v1/webhooks/${hook.id}/rotate-secret`,
      headers: { 'if-match': '"1"' },
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.json().secret).not.toBe(hook.secret);
    expect(rotated.json().version).toBe(2);
    const stale = await h.admin.request({
      method: 'POST',
      url: `/api/v1/webhooks/${hook.id}/rotate-secret`,
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).not.toHaveProperty('secret');

    await h.admin.createStakeholder();
    await runJobs();
    expect(verify(rotated.json().secret, receiver.received[0] as Received)).toBe(true);
    expect(verify(hook.secret, receiver.received[0] as Received)).toBe(false);
  });

  it('sends nothing to inactive or archived webhooks, and only what they subscribe to', async () => {
    const inactive = await register({
      url: receiver.url,
      eventTypes: ['stakeholder.created'],
      active: false,
    });
    const archived = await register({ url: receiver.url, eventTypes: ['stakeholder.created'] });
    const gone = await h.admin.request({
      method: 'DELETE',
      url: `/api/v1/webhooks/${archived.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(gone.json().archivedAt).not.toBeNull();
    const before = await h.count('webhook_deliveries');
    await h.admin.createStakeholder();
    expect(await h.count('webhook_deliveries')).toBe(before);
    expect(await deliveriesOf(inactive.id)).toHaveLength(0);
    const patch = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/webhooks/${archived.id}`,
      headers: { 'if-match': '"2"' },
      payload: { description: 'x' },
    });
    expect(patch.statusCode).toBe(422);
  });

  it('redacts confidential interactions in what it sends', async () => {
    const hook = await register({ url: receiver.url, eventTypes: ['interaction.created'] });
    const stakeholder = await h.admin.createStakeholder();
    const created = await manager.request({
      method: 'POST',
      url: '/api/v1/interactions',
      payload: {
        stakeholderId: stakeholder.id,
        kind: 'call',
        occurredAt: new Date().toISOString(),
        confidential: true,
        summary: 'The secret merger plan',
        sentiment: 1,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    await runJobs();
    expect(receiver.received).toHaveLength(1);
    const body = receiver.received[0]?.body as string;
    expect(body).not.toContain('secret merger');
    const after = JSON.parse(body).data.after;
    expect(after).toMatchObject({ id: created.json().id, redacted: true, summary: '', sentiment: null });
    expect((await deliveriesOf(hook.id))[0].status).toBe('delivered');
  });

  it('turns bulk changes (imports, merges) into events too, and nothing when they roll back', async () => {
    const hook = await register({ url: receiver.url, eventTypes: ['stakeholder.created'] });
    const entries = ['a', 'b', 'c'].map((key) => ({
      actorId: h.admin.user.id,
      action: 'create' as const,
      entity: 'stakeholder',
      entityId: `bulk-${key}`,
      before: null,
      after: { id: `bulk-${key}` },
    }));
    const db = h.test.database.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await recordAuditMany(trx, entries);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await deliveriesOf(hook.id)).toHaveLength(0);
    await db
      .transaction()
      .execute((trx) =>
        recordAuditMany(trx, [
          ...entries,
          { ...entries[0], action: 'merge', entityId: 'bulk-merge' } as AuditInput,
        ]),
      );
    const deliveries = await deliveriesOf(hook.id);
    expect(
      deliveries.map((d: { payload: { data: { entityId: string } } }) => d.payload.data.entityId).sort(),
    ).toEqual(['bulk-a', 'bulk-b', 'bulk-c']);
    await runJobs();
    expect(receiver.received).toHaveLength(3);
  });

  it('refuses URLs that are not http(s), carry credentials or a fragment, and bad event types', async () => {
    const before = await h.count('webhooks');
    for (const [url, message] of [
      ['ftp://example.com/x', 'http'],
      ['javascript:alert(1)', 'http'],
      ['https://user:pass@example.com/x', 'user name'],
      ['https://example.com/x#part', 'fragment'],
      ['not a url', 'not a URL'],
    ] as const) {
      const response = await h.admin.request({
        method: 'POST',
        url: '/api/v1/webhooks',
        payload: { url, eventTypes: ['stakeholder.created'] },
      });
      expect(response.statusCode, url).toBe(422);
      expect(response.json().errors).toEqual([expect.objectContaining({ path: 'url' })]);
      expect(response.json().errors[0].message).toContain(message);
    }
    for (const payload of [
      { url: receiver.url, eventTypes: ['stakeholder.deleted'] },
      { url: receiver.url, eventTypes: [] },
      { url: receiver.url },
      { url: receiver.url, eventTypes: ['stakeholder.created'], secret: 'mine' },
      { url: 42, eventTypes: ['stakeholder.created'] },
    ]) {
      const response = await h.admin.request({ method: 'POST', url: '/api/v1/webhooks', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await h.count('webhooks')).toBe(before);
  });

  it('is for administrators only', async () => {
    const hook = await register({ url: receiver.url, eventTypes: ['stakeholder.created'] });
    const before = await h.count('webhooks');
    for (const [method, url] of [
      ['GET', '/api/v1/webhooks'],
      ['POST', '/api/v1/webhooks'],
      ['GET', `/api/v1/webhooks/${hook.id}`],
      ['GET', `/api/v1/webhooks/${hook.id}/deliveries`],
      ['POST', `/api/v1/webhooks/${hook.id}/test`],
      ['POST', `/api/v1/webhooks/${hook.id}/rotate-secret`],
      ['PATCH', `/api/v1/webhooks/${hook.id}`],
      ['DELETE', `/api/v1/webhooks/${hook.id}`],
      ['POST', `/api/v1/webhooks/deliveries/${hook.id}/redeliver`],
    ] as const) {
      const response = await manager.request({
        method,
        url,
        headers: { 'if-match': '"1"' },
        ...(method === 'POST' &&
          url.endsWith('webhooks') && {
            payload: { url: receiver.url, eventTypes: ['stakeholder.created'] },
          }),
        ...(method === 'PATCH' && { payload: { active: false } }),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await h.count('webhooks')).toBe(before);
    const unchanged = (await h.admin.request({ method: 'GET', url: `/api/v1/webhooks/${hook.id}` })).json();
    expect(unchanged).toMatchObject({ version: 1, active: true, archivedAt: null });
    expect(receiver.received).toHaveLength(0);
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/webhooks' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe.each(dialects)('webhook targets on loopback and private addresses on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses them unless RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost/x',
      'http://10.1.2.3/x',
      'http://172.16.0.1/x',
      'http://192.168.1.1/x',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.1/x',
      'http://192.0.0.170/x',
      'http://192.0.2.10/x',
      'http://198.18.0.1/x',
      'http://198.51.100.1/x',
      'http://203.0.113.1/x',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://[::127.0.0.1]/x',
      'http://[64:ff9b::a9fe:a9fe]/x',
      'http://[2002:a00:1::1]/x',
      'http://[2001:db8::1]/x',
      'http://[fe80::1]/x',
      'http://[fd00::1]/x',
    ]) {
      const response = await h.admin.request({
        method: 'POST',
        url: '/api/v1/webhooks',
        payload: { url, eventTypes: ['stakeholder.created'] },
      });
      expect(response.statusCode, url).toBe(422);
      expect(response.json().errors[0]).toMatchObject({ path: 'url' });
      expect(response.json().errors[0].message).toContain('RAPPORT_WEBHOOKS_ALLOW_PRIVATE');
    }
    expect(await h.count('webhooks')).toBe(0);
  });

  it('refuses what is never a host to connect to, even with RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true', async () => {
    const allowing = await createHarness(dialect, { RAPPORT_WEBHOOKS_ALLOW_PRIVATE: 'true' });
    try {
      for (const url of [
        'http://0.0.0.0/x',
        'http://224.0.0.1/x',
        'http://255.255.255.255/x',
        'http://[::]/x',
        'http://[ff02::1]/x',
        'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x',
      ]) {
        for (const harness of [h, allowing]) {
          const response = await harness.admin.request({
            method: 'POST',
            url: '/api/v1/webhooks',
            payload: { url, eventTypes: ['stakeholder.created'] },
          });
          expect(response.statusCode, url).toBe(422);
          expect(response.json().errors[0].message).toContain('never reach');
        }
      }
      const loopback = await allowing.admin.request({
        method: 'POST',
        url: '/api/v1/webhooks',
        payload: { url: 'http://127.0.0.1:9/x', eventTypes: ['stakeholder.created'] },
      });
      expect(loopback.statusCode).toBe(201);
    } finally {
      await allowing.close();
    }
  });

  it('refuses changing a URL to a private address too', async () => {
    const created = await createWebhookService(h.test.database.db, {
      allowPrivate: false,
      resolve: async () => [{ address: '93.184.215.14', family: 4 }],
    }).create(
      { id: h.admin.user.id, name: 'Ada', role: 'administrator', via: 'session' },
      {
        url: 'https://hooks.example.com/x',
        description: '',
        eventTypes: ['stakeholder.created'],
        active: true,
      },
    );
    const response = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/webhooks/${created.id}`,
      headers: { 'if-match': '"1"' },
      payload: { url: 'http://192.168.0.10/x' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({ path: 'url' });
    const stored = (await h.admin.request({ method: 'GET', url: `/api/v1/webhooks/${created.id}` })).json();
    expect(stored).toMatchObject({ url: 'https://hooks.example.com/x', version: 1 });
  });

  it('refuses a delivery whose host now resolves to a private address, visibly', async () => {
    // Saved while public (DNS answered a public address), later resolved to loopback.
    await h.test.database.db
      .insertInto('webhooks')
      .values({
        id: 'hook-rebound',
        url: 'http://rebound.example/x',
        description: '',
        event_types: JSON.stringify(['stakeholder.created']),
        secret: 'x'.repeat(64),
        active: 1,
        created_by: null,
        archived_at: null,
        version: 1,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    await h.admin.createStakeholder();
    await runDueJobs({
      db: h.test.database.db,
      handlers: webhookJobHandlers({
        allowPrivate: false,
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      }),
      registeredPeriodic: false,
    });
    const [delivery] = (
      await h.admin.request({ method: 'GET', url: '/api/v1/webhooks/hook-rebound/deliveries' })
    ).json().data;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(delivery.lastError).toContain('refused');
    expect(delivery.lastError).toContain('127.0.0.1');
  });
});
