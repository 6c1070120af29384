import { describe, expect, it } from 'vitest';
import { compareVersions } from './model.compare';

const step = (key: string, name: string, activities: [string, string][] = []) => ({
  key,
  name,
  purpose: '',
  activities: activities.map(([activityKey, text]) => ({ key: activityKey, text })),
  responsibilities: [],
  risks: [],
  opportunities: [],
  behaviours: [],
  contactEveryDays: null,
});

const base = {
  title: 'Partners',
  description: '',
  relationshipType: 'partnership' as const,
  communality: {
    controlTrust: 4,
    exchangeCommunal: 4,
    protectiveDisclosing: 4,
    processExperimental: 3,
    isolationSharing: 5,
  },
  contactEveryDays: 14,
  contactEveryDaysByQuadrant: {},
  reviewEveryDays: 90,
  healthWeights: { sentiment: 30, exceptions: 20, contact: 20, review: 10, satisfaction: 20 },
  steps: [
    step('explore', 'Explore', [
      ['a1', 'Map the market'],
      ['a2', 'Find partners'],
    ]),
    step('agree', 'Agree', [['a1', 'Sign']]),
  ],
};

describe('comparing two versions of a model', () => {
  it('finds nothing between a version and itself', () => {
    expect(compareVersions(base, base)).toEqual({ fields: [], steps: [] });
  });

  it('names added, removed and changed steps and activities by their keys', () => {
    const later = {
      ...base,
      reviewEveryDays: 60,
      steps: [
        step('explore', 'Explore the market', [
          ['a1', 'Map the market and its trends'],
          ['a3', 'Meet candidates'],
        ]),
        step('withdraw', 'Withdraw'),
      ],
    };
    const diff = compareVersions(base, later);
    expect(diff.fields).toEqual(['reviewEveryDays']);
    expect(diff.steps.map((s) => [s.key, s.change])).toEqual([
      ['explore', 'changed'],
      ['withdraw', 'added'],
      ['agree', 'removed'],
    ]);
    expect(diff.steps[0]?.parts).toEqual(['name']);
    expect(diff.steps[0]?.activities.map((a) => [a.key, a.change])).toEqual([
      ['a1', 'changed'],
      ['a3', 'added'],
      ['a2', 'removed'],
    ]);
  });

  it('notices a step that only moved', () => {
    const later = { ...base, steps: [base.steps[1], base.steps[0]].filter((s) => s !== undefined) };
    const diff = compareVersions(base, later);
    expect(diff.steps.every((s) => s.change === 'changed' && s.moved && s.parts.length === 0)).toBe(true);
  });
});
