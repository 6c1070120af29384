import type { CultureAssessment } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import {
  frequencyShift,
  frequentToxicBehaviours,
  readingOrder,
  scoreDifferences,
  toxicDifferences,
} from './culture.compare';

function assessment(
  id: string,
  assessedOn: string,
  overrides: Partial<CultureAssessment> = {},
): CultureAssessment {
  return {
    id,
    title: id,
    orgUnitId: null,
    assessedOn,
    scores: {
      controlTrust: 2,
      exchangeCommunal: 2,
      protectiveDisclosing: 3,
      processExperimental: 1,
      isolationSharing: 4,
    },
    dominantType: 'strictly_business',
    toxicBehaviours: {
      criticism: 'rarely',
      defensiveness: 'never',
      contempt: 'never',
      stonewalling: 'often',
    },
    strengths: '',
    risks: '',
    strategicRequirements: '',
    notes: '',
    createdBy: null,
    archivedAt: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('culture comparison', () => {
  const before = assessment('before', '2025-03-01');
  const after = assessment('after', '2026-03-01', {
    scores: {
      controlTrust: 4,
      exchangeCommunal: 2,
      protectiveDisclosing: 2,
      processExperimental: 1,
      isolationSharing: 5,
    },
    toxicBehaviours: {
      criticism: 'often',
      defensiveness: 'never',
      contempt: 'never',
      stonewalling: 'rarely',
    },
  });

  it('counts score changes from the first assessment to the second, per dimension', () => {
    expect(scoreDifferences(before, after).map((d) => d.change)).toEqual([2, 0, -1, 0, 1]);
  });

  it('counts a behaviour seen more often as a positive shift in steps', () => {
    expect(frequencyShift('rarely', 'often')).toBe(2);
    expect(frequencyShift('very_often', 'never')).toBe(-4);
    expect(toxicDifferences(before, after).map((d) => d.change)).toEqual([2, 0, 0, -2]);
  });

  it('puts the earlier assessment of one unit first whichever was chosen first', () => {
    expect(readingOrder(after, before).map((a) => a.id)).toEqual(['before', 'after']);
    expect(readingOrder(before, after).map((a) => a.id)).toEqual(['before', 'after']);
  });

  it('keeps two different units in the order they were chosen', () => {
    const otherUnit = assessment('other', '2024-01-01', { orgUnitId: 'unit-2' });
    expect(readingOrder(before, otherUnit).map((a) => a.id)).toEqual(['before', 'other']);
  });

  it('names the behaviours seen often or very often', () => {
    expect(frequentToxicBehaviours(before)).toEqual(['stonewalling']);
  });
});
