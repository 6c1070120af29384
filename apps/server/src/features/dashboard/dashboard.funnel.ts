import type { FunnelStep } from '@rapport/contracts';
import { fromJsonList } from '../../shared/json.js';

export interface MoveRow {
  id: string;
  created_at: string;
  from_steps: string;
  to_steps: string;
  at: string;
}

const DAY_MS = 86_400_000;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The journey funnel from the history of moves (ordered per relationship, then by time). A move *leaves* the
 * steps it came from and is not going to; it *advances* a step when it enters the step after it in the model's
 * order. Conversion of a step = exits in the period that advanced ÷ exits in the period (the last step has
 * none). Time spent = from entering the step (a move into it, or the opening of the relationship when it was
 * placed there at the start) to leaving it, for the exits in the period.
 */
export function funnelOf(
  steps: { key: string; name: string }[],
  now: Map<string, number>,
  moves: MoveRow[],
  period: { from: string; to: string },
): FunnelStep[] {
  const order = new Map(steps.map((step, index) => [step.key, index]));
  const left = new Map<string, number>();
  const advanced = new Map<string, number>();
  const durations = new Map<string, number[]>();
  let current = '';
  let entered = new Map<string, string>();
  for (const move of moves) {
    if (move.id !== current) {
      current = move.id;
      entered = new Map();
    }
    const from = fromJsonList(move.from_steps);
    const to = fromJsonList(move.to_steps);
    const inPeriod = move.at >= period.from && move.at <= period.to;
    for (const step of from) {
      if (to.includes(step)) continue;
      const since = entered.get(step) ?? move.created_at;
      entered.delete(step);
      if (!inPeriod) continue;
      left.set(step, (left.get(step) ?? 0) + 1);
      const index = order.get(step);
      const next = index === undefined ? undefined : steps[index + 1]?.key;
      if (next !== undefined && to.includes(next) && !from.includes(next))
        advanced.set(step, (advanced.get(step) ?? 0) + 1);
      const days = (Date.parse(move.at) - Date.parse(since)) / DAY_MS;
      const list = durations.get(step) ?? [];
      list.push(days);
      durations.set(step, list);
    }
    for (const step of to) if (!from.includes(step)) entered.set(step, move.at);
  }
  return steps.map((step, index) => {
    const exits = left.get(step.key) ?? 0;
    const onward = advanced.get(step.key) ?? 0;
    const days = (durations.get(step.key) ?? []).sort((a, b) => a - b);
    const middle = median(days);
    return {
      key: step.key,
      name: step.name,
      now: now.get(step.key) ?? 0,
      left: exits,
      advanced: onward,
      conversion: index === steps.length - 1 || exits === 0 ? null : oneDecimal((onward / exits) * 100),
      medianDays: middle === null ? null : oneDecimal(middle),
      averageDays: days.length === 0 ? null : oneDecimal(days.reduce((sum, d) => sum + d, 0) / days.length),
    };
  });
}
