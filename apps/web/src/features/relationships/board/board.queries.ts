import type { Board, BoardColumn } from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../app/api';
import { relationshipKeys } from '../relationship.queries';

export interface BoardFilters {
  modelId: string | null;
  managerId: string | null;
  agentId: string | null;
  groupId: string | null;
}

/** Cards per column at first; each column loads more on demand. */
export const cardsPerStep = 20;

const boardPath = (filters: BoardFilters, extra: Record<string, string | number | undefined> = {}) =>
  withQuery('/relationships/board', {
    modelId: filters.modelId,
    managerId: filters.managerId,
    agentId: filters.agentId,
    groupId: filters.groupId,
    perStep: cardsPerStep,
    ...extra,
  });

/** Kept under the relationship lists so a move, which refreshes the lists, refreshes the board too. */
const boardKey = (filters: BoardFilters) => [...relationshipKeys.lists(), 'board', filters] as const;

/** The board of one model: each step's count and its first cards, soonest contact first. */
export function useBoard(filters: BoardFilters) {
  return useQuery({
    queryKey: boardKey(filters),
    enabled: filters.modelId !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api<Board>(boardPath(filters), { signal }),
  });
}

/** The next cards of one column, after the cursor it gave. */
export async function nextCardsOf(filters: BoardFilters, step: string, cursor: string): Promise<BoardColumn> {
  const board = await api<Board>(boardPath(filters, { step, cursor }));
  return board.columns[0] as BoardColumn;
}
