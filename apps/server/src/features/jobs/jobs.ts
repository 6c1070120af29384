import { hostname } from 'node:os';
import { type Kysely, PostgresAdapter, type Selectable, sql } from 'kysely';
import type { Config } from '../../config.js';
import type { DB, JobsTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { schedulerRuns } from '../operations/metrics.js';

/**
 * Background jobs: an outbox table written in the caller's transaction, run by a runner in every instance.
 * A job is claimed by one instance at a time (a lease in `locked_until`), retried with exponential backoff
 * and given up (status `failed`, `last_error` kept) after 24 hours. Periodic tasks run once per period
 * across instances: whoever inserts the `scheduled_runs` row for the period enqueues the job.
 */

export type JobRow = Selectable<JobsTable>;

export interface JobContext {
  db: Kysely<DB>;
  /** null when the runner was started without one (tests of the queue alone). */
  config: Config | null;
  job: JobRow;
  /** The runner's clock (tests move it). */
  now: Date;
  /** True when a failure now would be the last: the job would be given up rather than retried. */
  lastAttempt: boolean;
}

/** Throw to fail the attempt: the job is retried with backoff, the message kept in `last_error`. */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

export interface PeriodicTask {
  /** Also the kind of the job it enqueues (register a handler for it). */
  name: string;
  every: 'hour' | 'day';
  /** Daily tasks: the UTC hour from which the day's run may start (default 0). */
  atHourUtc?: number;
}

const registry = new Map<string, JobHandler>();
const periodicTasks = new Map<string, PeriodicTask>();

/** Registers the handler of a job kind for every runner in this process (one handler per kind). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  registry.set(kind, handler);
}

/** Registers a task the runners enqueue once per hour or day across all instances. */
export function registerPeriodicTask(task: PeriodicTask): void {
  periodicTasks.set(task.name, task);
}

export interface NewJob {
  kind: string;
  payload: unknown;
  /** ISO time; now when absent. */
  runAt?: string;
}

/**
 * Adds a job inside the caller's transaction, so it exists exactly when the change that asked for it
 * committed. Cheap: one insert. Returns the job's id.
 */
export async function enqueue(trx: Kysely<DB>, job: NewJob): Promise<string> {
  const at = new Date().toISOString();
  const id = newId();
  await trx
    .insertInto('jobs')
    .values({
      id,
      kind: job.kind,
      payload: toJson(job.payload ?? null),
      status: 'pending',
      run_at: job.runAt ?? at,
      attempts: 0,
      locked_until: null,
      locked_by: null,
      done_at: null,
      last_error: null,
      created_at: at,
    })
    .execute();
  return id;
}

/**
 * Claims a period for a named run: true for exactly one caller across instances (the insert that wins),
 * false for every other. Use inside the transaction that does or enqueues the run.
 */
export async function claimScheduledRun(
  trx: Kysely<DB>,
  name: string,
  periodKey: string,
  instance = instanceName,
): Promise<boolean> {
  const result = await trx
    .insertInto('scheduled_runs')
    .values({ name, period_key: periodKey, instance, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['name', 'period_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** `2026-11-27T15` for hourly tasks, `2026-11-27` for daily ones (UTC). */
export function periodKeyOf(every: 'hour' | 'day', at: Date): string {
  const iso = at.toISOString();
  return every === 'hour' ? iso.slice(0, 13) : iso.slice(0, 10);
}

export interface RetryPolicy {
  /** First retry after this long; each further one waits twice as long. Default 1 minute. */
  baseDelayMs: number;
  /** Give up once the next attempt would start later than this after the job was created. Default 24 h. */
  maxAgeMs: number;
  /** Give up after this many attempts regardless of age. Default: no limit but the age. */
  maxAttempts: number;
}

export const defaultRetry: RetryPolicy = {
  baseDelayMs: 60_000,
  maxAgeMs: 24 * 3_600_000,
  maxAttempts: Number.POSITIVE_INFINITY,
};

export interface RunnerOptions {
  db: Kysely<DB>;
  config?: Config | null;
  /** Handlers of this runner, on top of (and before) those registered with registerJobHandler. */
  handlers?: Record<string, JobHandler>;
  /** Periodic tasks of this runner, on top of those registered with registerPeriodicTask. */
  periodic?: PeriodicTask[];
  /** Run the registered periodic tasks too (default true). */
  registeredPeriodic?: boolean;
  intervalMs?: number;
  batchSize?: number;
  /** How long a claim lasts before another runner may take the job again (a crashed runner). */
  leaseMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Names the instance in `locked_by` and `scheduled_runs`. */
  instance?: string;
  now?: () => Date;
  /** Where errors of the runner itself go (the job's own errors are kept on the job). */
  onError?: (error: unknown) => void;
  /** Asked before each claim: true ends the pass after the job under way (a runner being stopped drains). */
  stopping?: () => boolean;
}

const instanceName = `${hostname()}:${process.pid}`;
let runnerCounter = 0;

const isPostgres = (db: Kysely<DB>) => db.getExecutor().adapter instanceof PostgresAdapter;

const messageOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 2000) || 'failed';

/** One pass: enqueue due periodic tasks, then claim and run due jobs until none is left. Returns jobs run. */
export async function runDueJobs(options: RunnerOptions): Promise<number> {
  const clock = options.now ?? (() => new Date());
  const instance = options.instance ?? `${instanceName}#${++runnerCounter}`;
  await schedulePeriodic(options, instance, clock());
  let total = 0;
  for (;;) {
    if (options.stopping?.()) return total;
    const claimed = await claimJobs(
      options.db,
      instance,
      options.batchSize ?? 10,
      options.leaseMs ?? 300_000,
      clock(),
    );
    if (claimed.length === 0) return total;
    for (const [index, job] of claimed.entries()) {
      // Stopping: the claims not started yet are handed back at once rather than waiting out their lease.
      if (options.stopping?.()) {
        await releaseClaims(options.db, instance, claimed.slice(index));
        return total;
      }
      await runJob(options, instance, job, clock);
      total += 1;
    }
  }
}

async function schedulePeriodic(options: RunnerOptions, instance: string, at: Date): Promise<void> {
  const tasks = [
    ...(options.registeredPeriodic === false ? [] : periodicTasks.values()),
    ...(options.periodic ?? []),
  ];
  for (const task of tasks) {
    if (task.every === 'day' && at.getUTCHours() < (task.atHourUtc ?? 0)) continue;
    const periodKey = periodKeyOf(task.every, at);
    await options.db.transaction().execute(async (trx) => {
      if (await claimScheduledRun(trx, task.name, periodKey, instance)) {
        await enqueue(trx, { kind: task.name, payload: { periodKey }, runAt: at.toISOString() });
      }
    });
  }
}

/**
 * Takes up to `limit` due jobs in one statement. PostgreSQL: rows another runner is claiming are skipped
 * (`FOR UPDATE SKIP LOCKED`); SQLite has one writer, so the conditional UPDATE alone is atomic.
 */
async function claimJobs(db: Kysely<DB>, instance: string, limit: number, leaseMs: number, at: Date) {
  const nowIso = at.toISOString();
  const lease = new Date(at.getTime() + leaseMs).toISOString();
  const lock = isPostgres(db) ? sql` for update skip locked` : sql``;
  const result = await sql<JobRow>`
    update jobs set locked_until = ${lease}, locked_by = ${instance}, attempts = attempts + 1
    where id in (
      select id from jobs
      where status = 'pending' and run_at <= ${nowIso} and (locked_until is null or locked_until < ${nowIso})
      order by run_at, id limit ${limit}${lock}
    )
    and status = 'pending' and (locked_until is null or locked_until < ${nowIso})
    returning *`.execute(db);
  return [...result.rows].sort((a, b) => (a.run_at + a.id < b.run_at + b.id ? -1 : 1));
}

async function releaseClaims(db: Kysely<DB>, instance: string, jobs: JobRow[]) {
  if (jobs.length === 0) return;
  await db
    .updateTable('jobs')
    .set((eb) => ({ locked_until: null, locked_by: null, attempts: eb('attempts', '-', 1) }))
    .where(
      'id',
      'in',
      jobs.map((job) => job.id),
    )
    .where('locked_by', '=', instance)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Renews the claim while the handler runs, so a job that takes longer than the lease is not taken by another
 * runner and run a second time; only a runner that stopped renewing (it crashed) loses the job to a retry.
 */
function keepLease(
  db: Kysely<DB>,
  instance: string,
  job: JobRow,
  leaseMs: number,
  onError?: (e: unknown) => void,
) {
  const timer = setInterval(
    () => {
      db.updateTable('jobs')
        .set({ locked_until: new Date(Date.now() + leaseMs).toISOString() })
        .where('id', '=', job.id)
        .where('locked_by', '=', instance)
        .where('status', '=', 'pending')
        .execute()
        .catch((error) => onError?.(error));
    },
    Math.max(10, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

async function runJob(options: RunnerOptions, instance: string, job: JobRow, clock: () => Date) {
  const handler = options.handlers?.[job.kind] ?? registry.get(job.kind);
  const retry = { ...defaultRetry, ...options.retry };
  // Whether a failure at `at` ends the job: no attempt left, or the next would start past the maximum age.
  const givesUpAt = (at: Date) =>
    job.attempts >= retry.maxAttempts ||
    at.getTime() + retry.baseDelayMs * 2 ** Math.max(0, job.attempts - 1) >
      new Date(job.created_at).getTime() + retry.maxAgeMs;
  const stopRenewing = keepLease(options.db, instance, job, options.leaseMs ?? 300_000, options.onError);
  try {
    if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
    const at = clock();
    try {
      await handler(JSON.parse(job.payload), {
        db: options.db,
        config: options.config ?? null,
        job,
        now: at,
        lastAttempt: givesUpAt(at),
      });
    } finally {
      stopRenewing();
    }
    await options.db
      .updateTable('jobs')
      .set({ status: 'done', done_at: clock().toISOString(), locked_until: null, last_error: null })
      .where('id', '=', job.id)
      .where('locked_by', '=', instance)
      .execute();
    schedulerRuns.inc({ job: job.kind, outcome: 'ok' });
  } catch (error) {
    stopRenewing();
    const at = clock();
    const giveUp = givesUpAt(at);
    const next = new Date(at.getTime() + retry.baseDelayMs * 2 ** Math.max(0, job.attempts - 1));
    await options.db
      .updateTable('jobs')
      .set({
        status: giveUp ? 'failed' : 'pending',
        run_at: giveUp ? job.run_at : next.toISOString(),
        done_at: giveUp ? at.toISOString() : null,
        locked_until: null,
        last_error: messageOf(error),
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', instance)
      .execute();
    schedulerRuns.inc({ job: job.kind, outcome: 'failed' });
  }
}

export interface JobRunner {
  /** Runs one pass now (also what the timer does). */
  tick(): Promise<number>;
  /** Stops the timer and waits for the job under way (the pass ends after it; its other claims go back). */
  stop(): Promise<void>;
}

/** Runs `runDueJobs` every `intervalMs` (default 5 s), one pass at a time, until stopped. */
export function startJobRunner(options: RunnerOptions): JobRunner {
  const instance = options.instance ?? `${instanceName}#${++runnerCounter}`;
  let stopped = false;
  const opts = { ...options, instance, stopping: () => stopped };
  let running: Promise<number> | null = null;
  const tick = async () => {
    if (running) return running;
    running = runDueJobs(opts).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (stopped) return;
    tick().catch((error) => options.onError?.(error));
  }, options.intervalMs ?? 5_000);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running.catch(() => undefined);
    },
  };
}
