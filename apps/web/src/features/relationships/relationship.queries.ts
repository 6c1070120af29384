import type { Assignment, ChecklistTick, JourneyMove, ModelProposal, Relationship } from '@rapport/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export interface RelationshipFilters {
  q: string;
  status: Relationship['status'] | null;
  /** `mine` is turned into the signed-in user's id when the list is asked for. */
  manager: 'mine' | null;
  agentId: string | null;
  modelId: string | null;
}

export const emptyRelationshipFilters: RelationshipFilters = {
  q: '',
  status: null,
  manager: null,
  agentId: null,
  modelId: null,
};

export const relationshipKeys = {
  all: ['relationships'] as const,
  lists: () => [...relationshipKeys.all, 'list'] as const,
  list: (filters: RelationshipFilters, managerId: string | null) =>
    [...relationshipKeys.lists(), filters, managerId] as const,
  proposals: (stakeholderId: string) => [...relationshipKeys.all, 'proposed-models', stakeholderId] as const,
  detail: (id: string) => [...relationshipKeys.all, 'detail', id] as const,
  moves: (id: string) => [...relationshipKeys.detail(id), 'moves'] as const,
  checklist: (id: string) => [...relationshipKeys.detail(id), 'checklist'] as const,
};

export const relationshipPath = (id: string) => `/relationships/${encodeURIComponent(id)}`;

interface Page<T> {
  data: T[];
  nextCursor: string | null;
  total?: number;
}

export function useRelationships(filters: RelationshipFilters, managerId: string | null) {
  return useInfiniteQuery({
    queryKey: relationshipKeys.list(filters, managerId),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Relationship>>(
        withQuery('/relationships', {
          q: filters.q.trim(),
          status: filters.status,
          managerId,
          agentId: filters.agentId,
          modelId: filters.modelId,
          sort: 'name',
          limit: 50,
          cursor: pageParam,
        }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useRelationship(id: string) {
  return useQuery({
    queryKey: relationshipKeys.detail(id),
    queryFn: ({ signal }) => api<Relationship>(relationshipPath(id), { signal }),
  });
}

/**
 * Who a relationship is assigned to (for the rules about records), or null without a relationship or while it
 * loads — the stricter answer, so nothing is offered that the server would refuse. Shares the detail's cache.
 */
export function useAssignment(id: string | null): Assignment | null {
  const { data } = useQuery({
    queryKey: relationshipKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Relationship>(relationshipPath(id ?? ''), { signal }),
    enabled: id !== null,
  });
  return data ? { managerId: data.managerId, agentId: data.agentId } : null;
}

/** The models in force for the stakeholder's groups, one of which the new relationship follows. */
export function useProposedModels(stakeholderId: string) {
  return useQuery({
    queryKey: relationshipKeys.proposals(stakeholderId),
    queryFn: ({ signal }) =>
      api<ModelProposal>(withQuery('/relationships/proposed-models', { stakeholderId }), { signal }),
    enabled: stakeholderId !== '',
  });
}

export function useJourneyMoves(id: string) {
  return useQuery({
    queryKey: relationshipKeys.moves(id),
    queryFn: ({ signal }) => api<Page<JourneyMove>>(`${relationshipPath(id)}/moves`, { signal }),
    select: (page) => page.data,
  });
}

export function useChecklist(id: string) {
  return useQuery({
    queryKey: relationshipKeys.checklist(id),
    queryFn: ({ signal }) => api<{ data: ChecklistTick[] }>(`${relationshipPath(id)}/checklist`, { signal }),
    select: (list) => list.data,
  });
}
