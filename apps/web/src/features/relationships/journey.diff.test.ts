import { describe, expect, it } from 'vitest';
import { diffJourney, isSameJourney } from './journey.diff';

const step = (key: string, name: string, ...activities: [string, string][]) => ({
  key,
  name,
  activities: activities.map(([activityKey, text]) => ({ key: activityKey, text })),
});

describe('diffJourney', () => {
  const model = [
    step('explore', 'Explore', ['a1', 'Map needs'], ['a2', 'Meet the sponsor']),
    step('agree', 'Agree', ['a1', 'Sign']),
    step('offer', 'Offer'),
  ];

  it('finds nothing when the journey is an untouched copy, even with a step renamed', () => {
    const copy = model.map((s) => (s.key === 'agree' ? { ...s, name: 'Contract' } : s));
    expect(isSameJourney(diffJourney(model, copy))).toBe(true);
  });

  it('names the steps and key activities added and removed', () => {
    const tailored = [
      step('explore', 'Explore', ['a2', 'Meet the sponsor'], ['a3', 'Visit the branch']),
      step('agree', 'Agree', ['a1', 'Sign']),
      step('pilot', 'Pilot'),
    ];
    expect(diffJourney(model, tailored)).toEqual({
      addedSteps: ['Pilot'],
      removedSteps: ['Offer'],
      activities: [{ step: 'Explore', added: ['Visit the branch'], removed: ['Map needs'] }],
    });
  });
});
