import { Typography } from '@mantine/core';
import type { ComponentProps } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

interface MarkdownProps {
  children: string;
  /**
   * The level the text's highest heading takes on the page (whether the author wrote `#` or `##`), so the
   * text's headings sit below the page's own and the page keeps its heading order.
   */
  topHeading?: HeadingLevel;
}

function ExternalLink({ node: _node, ...props }: ComponentProps<'a'> & { node?: unknown }) {
  return <a {...props} target="_blank" rel="noopener noreferrer" />;
}

const headingTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** The depth of the text's highest ATX heading (`#` = 1), code blocks left out; 1 when it has none. */
export function highestHeadingDepth(markdown: string): number {
  let inFence = false;
  let highest = Number.POSITIVE_INFINITY;
  for (const line of markdown.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^\s{0,3}(#{1,6})(\s|$)/.exec(line);
    if (heading?.[1]) highest = Math.min(highest, heading[1].length);
  }
  return Number.isFinite(highest) ? highest : 1;
}

function headingComponents(top: HeadingLevel, highest: number): Components {
  // A heading above the highest ATX one (a setext `===` title) still sits at `top`, never above it.
  const level = (depth: number) => headingTags[Math.min(6, Math.max(top, top + depth - highest)) - 1] ?? 'h6';
  return {
    h1: level(1),
    h2: level(2),
    h3: level(3),
    h4: level(4),
    h5: level(5),
    h6: level(6),
  };
}

/**
 * Text written by users, rendered as Markdown. Raw HTML is dropped rather than rendered (`skipHtml`), and
 * react-markdown's default URL filter removes `javascript:` and other unsafe links.
 */
export function Markdown({ children, topHeading = 2 }: MarkdownProps) {
  return (
    <Typography>
      <ReactMarkdown
        skipHtml
        components={{ ...headingComponents(topHeading, highestHeadingDepth(children)), a: ExternalLink }}
      >
        {children}
      </ReactMarkdown>
    </Typography>
  );
}
