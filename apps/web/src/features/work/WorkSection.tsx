import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  count: number;
  /** What an empty section means, so an empty list reads as good news rather than as a fault. */
  empty: string;
  children: ReactNode;
}

/** One part of My work: a heading with how many things are in it, then the things or what none means. */
export function WorkSection({ id, title, count, empty, children }: Props) {
  const headingId = `${id}-title`;
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md">
      <Group gap="xs" mb="sm" wrap="nowrap">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        <Badge variant="light" color={count > 0 ? 'indigo' : 'gray'} circle={count < 10}>
          {count}
        </Badge>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {children}
        </Stack>
      )}
    </Paper>
  );
}
