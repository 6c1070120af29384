import { TREND_POINTS } from './kpi.period.js';

/** One KPI value with what it was computed from. */
export interface Measure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface Breakdown {
  id: string;
  label: string;
  value: number | null;
  count: number;
}

/** A KPI over the six periods (oldest first) and its breakdown for the period asked for. */
export interface Series {
  points: Measure[];
  breakdown: Breakdown[];
}

export const noMeasure: Measure = { value: null, numerator: null, denominator: null };

/** Rows grouped by period index `b` → one measure per period; periods without rows get `empty`. */
export function perPeriod<Row extends { b: number | string | null }>(
  rows: Row[],
  measure: (row: Row) => Measure,
  empty: Measure = noMeasure,
): Measure[] {
  const points: Measure[] = Array.from({ length: TREND_POINTS }, () => empty);
  for (const row of rows) {
    if (row.b === null) continue;
    points[Number(row.b)] = measure(row);
  }
  return points;
}
