import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresUrl } from '../../../test/postgres-url.js';
import { migrationNames } from '../../db/migrate.js';

/**
 * Scale-out on PostgreSQL: two real `rapport serve` processes started at the same moment against one fresh
 * database serve the same users — migrations once, one first administrator, a session signed in on one
 * instance works (and ends) on the other, and the hourly periodic task is enqueued and run once.
 */

const postgresUrl = testPostgresUrl();
const serverRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const adminEmail = 'scaleout@example.com';
const adminPassword = 'scale-out-password';

interface Instance {
  child: ChildProcess;
  origin: string;
  output: () => string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function spawnInstance(databaseUrl: string, port: number, origins: string): Instance {
  const child = spawn(process.execPath, ['bin/rapport.mjs', 'serve'], {
    cwd: serverRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RAPPORT_ADMIN_EMAIL: adminEmail,
      RAPPORT_ADMIN_PASSWORD: adminPassword,
      RAPPORT_WEB_DIST: '/nonexistent',
      RAPPORT_JOBS: 'on',
      RAPPORT_ORIGINS: origins,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (data: Buffer) => {
    output = (output + data.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, origin: `http://127.0.0.1:${port}`, output: () => output };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls /api/v1/ready until it answers 200; fails with the process's output if it exits or takes too long. */
async function waitReady(instance: Instance, timeoutMs = 45_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) {
      throw new Error(`instance exited with ${instance.child.exitCode}: ${instance.output()}`);
    }
    try {
      const response = await fetch(`${instance.origin}/api/v1/ready`);
      if (response.status === 200) return response.status;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`instance not ready within ${timeoutMs} ms: ${instance.output()}`);
}

async function stopInstance(instance: Instance): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] as string)
    .find((cookie) => cookie.startsWith('rapport_session='));

describe.skipIf(postgresUrl === null)('scale-out: two instances on one PostgreSQL', () => {
  const name = `rapport_scaleout_${randomBytes(6).toString('hex')}`;
  let databaseUrl = '';
  let client: pg.Client | null = null;
  const instances: Instance[] = [];
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: postgresUrl as string });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(postgresUrl as string);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    const [portA, portB] = [await freePort(), await freePort()];
    const origins = `http://127.0.0.1:${portA},http://127.0.0.1:${portB}`;
    // Both at the same moment: they race for the migrations and the first administrator.
    a = spawnInstance(databaseUrl, portA, origins);
    b = spawnInstance(databaseUrl, portB, origins);
    instances.push(a, b);
    client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(instances.map(stopInstance));
    await client?.end();
    const cleaner = new pg.Client({ connectionString: postgresUrl as string });
    await cleaner.connect();
    try {
      await cleaner.query(`drop database if exists ${name} with (force)`);
    } finally {
      await cleaner.end();
    }
  }, 30_000);

  it('both instances become ready', async () => {
    expect(await Promise.all([waitReady(a), waitReady(b)])).toEqual([200, 200]);
  }, 50_000);

  it('ran every migration exactly once and created exactly one first administrator', async () => {
    const db = client as pg.Client;
    const migrations = await db.query<{ name: string; n: string }>(
      'select name, count(*) as n from kysely_migration group by name order by name',
    );
    expect(migrations.rows.map((row) => row.name)).toEqual(migrationNames());
    expect(migrations.rows.every((row) => Number(row.n) === 1)).toBe(true);
    const admins = await db.query<{ email: string }>("select email from users where role = 'administrator'");
    expect(admins.rows).toEqual([{ email: adminEmail }]);
    // Neither instance fell over in the race.
    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);
  });

  it('a session signed in through A works through B, and signing out through B ends it on A', async () => {
    const signIn = await fetch(`${a.origin}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: a.origin },
      body: JSON.stringify({ email: adminEmail, password: adminPassword }),
    });
    expect(signIn.status).toBe(200);
    const cookie = cookieOf(signIn);
    expect(cookie).toBeDefined();
    const headers = { cookie: cookie as string };

    const created = await fetch(`${b.origin}/api/v1/stakeholders`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', origin: b.origin },
      body: JSON.stringify({
        name: 'Acme across instances',
        category: 'customer',
        influence: 3,
        interest: 4,
      }),
    });
    expect(created.status).toBe(201);
    const stakeholder = (await created.json()) as { id: string; name: string; version: number };

    const read = await fetch(`${a.origin}/api/v1/stakeholders/${stakeholder.id}`, { headers });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: stakeholder.id, name: 'Acme across instances' });

    // A write to B claiming to come from elsewhere is still refused (the Origin check holds behind a proxy).
    const foreign = await fetch(`${b.origin}/api/v1/stakeholders`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ name: 'Not from here', category: 'customer', influence: 1, interest: 1 }),
    });
    expect(foreign.status).toBe(403);

    const signOut = await fetch(`${b.origin}/api/v1/session`, {
      method: 'DELETE',
      headers: { ...headers, origin: b.origin },
    });
    expect(signOut.status).toBe(204);
    const afterSignOut = await fetch(`${a.origin}/api/v1/me`, { headers });
    expect(afterSignOut.status).toBe(401);
    const stakeholders = await (client as pg.Client).query<{ n: string }>(
      'select count(*) as n from stakeholders',
    );
    expect(Number(stakeholders.rows[0]?.n)).toBe(1);
  });

  it('the hourly due scan is claimed, enqueued and run once although both instances run the scheduler', async () => {
    const db = client as pg.Client;
    const deadline = Date.now() + 15_000;
    let runs: { period_key: string; instance: string }[] = [];
    while (Date.now() < deadline) {
      runs = (
        await db.query<{ period_key: string; instance: string }>(
          "select period_key, instance from scheduled_runs where name = 'notifications.due-scan'",
        )
      ).rows;
      if (runs.length > 0) break;
      await sleep(250);
    }
    expect(runs.length).toBeGreaterThan(0);
    // Both runners tick every 5 s from the same start: one more interval and both have scanned this hour.
    await sleep(6_000);
    const jobs = await db.query<{ period_key: string; status: string; attempts: number }>(
      `select payload::json->>'periodKey' as period_key, status, attempts from jobs
       where kind = 'notifications.due-scan' order by period_key`,
    );
    const periods = jobs.rows.map((row) => row.period_key);
    expect(new Set(periods).size).toBe(periods.length);
    expect(periods).toEqual(
      (
        await db.query<{ period_key: string }>(
          "select period_key from scheduled_runs where name = 'notifications.due-scan' order by period_key",
        )
      ).rows.map((row) => row.period_key),
    );
    // The period first seen was scanned by both instances and run once (a later hour may still be under way).
    const first = jobs.rows.filter((row) => runs.some((run) => run.period_key === row.period_key));
    expect(first.length).toBe(runs.length);
    expect(first.every((row) => row.status === 'done' && row.attempts === 1)).toBe(true);
    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);
  }, 30_000);
});
