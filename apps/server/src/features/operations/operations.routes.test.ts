import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { migrationNames } from '../../db/migrate.js';
import { RAPPORT_VERSION } from '../../version.js';
import { createUserService } from '../users/user.service.js';

const TOKEN = 'metrics-token-0123456789';

/** An app of its own whose JSON log lines are kept in `lines`. */
async function loggedApp(test: TestDatabase, env: Record<string, string> = {}) {
  const lines: Record<string, unknown>[] = [];
  const app = await buildApp(
    // No background jobs: every line logged here comes from a request.
    loadConfig({ LOG_LEVEL: 'info', RAPPORT_WEB_DIST: '/nonexistent', RAPPORT_JOBS: 'off', ...env }),
    test.database,
    { logStream: { write: (line: string) => lines.push(JSON.parse(line)) } },
  );
  return { app, lines };
}

describe.each(dialects)('readiness on %s', (dialect) => {
  const opened: { test: TestDatabase; app: FastifyInstance }[] = [];
  const open = async () => {
    const test = await createTestDatabase(dialect);
    const app = await buildApp(
      loadConfig({ LOG_LEVEL: 'silent', RAPPORT_WEB_DIST: '/nonexistent' }),
      test.database,
    );
    opened.push({ test, app });
    return { test, app };
  };
  afterAll(async () => {
    for (const { test, app } of opened) {
      await app.close();
      await test.drop().catch(() => {});
    }
  });

  it('is ready when the database answers and every migration has run, without signing in', async () => {
    const { app } = await open();
    const response = await app.inject({ method: 'GET', url: '/api/v1/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      version: RAPPORT_VERSION,
      database: 'ok',
      migrations: { pending: [] },
    });
  });

  it('is not ready while a migration is pending, and names it', async () => {
    const { test, app } = await open();
    const last = migrationNames().at(-1) as string;
    await sql`delete from kysely_migration where name = ${last}`.execute(test.database.db);
    const response = await app.inject({ method: 'GET', url: '/api/v1/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'not_ready',
      database: 'ok',
      migrations: { pending: [last] },
    });
  });

  it('is not ready when the database does not answer', async () => {
    const { test, app } = await open();
    await test.database.close();
    const response = await app.inject({ method: 'GET', url: '/api/v1/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'not_ready', database: 'unavailable' });
  });
});

describe.each(dialects)('metrics on %s', (dialect) => {
  let h: Harness;
  let off: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, { RAPPORT_METRICS_TOKEN: TOKEN });
    off = await createHarness(dialect);
  });
  afterAll(async () => {
    await h.close();
    await off.close();
  });
  const scrape = (token?: string) =>
    h.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });

  it('are off (404) unless RAPPORT_METRICS_TOKEN is set', async () => {
    const response = await off.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('rapport_http_requests_total');
  });

  it('need the token: 401 without it or with a wrong one', async () => {
    for (const token of [undefined, 'wrong-token-wrong-token', `${TOKEN}x`, '']) {
      const response = await scrape(token);
      expect(response.statusCode, String(token)).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toContain('rapport_http_requests_total');
    }
    // A user's session does not open them either.
    const asAdmin = await h.admin.request({ method: 'GET', url: '/metrics' });
    expect(asAdmin.statusCode).toBe(401);
  });

  it('give the size of the database, and of the SQLite WAL', async () => {
    const body = (await scrape(TOKEN)).body;
    const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(body)?.[1]);
    expect(body).toContain('# TYPE rapport_db_file_bytes gauge');
    if (dialect === 'sqlite') {
      const file = h.test.database.sqliteFile as string;
      expect(value('rapport_db_file_bytes')).toBeGreaterThanOrEqual(fs.statSync(file).size);
      expect(value('rapport_db_wal_bytes')).toBeGreaterThanOrEqual(0);
    } else {
      expect(value('rapport_db_file_bytes')).toBeGreaterThan(1024 * 1024);
      expect(value('rapport_db_wal_bytes')).toBe(0);
    }
  });

  it('count requests and their latency by method, route pattern and status — never a raw id', async () => {
    const stakeholder = await h.admin.createStakeholder({ name: 'Counted' });
    for (let i = 0; i < 3; i++) {
      const read = await h.admin.request({ method: 'GET', url: `/api/v1/stakeholders/${stakeholder.id}` });
      expect(read.statusCode).toBe(200);
    }
    await h.admin.request({ method: 'GET', url: '/api/v1/no-such-thing' });
    const response = await scrape(TOKEN);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('rapport_http_requests_total{') &&
          l.includes('method="GET"') &&
          l.includes('route="/api/v1/stakeholders/:id"') &&
          l.includes('status="200"'),
      );
    expect(line).toBeDefined();
    expect(Number(line?.split(' ').at(-1))).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(
      /rapport_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/stakeholders\/:id",status="200"\}/,
    );
    expect(text).toContain('route="unmatched"');
    expect(text).not.toContain(stakeholder.id);
    expect(text).toContain('# TYPE rapport_scheduler_runs_total counter');
    expect(text).toContain('# TYPE rapport_webhook_deliveries_total counter');
    expect(text).toContain('# TYPE rapport_emails_total counter');
    expect(text).toContain('rapport_process_cpu_user_seconds_total');
    if (dialect === 'postgres') {
      expect(text).toMatch(/rapport_db_pool_connections\{state="total"\} [1-9]/);
      expect(text).toMatch(/rapport_db_pool_connections\{state="waiting"\} 0/);
    }
  });
});

