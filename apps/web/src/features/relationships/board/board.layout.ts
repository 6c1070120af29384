import type { Relationship } from '@rapport/contracts';

/**
 * The cards of each column: a relationship appears in every column of the steps it is in now, since
 * steps may run in parallel. Relationships in none of the columns (a tailored step the model lacks) are
 * counted apart so the board can say they exist.
 */
export function placeCards(
  stepKeys: readonly string[],
  relationships: readonly Relationship[],
): { byStep: Map<string, Relationship[]>; elsewhere: number } {
  const byStep = new Map<string, Relationship[]>(stepKeys.map((key) => [key, []]));
  let elsewhere = 0;
  for (const relationship of relationships) {
    const columns = relationship.currentSteps.filter((key) => byStep.has(key));
    if (columns.length === 0) elsewhere += 1;
    for (const key of columns) byStep.get(key)?.push(relationship);
  }
  return { byStep, elsewhere };
}

/** The steps after dragging a card from one column to another: `from` is replaced, parallel steps stay. */
export function stepsAfterDrop(currentSteps: readonly string[], from: string, to: string): string[] {
  const replaced = currentSteps.map((key) => (key === from ? to : key));
  return replaced.filter((key, index) => replaced.indexOf(key) === index);
}

/** Up to two initials of a person's name, for a compact badge on a card. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words.at(0) ?? '';
  const last = words.length > 1 ? (words.at(-1) ?? '') : '';
  return [first, last].map((word) => Array.from(word)[0]?.toUpperCase() ?? '').join('');
}
