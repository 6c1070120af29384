import { describe, expect, it } from 'vitest';
import { daysUntil, localToday } from './work.dates';

describe('daysUntil', () => {
  it('counts the days overdue as negative and the days ahead as positive', () => {
    expect(daysUntil('2026-03-01', '2026-03-04')).toBe(-3);
    expect(daysUntil('2026-03-04', '2026-03-04')).toBe(0);
    expect(daysUntil('2026-03-10', '2026-03-04')).toBe(6);
  });

  it('is not thrown off by a change to summer time', () => {
    expect(daysUntil('2026-03-30', '2026-03-28')).toBe(2);
  });
});

describe('localToday', () => {
  it('is the local calendar date, padded', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
