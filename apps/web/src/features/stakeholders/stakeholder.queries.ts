import type { Assessment, AuditEntry, Stakeholder } from '@rapport/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type QueryParams, withQuery } from '../../app/api';
import { filterParams, type StakeholderFilters } from './stakeholder.filters';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
  total?: number;
}

export const stakeholderKeys = {
  all: ['stakeholders'] as const,
  lists: () => [...stakeholderKeys.all, 'list'] as const,
  list: (filters: StakeholderFilters, extra: QueryParams = {}) =>
    [...stakeholderKeys.lists(), filters, extra] as const,
  search: (q: string) => [...stakeholderKeys.all, 'search', q] as const,
  detail: (id: string) => [...stakeholderKeys.all, 'detail', id] as const,
  assessments: (id: string) => [...stakeholderKeys.detail(id), 'assessments'] as const,
  audit: (id: string) => [...stakeholderKeys.detail(id), 'audit'] as const,
};

const pageSize = 50;

/** `extra` adds list parameters the filter bar does not set (salience, due, a fixed sort). */
export function useStakeholderList(filters: StakeholderFilters, extra: QueryParams = {}, enabled = true) {
  return useInfiniteQuery({
    queryKey: stakeholderKeys.list(filters, extra),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Stakeholder>>(
        withQuery('/stakeholders', {
          ...filterParams(filters),
          sort: filters.sort,
          limit: pageSize,
          cursor: pageParam,
          count: pageParam === undefined ? true : undefined,
          ...extra,
        }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
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
