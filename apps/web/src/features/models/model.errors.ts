import type { ListOrigins } from './model.form';

export type ErrorPath = readonly PropertyKey[];

/** `steps.2.activities.1.key` as the server writes it, with list indexes as numbers. */
export function parsePath(path: string): ErrorPath {
  return path
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * The form input an error of the request belongs to. Keys are generated, so a key error is shown on
 * what the key was made from (a step's name, an activity's text), and list indexes are translated back
 * to the form's rows because blank rows were left out of the request.
 */
export function formPathOf(path: ErrorPath, origins: readonly ListOrigins[]): string {
  const [first, stepIndex, list, itemIndex, field] = path;
  if (first !== 'steps' || typeof stepIndex !== 'number') return path.map(String).join('.');
  const step = `steps.${stepIndex}`;
  if (list === undefined) return step;
  if (list === 'key') return `${step}.name`;
  const origin = origins[stepIndex]?.[list as keyof ListOrigins];
  if (!origin) return `${step}.${path.slice(2).map(String).join('.')}`;
  if (typeof itemIndex !== 'number') return `${step}.${String(list)}`;
  const row = `${step}.${String(list)}.${origin[itemIndex] ?? itemIndex}`;
  if (list === 'responsibilities') return `${row}.${field === 'raci' ? 'raci' : 'role'}`;
  return `${row}.text`;
}

/** The steps (by index) that have an error somewhere inside them, to mark them in the step list. */
export function stepsWithErrors(errorPaths: readonly string[]): Set<number> {
  const indexes = errorPaths.flatMap((path) => {
    const match = /^steps\.(\d+)(\.|$)/.exec(path);
    return match ? [Number(match[1])] : [];
  });
  return new Set(indexes);
}

/** Rules of the contract whose English message is replaced by a translated one. */
export type KnownRule = 'duplicateStep' | 'duplicateActivity' | 'oneAccountable' | 'weightSum';

export function ruleOf(path: ErrorPath, message: string): KnownRule | null {
  const text = path.map(String).join('.');
  if (/^steps\.\d+\.key$/.test(text) && /twice/.test(message)) return 'duplicateStep';
  if (/^steps\.\d+\.activities\.\d+\.key$/.test(text) && /twice/.test(message)) return 'duplicateActivity';
  if (/\.responsibilities\.\d+\.raci$/.test(text) && /accountable/.test(message)) return 'oneAccountable';
  if (text === 'healthWeights' && /add up/.test(message)) return 'weightSum';
  return null;
}
