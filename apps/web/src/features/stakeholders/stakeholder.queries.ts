import type { Assessment, AuditEntry, Stakeholder } from '@rapport/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import type { StakeholderFilters } from './stakeholder.filters';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
  total?: number;
}

export const stakeholderKeys = {
  all: ['stakeholders'] as const,
  lists: () => [...stakeholderKeys.all, 'list'] as const,
  list: (filters: StakeholderFilters) => [...stakeholderKeys.lists(), filters] as const,
  search: (q: string) => [...stakeholderKeys.all, 'search', q] as const,
  detail: (id: string) => [...stakeholderKeys.all, 'detail', id] as const,
  assessments: (id: string) => [...stakeholderKeys.detail(id), 'assessments'] as const,
  audit: (id: string) => [...stakeholderKeys.detail(id), 'audit'] as const,
};

const pageSize = 50;

export function useStakeholderList(filters: StakeholderFilters) {
  return useInfiniteQuery({
    queryKey: stakeholderKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Stakeholder>>(
        withQuery('/stakeholders', {
          q: filters.q.trim(),
          category: filters.category,
          scope: filters.scope,
          quadrant: filters.quadrant,
          ownerId: filters.ownerId,
          tag: filters.tag,
          archived: filters.archived === 'false' ? undefined : filters.archived,
          sort: filters.sort,
          limit: pageSize,
          cursor: pageParam,
          count: pageParam === undefined ? true : undefined,
        }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** A few stakeholders whose name matches, to pick a parent. */
export function useStakeholderSearch(q: string) {
  return useQuery({
    queryKey: stakeholderKeys.search(q),
    queryFn: ({ signal }) =>
      api<Page<Stakeholder>>(withQuery('/stakeholders', { q: q.trim(), limit: 20, sort: 'name' }), {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useStakeholder(id: string | undefined) {
  return useQuery({
    queryKey: stakeholderKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Stakeholder>(`/stakeholders/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useAssessments(id: string) {
  return useInfiniteQuery({
    queryKey: stakeholderKeys.assessments(id),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Assessment>>(
        withQuery(`/stakeholders/${encodeURIComponent(id)}/assessments`, { limit: 20, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useStakeholderAudit(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: stakeholderKeys.audit(id),
    queryFn: ({ pageParam, signal }) =>
      api<Page<AuditEntry>>(
        withQuery('/audit-log', { entity: 'stakeholder', entityId: id, limit: 20, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
