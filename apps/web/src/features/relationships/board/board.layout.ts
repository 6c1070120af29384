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
