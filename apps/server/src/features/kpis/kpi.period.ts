import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';

/** Six same-length periods ending with the one asked for (oldest first): the trend. */
export interface Window {
  /** Inclusive first and last day of each period, oldest first; the last one is the period asked for. */
  periods: { from: string; to: string }[];
  /** The day after the last day of each period: times before it fall in or before that period. */
  ends: string[];
  /** Today (UTC), for "already due" tests. */
  today: string;
}

export const TREND_POINTS = 6;
const DAY = 86_400_000;
const MAX_DAYS = 3_660;

export const shiftDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);

export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** `to` defaults to today and `from` to 89 days before it (a quarter of 90 days). */
export function windowOf(query: { from?: string; to?: string }, today = todayUtc()): Window {
  const to = query.to ?? today;
  const from = query.from ?? shiftDay(to, -89);
  if (from > to) {
    throw new AppError('bad_request', 'The period ends before it starts', [
      { path: 'from', message: 'must be on or before `to`' },
    ]);
  }
  const length = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
  if (length > MAX_DAYS) {
    throw new AppError('bad_request', `A period is at most ${MAX_DAYS} days`, [
      { path: 'from', message: `at most ${MAX_DAYS} days before \`to\`` },
    ]);
  }
  const periods = Array.from({ length: TREND_POINTS }, (_, k) => {
    const back = (TREND_POINTS - 1 - k) * length;
    return { from: shiftDay(from, -back), to: shiftDay(to, -back) };
  });
  return { periods, ends: periods.map((period) => shiftDay(period.to, 1)), today };
}

export const current = (window: Window) => window.periods[TREND_POINTS - 1] as { from: string; to: string };
export const lastEnd = (window: Window) => window.ends[TREND_POINTS - 1] as string;

/**
 * The index (0 oldest … 5 the period asked for) of the period a day or time falls in. Dates and ISO times
 * compare as text against a day (`2026-01-05T10:00Z` ≥ `2026-01-05` and < `2026-01-06`), so one expression
 * serves both kinds of column. Rows are kept inside the window by `inWindow`.
 */
export function bucketOf(window: Window, column: RawBuilder<unknown>): RawBuilder<number> {
  const whens = window.periods
    .map((period, k) => ({ from: period.from, k }))
    .reverse()
    .map(({ from, k }) => sql`when ${column} >= ${from} then ${sql.lit(k)}`);
  return sql<number>`case ${sql.join(whens, sql` `)} end`;
}

export const inWindow = (window: Window, column: RawBuilder<unknown>) =>
  sql<boolean>`${column} >= ${window.periods[0]?.from} and ${column} < ${lastEnd(window)}`;

export const isPostgres = (db: Kysely<DB>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Runs the queries of `run` with PostgreSQL's JIT compilation off (in a transaction of their own, `set local`).
 * The planner's cost of a pass over two million interactions crosses the JIT thresholds, and compiling (with
 * inlining and optimisation) then took longer than the pass itself: 0.15–2.3 s of a 1.3–3.5 s query at the
 * scale data set. SQLite has no JIT: `run` gets the database as it is.
 */
export async function withoutJit<T>(db: Kysely<DB>, run: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  // Inside a caller's transaction the setting would outlive these queries: leave it as it is there.
  if (!isPostgres(db) || db.isTransaction) return run(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return run(trx);
  });
}

/** The day `days` days before the day `day` (a parameter), as `YYYY-MM-DD` text, on either database. */
export function daysBefore(db: Kysely<DB>, day: string, days: RawBuilder<unknown>): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`to_char(cast(${day} as date) - cast(${days} as integer), 'YYYY-MM-DD')`
    : sql<string>`date(${day}, '-' || ${days} || ' days')`;
}

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
/** A share in % to one decimal; null when nothing was measured. */
export const percent = (numerator: number, denominator: number) =>
  denominator > 0 ? round((numerator / denominator) * 100, 1) : null;
export const average = (sum: number, count: number) => (count > 0 ? round(sum / count, 2) : null);
