import { describe, expect, it } from 'vitest';
import { healthBand, measuredText, trendSummary } from './health.band';

describe('healthBand', () => {
  it('bands 70 and above green, 40 to 69 orange, below 40 red', () => {
    expect([100, 70, 69, 40, 39, 0].map(healthBand)).toEqual([
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      'poor',
    ]);
  });

  it('says a missing score is not measured yet rather than poor', () => {
    expect(healthBand(null)).toBe('unmeasured');
  });
});

describe('measuredText', () => {
  const reason = (component: 'sentiment' | 'contact' | 'review' | 'exceptions', value: number | null) => ({
    component,
    weight: 20,
    score: 50,
    value,
  });

  it('shows the average sentiment to one decimal with its sign', () => {
    expect(measuredText(reason('sentiment', 0.67))).toEqual({
      key: 'health.measured.sentiment',
      values: { average: '+0.7' },
    });
    expect(measuredText(reason('sentiment', -1.25))?.values).toEqual({ average: '-1.3' });
  });

  it('counts days overdue for contact and review, and says on time when none', () => {
    expect(measuredText(reason('contact', 12))).toEqual({
      key: 'health.measured.overdue',
      values: { count: 12 },
    });
    expect(measuredText(reason('review', 0))).toEqual({ key: 'health.measured.onTime', values: {} });
  });

  it('says nothing when nothing was measured', () => {
    expect(measuredText(reason('sentiment', null))).toBeNull();
    expect(measuredText(reason('exceptions', null))).toBeNull();
  });
});

describe('trendSummary', () => {
  it('takes the first and last measured days and counts them', () => {
    const days = [
      { day: '2026-01-01', score: null },
      { day: '2026-01-02', score: 64 },
      { day: '2026-01-03', score: 58 },
      { day: '2026-01-04', score: 72 },
    ];
    expect(trendSummary(days)).toEqual({ first: 64, last: 72, count: 3 });
  });

  it('is empty when no day was measured', () => {
    expect(trendSummary([{ day: '2026-01-01', score: null }])).toBeNull();
    expect(trendSummary([])).toBeNull();
  });
});
