import type { Relationship } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { initials, placeCards, stepsAfterDrop } from './board.layout';

const at = (id: string, currentSteps: string[]) => ({ id, currentSteps }) as Relationship;

describe('placeCards', () => {
  it('puts a relationship in every column of the steps it is in, and counts the ones in none', () => {
    const { byStep, elsewhere } = placeCards(
      ['explore', 'agree', 'review'],
      [at('a', ['explore']), at('b', ['agree', 'review']), at('c', ['tailored'])],
    );
    expect(byStep.get('explore')?.map((r) => r.id)).toEqual(['a']);
    expect(byStep.get('agree')?.map((r) => r.id)).toEqual(['b']);
    expect(byStep.get('review')?.map((r) => r.id)).toEqual(['b']);
    expect(elsewhere).toBe(1);
  });
});

describe('stepsAfterDrop', () => {
  it('replaces the step dragged from and keeps the parallel ones in place', () => {
    expect(stepsAfterDrop(['explore', 'deliver'], 'explore', 'agree')).toEqual(['agree', 'deliver']);
  });

  it('does not repeat a step it is already in', () => {
    expect(stepsAfterDrop(['explore', 'agree'], 'explore', 'agree')).toEqual(['agree']);
  });
});

describe('initials', () => {
  it('takes the first and last names, or the one name there is', () => {
    expect(initials('ada  lovelace byron')).toBe('AB');
    expect(initials('Wang')).toBe('W');
    expect(initials('王小明')).toBe('王');
  });
});
