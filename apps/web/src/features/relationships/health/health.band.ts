import type { Health } from '@rapport/contracts';

export type HealthBand = 'good' | 'fair' | 'poor' | 'unmeasured';
type Reason = Health['reasons'][number];

/** SPEC §4 bands: 70 and above is healthy, below 40 at risk; no score means nothing could be measured. */
export function healthBand(score: number | null): HealthBand {
  if (score === null) return 'unmeasured';
  if (score >= 70) return 'good';
  if (score >= 40) return 'fair';
  return 'poor';
}

export const bandColors: Record<HealthBand, string> = {
  good: 'green',
  fair: 'orange',
  poor: 'red',
  unmeasured: 'gray',
};

/** What a reason measured, as a translation key and its values (sentiment to one decimal, signed). */
type MeasuredKey = 'health.measured.sentiment' | 'health.measured.overdue' | 'health.measured.onTime';

export function measuredText(
  reason: Reason,
): { key: MeasuredKey; values: Record<string, string | number> } | null {
  if (reason.value === null) return null;
  if (reason.component === 'sentiment') {
    const average = reason.value.toFixed(1);
    return {
      key: 'health.measured.sentiment',
      values: { average: reason.value > 0 ? `+${average}` : average },
    };
  }
  if (reason.component === 'contact' || reason.component === 'review') {
    return reason.value > 0
      ? { key: 'health.measured.overdue', values: { count: reason.value } }
      : { key: 'health.measured.onTime', values: {} };
  }
  return null;
}

/** The measured days of the history, for the trend's text alternative. */
export function trendSummary(days: readonly { day: string; score: number | null }[]) {
  const measured = days.filter((day): day is { day: string; score: number } => day.score !== null);
  const first = measured[0];
  const last = measured.at(-1);
  if (!first || !last) return null;
  return { first: first.score, last: last.score, count: measured.length };
}
