import { diffLines } from 'diff';

export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

/** Every text ends with a newline before comparing, so a last line that gains a successor is not "changed". */
const withFinalNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/** The lines of `after` against `before`: kept, removed and added, in reading order. */
export function lineDiff(before: string, after: string): DiffLine[] {
  return diffLines(
    withFinalNewline(before.replaceAll('\r\n', '\n')),
    withFinalNewline(after.replaceAll('\r\n', '\n')),
  ).flatMap((change) => {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    return change.value
      .replace(/\n$/, '')
      .split('\n')
      .map((text) => ({ kind, text }));
  });
}
