import { Alert, Anchor, Button, Group, ScrollArea, Text, VisuallyHidden } from '@mantine/core';
import type { BoardCard as Card, BoardColumn as Column, Relationship } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoader } from '../../../components/PageLoader';
import { useCan, useCurrentUser } from '../../auth/auth.queries';
import { emptyModelFilters, useModels } from '../../models/model.queries';
import { localToday } from '../../work/work.dates';
import { useUserName } from '../relationship.names';
import { relationshipKeys } from '../relationship.queries';
import { BoardCard } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import { type BoardChoice, BoardFilterBar } from './BoardFilterBar';
import { BoardMoveModal, type PlannedMove } from './BoardMoveModal';
import { stepsAfterDrop } from './board.layout';
import { type BoardFilters, cardsPerStep, nextCardsOf, useBoard } from './board.queries';

const inForce = { ...emptyModelFilters, inForce: 'true' as const };

/** The active relationships of one model, in columns by journey step; cards move by drag or by dialog. */
export default function RelationshipBoardPage() {
  const { t } = useTranslation(['relationships']);
  const me = useCurrentUser();
  const canMove = useCan('relationships.write');
  const queryClient = useQueryClient();
  const userName = useUserName();
  const models = useModels(inForce);
  // The model is kept in the address so a reload, or a link from elsewhere, opens the same board.
  const [params, setParams] = useSearchParams();
  const [people, setPeople] = useState<Omit<BoardChoice, 'modelId'>>({
    manager: null,
    agentId: null,
    groupId: null,
  });
  const modelId = params.get('model') ?? models.data?.[0]?.id ?? null;
  const filters: BoardFilters = {
    modelId,
    managerId: people.manager === 'mine' ? me.id : null,
    agentId: people.agentId,
    groupId: people.groupId,
  };
  const board = useBoard(filters);
  // Cards loaded with "Show more", per column; a new board (filters, a move) starts from its first cards again.
  const [loaded, setLoaded] = useState<{ at: number; columns: Record<string, Column> }>({
    at: 0,
    columns: {},
  });
  const more = loaded.at === board.dataUpdatedAt ? loaded.columns : {};
  const [loadingMore, setLoadingMore] = useState<string | null>(null);
  const [dragged, setDragged] = useState<{ relationship: Card; from: string } | null>(null);
  const [planned, setPlanned] = useState<PlannedMove | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [movedMeanwhile, setMovedMeanwhile] = useState<string | null>(null);
  const today = localToday();

  const header = (
    <>
      <Anchor component={Link} to="/relationships" size="sm">
        ← {t('board.back')}
      </Anchor>
      <PageHeader title={t('board.title')} description={t('board.description')} />
    </>
  );
  if (models.isPending) return <PageLoader />;
  if (models.isError) return <ErrorAlert error={models.error} onRetry={() => void models.refetch()} />;
  if (models.data.length === 0)
    return (
      <>
        {header}
        <EmptyState
          title={t('board.noModelTitle')}
          description={t('board.noModelBody')}
          action={
            <Button component={Link} to="/approach/models" variant="light">
              {t('board.goToModels')}
            </Button>
          }
        />
      </>
    );

  const columns = board.data?.columns ?? [];
  const stepName = (key: string) => columns.find((step) => step.key === key)?.name ?? key;
  const elsewhere = board.data?.elsewhere ?? 0;
  const cardsOf = (column: Column) => [...column.cards, ...(more[column.key]?.cards ?? [])];
  const cursorOf = (column: Column) =>
    (more[column.key] ? more[column.key]?.nextCursor : column.nextCursor) ?? null;
  const showMore = async (column: Column) => {
    const cursor = cursorOf(column);
    if (!cursor) return;
    setLoadingMore(column.key);
    try {
      const next = await nextCardsOf(filters, column.key, cursor);
      setLoaded({
        at: board.dataUpdatedAt,
        columns: {
          ...more,
          [column.key]: { ...next, cards: [...(more[column.key]?.cards ?? []), ...next.cards] },
        },
      });
    } finally {
      setLoadingMore(null);
    }
  };

  const moved = (relationship: Relationship) => {
    setPlanned(null);
    setMovedMeanwhile(null);
    setAnnouncement(
      t('board.moved', {
        name: relationship.name,
        steps: relationship.currentSteps.map(stepName).join(', '),
      }),
    );
  };
  const conflicted = (relationship: Card) => {
    setPlanned(null);
    setMovedMeanwhile(t('board.movedMeanwhile', { name: relationship.name }));
    void queryClient.invalidateQueries({ queryKey: relationshipKeys.lists() });
  };

  return (
    <>
      {header}
      <BoardFilterBar
        models={models.data}
        choice={{ ...people, modelId }}
        onChange={({ modelId: chosen, ...rest }) => {
          setPeople(rest);
          if (chosen && chosen !== modelId) setParams({ model: chosen }, { replace: true });
        }}
      />
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {movedMeanwhile && (
        <Alert color="orange" variant="light" role="alert" mb="md" title={t('move.conflictTitle')}>
          {movedMeanwhile}
        </Alert>
      )}
      {elsewhere > 0 && (
        <Text size="sm" c="dimmed" mb="md">
          {t('board.elsewhere', { count: elsewhere })}
        </Text>
      )}
      {board.isError ? (
        <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
      ) : board.isPending ? (
        <PageLoader />
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
            {columns.map((step) => {
              const cards = cardsOf(step);
              const remaining = step.count - cards.length;
              return (
                <BoardColumn
                  key={step.key}
                  step={step}
                  count={step.count}
                  accepts={dragged !== null && !dragged.relationship.currentSteps.includes(step.key)}
                  onDrop={() => {
                    if (!dragged) return;
                    setPlanned({
                      relationship: dragged.relationship,
                      steps: stepsAfterDrop(dragged.relationship.currentSteps, dragged.from, step.key),
                    });
                    setDragged(null);
                  }}
                >
                  {cards.map((relationship) => (
                    <BoardCard
                      key={relationship.id}
                      relationship={relationship}
                      today={today}
                      userName={userName}
                      {...(canMove && {
                        onDragStart: () => setDragged({ relationship, from: step.key }),
                        onDragEnd: () => setDragged(null),
                        onMove: () => setPlanned({ relationship, steps: relationship.currentSteps }),
                      })}
                    />
                  ))}
                  {remaining > 0 && cursorOf(step) && (
                    <li>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        loading={loadingMore === step.key}
                        onClick={() => void showMore(step)}
                      >
                        {t('board.showMore', { count: Math.min(remaining, cardsPerStep) })}
                      </Button>
                    </li>
                  )}
                </BoardColumn>
              );
            })}
          </Group>
        </ScrollArea>
      )}
      <BoardMoveModal
        move={planned}
        columns={columns}
        onClose={() => setPlanned(null)}
        onMoved={moved}
        onMovedMeanwhile={conflicted}
      />
    </>
  );
}
