import { describe, expect, it } from 'vitest';
import { initials, stepsAfterDrop } from './board.layout';

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
