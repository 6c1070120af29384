import type { Relationship } from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../app/api';
import { relationshipKeys } from '../relationship.queries';

export interface BoardFilters {
  modelId: string | null;
  managerId: string | null;
  agentId: string | null;
}

/** A board shows everything at once, so pages are fetched up to this many cards and no further. */
export const boardCardCap = 1000;
const pageSize = 200;

interface Page {
  data: Relationship[];
  nextCursor: string | null;
}

/** Kept under the relationship lists so a move, which refreshes the lists, refreshes the board too. */
const boardKey = (filters: BoardFilters) => [...relationshipKeys.lists(), 'board', filters] as const;

export function useBoardRelationships(filters: BoardFilters) {
  return useQuery({
    queryKey: boardKey(filters),
    enabled: filters.modelId !== null,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const relationships: Relationship[] = [];
      let cursor: string | undefined;
      do {
        const page = await api<Page>(
          withQuery('/relationships', {
            modelId: filters.modelId,
            managerId: filters.managerId,
            agentId: filters.agentId,
            status: 'active',
            sort: 'name',
            limit: pageSize,
            cursor,
          }),
          { signal },
        );
        relationships.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && relationships.length < boardCardCap);
      return { relationships, more: cursor !== undefined };
    },
  });
}
