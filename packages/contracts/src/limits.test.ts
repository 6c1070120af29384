import { describe, expect, it } from 'vitest';
import { Id, LongText, limits, Name, text, Version } from './limits.js';
import { JourneyStep, RelationshipModelCreate } from './models.js';

describe('the shared text schema', () => {
  it('refuses the NUL character wherever it is, with a message a form can show', () => {
    for (const schema of [text(), Name, LongText, Id]) {
      const result = schema.safeParse('a\u0000b');
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toContain(
        'must not contain the NUL character',
      );
    }
  });

  it('accepts any other text, Chinese, emoji and other control characters included', () => {
    expect(text().parse('王芳 👩‍👩‍👧 tab\tnew\nline')).toBe('王芳 👩‍👩‍👧 tab\tnew\nline');
    expect(Name.parse('  Acme  ')).toBe('Acme');
  });
});

describe('versions', () => {
  it('stop at the largest integer an integer column holds', () => {
    expect(Version.safeParse(limits.integer).success).toBe(true);
    expect(Version.safeParse(limits.integer + 1).success).toBe(false);
  });
});

describe('journey checks that also run on invalid input', () => {
  it('answer a step or a model of null with issues, not an exception', () => {
    expect(JourneyStep.safeParse(null).success).toBe(false);
    expect(RelationshipModelCreate.safeParse(null).success).toBe(false);
    expect(RelationshipModelCreate.safeParse({ steps: [null, 7, 'x'] }).success).toBe(false);
  });
});
