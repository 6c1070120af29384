const maxSlugLength = 24;
let counter = 0;

/** An id for React lists and focus, unique within this page; never sent to the server. */
export function localId(): string {
  counter += 1;
  return `item-${counter}`;
}

function randomKey(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 7)}`;
}

/** Lower-case letters, digits and dashes from a name, cut at a word so it stays readable. */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxSlugLength) return slug;
  const cut = slug.slice(0, maxSlugLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, maxSlugLength)).replace(/-+$/, '');
}

/**
 * A key for a new step or activity: the slug of its text, or a short random key when the text has no
 * Latin letters or digits (a Chinese name, say); `-2`, `-3`… when another item already has it.
 */
export function newKey(text: string, taken: ReadonlySet<string>, prefix: string): string {
  const base = slugOf(text) || randomKey(prefix);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
