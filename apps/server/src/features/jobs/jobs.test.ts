import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { openDatabase } from '../../db/database.js';
import {
  claimScheduledRun,
  enqueue,
  type JobHandler,
  periodKeyOf,
  runDueJobs,
  startJobRunner,
} from './jobs.js';

describe.each(dialects)('background jobs on %s', (dialect) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.test.database.db.deleteFrom('jobs').execute();
  });

  const jobsOf = (kind: string) =>
    h.test.database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).orderBy('id').execute();

  it('runs each job exactly once when two runners on two connections race for them', async () => {
    const db = h.test.database.db;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 40; i += 1) await enqueue(trx, { kind: 'race', payload: { i } });
    });
    // A second instance: its own connection (pool) to the same database.
    const other = openDatabase(h.test.url, { schema: h.test.schema, poolSize: 4 });
    const seen: Array<{ i: number; runner: string }> = [];
    const handler =
      (runner: string): JobHandler =>
      async (payload) => {
        seen.push({ i: (payload as { i: number }).i, runner });
        await new Promise((resolve) => setTimeout(resolve, 2));
      };
    try {
      const [a, b] = await Promise.all([
        runDueJobs({ db, handlers: { race: handler('a') }, batchSize: 3, registeredPeriodic: false }),
        runDueJobs({
          db: other.db,
          handlers: { race: handler('b') },
          batchSize: 3,
          registeredPeriodic: false,
        }),
      ]);
      expect(a + b).toBe(40);
    } finally {
      await other.close();
    }
    expect(seen.map((s) => s.i).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    const rows = await jobsOf('race');
    expect(rows.every((row) => row.status === 'done' && row.attempts === 1 && row.done_at)).toBe(true);
  });

  it('a job enqueued in a transaction that rolls back never exists', async () => {
    await expect(
      h.test.database.db.transaction().execute(async (trx) => {
        await enqueue(trx, { kind: 'rolled-back', payload: {} });
        throw new Error('rejected');
      }),
    ).rejects.toThrow('rejected');
    expect(await jobsOf('rolled-back')).toHaveLength(0);
  });

  it('retries a failing job with exponential backoff and gives up after the maximum age, visibly', async () => {
    const db = h.test.database.db;
    await db.transaction().execute((trx) => enqueue(trx, { kind: 'flaky', payload: { n: 1 } }));
    let clock = new Date();
    let calls = 0;
    const options = {
      db,
      handlers: {
        flaky: (async () => {
          calls += 1;
          throw new Error(`SMTP said no (${calls})`);
        }) as JobHandler,
      },
      registeredPeriodic: false,
      retry: { baseDelayMs: 60_000, maxAgeMs: 10 * 60_000 },
      now: () => clock,
    };
    expect(await runDueJobs(options)).toBe(1);
    let [job] = await jobsOf('flaky');
    expect(job).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'SMTP said no (1)',
      locked_until: null,
    });
    expect(Date.parse(job?.run_at ?? '') - clock.getTime()).toBe(60_000);
    // Not due yet: nothing runs.
    expect(await runDueJobs(options)).toBe(0);
    clock = new Date(clock.getTime() + 60_000);
    expect(await runDueJobs(options)).toBe(1);
    [job] = await jobsOf('flaky');
    expect(Date.parse(job?.run_at ?? '') - clock.getTime()).toBe(120_000);
    clock = new Date(clock.getTime() + 120_000);
    await runDueJobs(options);
    [job] = await jobsOf('flaky');
    expect(Date.parse(job?.run_at ?? '') - clock.getTime()).toBe(240_000);
    // The next wait (8 min) would end past the 10 minutes allowed: it gives up.
    clock = new Date(clock.getTime() + 240_000);
    await runDueJobs(options);
    [job] = await jobsOf('flaky');
    expect(job).toMatchObject({ status: 'failed', attempts: 4, last_error: 'SMTP said no (4)' });
    expect(job?.done_at).not.toBeNull();
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await runDueJobs(options)).toBe(0);
    expect(calls).toBe(4);

    // Visible to an administrator, and only to one.
    const failed = await h.admin.request({
      method: 'GET',
      url: '/api/v1/admin/jobs?status=failed&count=true',
    });
    expect(failed.statusCode).toBe(200);
    expect(failed.json().total).toBe(1);
    expect(failed.json().data[0]).toMatchObject({ kind: 'flaky', status: 'failed', attempts: 4 });
    expect(failed.json().data[0].lastError).toBe('SMTP said no (4)');
    const manager = await h.userWith('relationship_manager');
    expect((await manager.request({ method: 'GET', url: '/api/v1/admin/jobs' })).statusCode).toBe(403);
    const bad = await h.admin.request({ method: 'GET', url: '/api/v1/admin/jobs?status=lost&extra=1' });
    expect(bad.statusCode).toBe(400);
  });

  it('gives up after maxAttempts, and a job of an unknown kind fails with a clear error', async () => {
    const db = h.test.database.db;
    await db.transaction().execute(async (trx) => {
      await enqueue(trx, { kind: 'nobody-handles-this', payload: null });
    });
    let clock = new Date();
    const options = {
      db,
      registeredPeriodic: false,
      retry: { baseDelayMs: 1, maxAttempts: 2 },
      now: () => clock,
    };
    await runDueJobs(options);
    clock = new Date(clock.getTime() + 10);
    await runDueJobs(options);
    const [job] = await jobsOf('nobody-handles-this');
    expect(job).toMatchObject({ status: 'failed', attempts: 2 });
    expect(job?.last_error).toContain('No handler for job kind nobody-handles-this');
  });

  it('runs a periodic task once per period across instances', async () => {
    const db = h.test.database.db;
    // PostgreSQL: a second pool, as a second instance has. SQLite: a second instance would be another process
    // (two connections in one process would wait on each other's transactions synchronously), so the
    // same connection stands in for it.
    const other =
      dialect === 'postgres' ? openDatabase(h.test.url, { schema: h.test.schema, poolSize: 2 }) : null;
    let runs = 0;
    const at = new Date('2026-11-27T15:20:00.000Z');
    const options = (database: typeof db) => ({
      db: database,
      periodic: [{ name: 'test.hourly', every: 'hour' as const }],
      registeredPeriodic: false,
      handlers: {
        'test.hourly': (async (payload) => {
          expect(payload).toEqual({ periodKey: '2026-11-27T15' });
          runs += 1;
        }) as JobHandler,
      },
      now: () => at,
    });
    try {
      await Promise.all([
        runDueJobs(options(db)),
        runDueJobs(options(other?.db ?? db)),
        runDueJobs(options(db)),
      ]);
    } finally {
      await other?.close();
    }
    expect(runs).toBe(1);
    expect(periodKeyOf('day', at)).toBe('2026-11-27');
    // By hand: the first insert wins, every other loses.
    expect(await db.transaction().execute((trx) => claimScheduledRun(trx, 'digest', '2026-11-27'))).toBe(
      true,
    );
    expect(await db.transaction().execute((trx) => claimScheduledRun(trx, 'digest', '2026-11-27'))).toBe(
      false,
    );
    expect(await db.transaction().execute((trx) => claimScheduledRun(trx, 'digest', '2026-11-28'))).toBe(
      true,
    );
  });

  it('a started runner picks up jobs on its own and stops cleanly', async () => {
    const db = h.test.database.db;
    let done = 0;
    const runner = startJobRunner({
      db,
      intervalMs: 20,
      registeredPeriodic: false,
      handlers: {
        tick: async () => {
          done += 1;
        },
      },
    });
    try {
      await db.transaction().execute((trx) => enqueue(trx, { kind: 'tick', payload: {} }));
      for (let i = 0; i < 100 && done === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await runner.stop();
    }
    expect(done).toBe(1);
    expect((await jobsOf('tick'))[0]?.status).toBe('done');
  });
});

