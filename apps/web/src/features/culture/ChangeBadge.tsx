import { Text } from '@mantine/core';

interface Props {
  change: number;
  /** Says the change in words ("+2 toward trust"), so it does not rest on colour alone. */
  text: string;
}

/** A difference between two assessments, marked stronger the larger it is; the text wraps, never cut. */
export function ChangeBadge({ change, text }: Props) {
  if (change === 0)
    return (
      <Text span size="sm" c="dimmed">
        {text}
      </Text>
    );
  return (
    <Text
      span
      size="sm"
      fw={Math.abs(change) >= 2 ? 700 : 600}
      bg={Math.abs(change) >= 2 ? 'yellow.4' : 'yellow.2'}
      px={6}
      py={2}
      style={{ borderRadius: 'var(--mantine-radius-sm)', display: 'inline-block' }}
    >
      {text}
    </Text>
  );
}
