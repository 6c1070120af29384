import { memo, type ReactNode } from 'react';

interface Props {
  /** What the part shows, as text: it is drawn again only when this changes. */
  deps: string;
  render: () => ReactNode;
}

/**
 * The editor's form re-renders on every keystroke; a part of it wrapped in this is drawn again only when
 * its own values or errors change, so typing stays quick in a model of many steps. Its inputs still
 * write through the form, which reads the latest values itself.
 */
export const Stable = memo(
  function Stable({ render }: Props) {
    return render();
  },
  (before, after) => before.deps === after.deps,
);

/** The values and errors a part depends on, as one string for `Stable`. */
export function depsOf(
  values: unknown,
  errors: Record<string, unknown>,
  prefixes: readonly string[],
): string {
  const own = Object.entries(errors).filter(([path]) =>
    prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}.`)),
  );
  return JSON.stringify([values, own]);
}
