import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { JourneyStep } from '@rapport/contracts';
import { type DragEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  step: Pick<JourneyStep, 'key' | 'name'>;
  count: number;
  /** Whether a card being dragged may be dropped here (not on the column it comes from). */
  accepts: boolean;
  onDrop: () => void;
  children: ReactNode;
}

/** One journey step: a labelled list of the relationships in it, and a drop target while dragging. */
export function BoardColumn({ step, count, accepts, onDrop, children }: Props) {
  const { t } = useTranslation(['relationships']);
  const [over, setOver] = useState(false);
  const headingId = `board-step-${step.key}`;

  const dragOver = (event: DragEvent) => {
    if (!accepts) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (accepts) onDrop();
  };

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="sm"
      radius="md"
      bg={over ? 'indigo.0' : 'gray.0'}
      miw={240}
      w={260}
      style={{ flexShrink: 0, outline: over ? '2px dashed var(--mantine-color-indigo-5)' : undefined }}
      onDragOver={dragOver}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-step={step.key}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" id={headingId}>
          {step.name}
        </Title>
        <Badge variant="light" color="gray" aria-label={t('board.count', { count })}>
          {count}
        </Badge>
      </Group>
      {count === 0 && (
        <Text size="xs" c="dimmed">
          {t('board.columnEmpty')}
        </Text>
      )}
      <Stack
        component="ul"
        aria-labelledby={headingId}
        gap="xs"
        mih={48}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {children}
      </Stack>
    </Paper>
  );
}