describe.each(dialects)('request ids and logs on %s', (dialect) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let lines: Record<string, unknown>[];
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    ({ app, lines } = await loggedApp(test, { RAPPORT_SLOW_QUERY_MS: '0' }));
  });
  afterEach(() => {
    lines.length = 0;
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('keeps a plain incoming X-Request-Id, echoes it, and every log line of the request carries it', async () => {
    lines.length = 0;
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'lb-7f3a.42' },
    });
    expect(response.headers['x-request-id']).toBe('lb-7f3a.42');
    const own = lines.filter((line) => line.reqId === 'lb-7f3a.42');
    expect(own.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
    // Every line logged during the request (the slow `select 1` too, at threshold 0) has the id.
    expect(own.some((line) => line.msg === 'slow query')).toBe(true);
    expect(lines.filter((line) => line.reqId === undefined)).toEqual([]);
  });

  it('never logs the secret of a survey link or a calendar feed', async () => {
    const secret = 'Zx9-secret-token-value_0123456789abcdef';
    for (const url of [
      `/api/v1/calendar/${secret}.ics`,
      `/api/v1/public/surveys/${secret}`,
      `/s/${secret}?lang=zh-CN`,
    ]) {
      await app.inject({ method: 'GET', url });
    }
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(secret);
    const urls = lines.flatMap((line) => {
      const req = line.req as { url?: string } | undefined;
      return req?.url ? [req.url] : [];
    });
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/v1/calendar/[secret]',
        '/api/v1/public/surveys/[secret]',
        '/s/[secret]?lang=zh-CN',
      ]),
    );
  });

  it('generates an id when none comes, or when the incoming one is too long or not plain', async () => {
    for (const incoming of [undefined, 'x'.repeat(200), 'a b', 'line\u2028break', '<script>']) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: incoming === undefined ? {} : { 'x-request-id': incoming },
      });
      const id = response.headers['x-request-id'] as string;
      expect(id, String(incoming)).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.some((line) => line.reqId === id)).toBe(true);
    }
    const a = await app.inject({ method: 'GET', url: '/api/v1/health' });
    const b = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('logs queries slower than RAPPORT_SLOW_QUERY_MS at warn with the SQL and duration, never the parameters', async () => {
    await createUserService(test.database.db).createFirstAdmin({
      email: 'secret.person@example.com',
      name: 'Secret Person',
      password: 'correct-horse-battery',
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      // The default configuration's own origin (the Origin check never looks at Host).
      headers: { 'x-request-id': 'signin-1', origin: 'http://127.0.0.1:3000' },
      payload: { email: 'secret.person@example.com', password: 'correct-horse-battery' },
    });
    expect(response.statusCode).toBe(200);
    const slow = lines.filter((line) => line.msg === 'slow query');
    expect(slow.length).toBeGreaterThan(0);
    for (const line of slow) {
      expect(line.level).toBe(40);
      expect(typeof line.sql).toBe('string');
      expect(typeof line.durationMs).toBe('number');
    }
    expect(slow.some((line) => String(line.sql).includes('"users"') && line.reqId === 'signin-1')).toBe(true);
    expect(JSON.stringify(slow)).not.toContain('secret.person@example.com');
  });
});

describe('slow query threshold', () => {
  it('stays quiet for queries under the threshold (default 500 ms)', async () => {
    const test = await createTestDatabase('sqlite');
    const { app, lines } = await loggedApp(test);
    try {
      expect(loadConfig({}).slowQueryMs).toBe(500);
      await app.inject({ method: 'GET', url: '/api/v1/ready' });
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((line) => line.msg === 'slow query')).toEqual([]);
    } finally {
      await app.close();
      await test.drop();
    }
  });

  it('refuses a short metrics token and a negative threshold', () => {
    expect(() => loadConfig({ RAPPORT_METRICS_TOKEN: 'short', RAPPORT_SLOW_QUERY_MS: '-1' })).toThrow(
      /RAPPORT_METRICS_TOKEN[\s\S]*RAPPORT_SLOW_QUERY_MS|RAPPORT_SLOW_QUERY_MS[\s\S]*RAPPORT_METRICS_TOKEN/,
    );
  });
});