describe.each(dialects)('background jobs that crash or outlast their lease on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(async () => {
    await h?.close();
  });
  const jobOf = (id: string) =>
    h.test.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('a job whose runner crashed mid-run is retried once its lease ends, then never run again', async () => {
    const db = h.test.database.db;
    const id = await db.transaction().execute((trx) => enqueue(trx, { kind: 'crashy', payload: {} }));
    // A runner claimed it and died: the claim stays, nobody renews it.
    const leaseEnd = new Date(Date.now() + 60_000);
    await db
      .updateTable('jobs')
      .set({ attempts: 1, locked_by: 'dead-instance', locked_until: leaseEnd.toISOString() })
      .where('id', '=', id)
      .execute();
    let runs = 0;
    const options = {
      db,
      registeredPeriodic: false,
      handlers: {
        crashy: async () => {
          runs += 1;
        },
      },
    };
    // While the lease holds, no other runner touches it.
    expect(await runDueJobs(options)).toBe(0);
    expect(runs).toBe(0);
    // After the lease, another runner retries it, once.
    const later = () => new Date(leaseEnd.getTime() + 1000);
    expect(await runDueJobs({ ...options, now: later })).toBe(1);
    expect(await runDueJobs({ ...options, now: later })).toBe(0);
    expect(await runDueJobs(options)).toBe(0);
    expect(runs).toBe(1);
    expect(await jobOf(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('a job that runs longer than its lease keeps it: a second runner does not run it twice', async () => {
    const db = h.test.database.db;
    const id = await db.transaction().execute((trx) => enqueue(trx, { kind: 'slow', payload: {} }));
    let runs = 0;
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => {
      started = resolve;
    });
    let finish!: () => void;
    const finishPromise = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const handlers = {
      slow: async () => {
        runs += 1;
        started();
        await finishPromise;
      },
    };
    const first = runDueJobs({ db, handlers, registeredPeriodic: false, leaseMs: 300 });
    await startedPromise;
    // Three lease lengths later the first runner is still at work: the renewed lease keeps the second away.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await runDueJobs({ db, handlers, registeredPeriodic: false, leaseMs: 300 })).toBe(0);
    finish();
    expect(await first).toBe(1);
    expect(runs).toBe(1);
    expect(await jobOf(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('stopping a runner waits for the job under way and hands back the ones it had not started', async () => {
    const db = h.test.database.db;
    await db.deleteFrom('jobs').execute();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i += 1) await enqueue(trx, { kind: 'drain', payload: { i } });
    });
    const ran: number[] = [];
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => {
      started = resolve;
    });
    const runner = startJobRunner({
      db,
      intervalMs: 10,
      registeredPeriodic: false,
      handlers: {
        drain: async (payload) => {
          started();
          await new Promise((resolve) => setTimeout(resolve, 100));
          ran.push((payload as { i: number }).i);
        },
      },
    });
    await startedPromise;
    await runner.stop();
    expect(ran).toEqual([0]);
    const rows = await db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'drain')
      .orderBy('run_at')
      .execute();
    expect(rows.filter((row) => row.status === 'done')).toHaveLength(1);
    // The two not started are free for the next runner at once, their attempt not counted.
    const waiting = rows.filter((row) => row.status === 'pending');
    expect(waiting).toHaveLength(2);
    expect(waiting.every((row) => row.locked_by === null && row.attempts === 0)).toBe(true);
  });
});
