import { describe, expect, it } from 'vitest';
import { daysOverdue } from './contact.due';

describe('daysOverdue', () => {
  it('counts calendar days late, whatever the time of day', () => {
    expect(daysOverdue('2026-11-20', new Date(2026, 10, 27, 23, 30))).toBe(7);
    expect(daysOverdue('2026-11-27', new Date(2026, 10, 27, 0, 5))).toBe(0);
  });

  it('is negative while the contact is still ahead', () => {
    expect(daysOverdue('2026-12-01', new Date(2026, 10, 27, 12))).toBe(-4);
  });
});
