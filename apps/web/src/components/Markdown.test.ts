import { describe, expect, it } from 'vitest';
import { highestHeadingDepth } from './Markdown';

describe('highestHeadingDepth', () => {
  it('finds the highest heading the author wrote', () => {
    expect(highestHeadingDepth('## Before\n\ntext\n\n### Details')).toBe(2);
    expect(highestHeadingDepth('# Title\n\n## Section')).toBe(1);
  });

  it('ignores lines in code blocks and hashes that are not headings', () => {
    expect(highestHeadingDepth('```\n# a comment\n```\n\n### Only this\n\n#hashtag')).toBe(3);
  });

  it('is 1 for a text without headings', () => {
    expect(highestHeadingDepth('Just a paragraph.')).toBe(1);
  });
});
