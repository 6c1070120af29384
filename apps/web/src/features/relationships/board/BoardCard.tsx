import { Anchor, Avatar, Button, Group, Paper, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { BoardCard as Card } from '@rapport/contracts';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../app/format';
import { HealthBadge } from '../health/HealthBadge';
import { relationshipPath } from '../relationship.queries';
import { initials } from './board.layout';

interface Props {
  relationship: Card;
  today: string;
  userName: (id: string | null) => string | null;
  /** Absent when the user may not move relationships: the card is then neither draggable nor has a Move button. */
  onDragStart?: () => void;
  onDragEnd?: () => void;
  onMove?: () => void;
}

function Person({ role, name }: { role: string; name: string | null }) {
  if (!name) return null;
  return (
    <Tooltip label={`${role}: ${name}`}>
      <span>
        <Avatar size="sm" radius="xl" color="indigo" aria-hidden>
          {initials(name)}
        </Avatar>
        <VisuallyHidden>{`${role}: ${name}`}</VisuallyHidden>
      </span>
    </Tooltip>
  );
}

export function BoardCard({ relationship, today, userName, onDragStart, onDragEnd, onMove }: Props) {
  const { t, i18n } = useTranslation(['relationships']);
  const next = relationship.nextContactOn;
  const overdue = next !== null && next < today;
  const review = relationship.nextReviewOn;
  const draggable = onDragStart !== undefined;

  const startDrag = (event: DragEvent) => {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', relationship.id);
    onDragStart?.();
  };

  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      shadow="xs"
      draggable={draggable}
      onDragStart={draggable ? startDrag : undefined}
      onDragEnd={onDragEnd}
      style={{ cursor: draggable ? 'grab' : undefined }}
      data-relationship-id={relationship.id}
    >
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={relationshipPath(relationship.id)} fw={500} size="sm" draggable={false}>
          {relationship.name}
        </Anchor>
        <HealthBadge health={relationship.health} />
      </Group>
      <Text size="xs" c="dimmed">
        {relationship.stakeholderName}
      </Text>
      <Group justify="space-between" mt={6} gap={4} wrap="nowrap">
        <Group gap={4} wrap="nowrap">
          <Person role={t('fields.manager')} name={userName(relationship.managerId)} />
          <Person role={t('fields.agent')} name={userName(relationship.agentId)} />
        </Group>
        {next && (
          <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
            {overdue
              ? t('board.contactOverdue', { date: formatDay(next, i18n.language) })
              : t('board.nextContact', { date: formatDay(next, i18n.language) })}
          </Text>
        )}
      </Group>
      {review !== null && review < today && (
        <Text size="xs" c="red" fw={600} mt={4}>
          {t('board.reviewOverdue', { date: formatDay(review, i18n.language) })}
        </Text>
      )}
      {onMove && (
        <Button
          size="compact-xs"
          variant="subtle"
          mt={4}
          onClick={onMove}
          aria-label={t('board.moveCard', { name: relationship.name })}
        >
          {t('board.move')}
        </Button>
      )}
    </Paper>
  );
}
