import { describe, expect, it } from 'vitest';
import { lineDiff } from './versionDiff';

describe('lineDiff', () => {
  it('marks a changed line as removed then added, and keeps the others', () => {
    expect(lineDiff('Listen first\nAgree in writing', 'Listen first\nAgree by e-mail')).toEqual([
      { kind: 'same', text: 'Listen first' },
      { kind: 'removed', text: 'Agree in writing' },
      { kind: 'added', text: 'Agree by e-mail' },
    ]);
  });

  it('shows only the new line when a line is appended to a text without a final newline', () => {
    expect(lineDiff('One\nTwo', 'One\nTwo\nThree')).toEqual([
      { kind: 'same', text: 'One' },
      { kind: 'same', text: 'Two' },
      { kind: 'added', text: 'Three' },
    ]);
  });

  it('gives nothing for two empty texts and every line as added for a new text', () => {
    expect(lineDiff('', '')).toEqual([]);
    expect(lineDiff('', 'A\r\nB')).toEqual([
      { kind: 'added', text: 'A' },
      { kind: 'added', text: 'B' },
    ]);
  });
});
