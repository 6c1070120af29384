import type {
  Exception,
  ExceptionSeverity,
  ExceptionStatus,
  ExceptionTransition,
  ExceptionType,
  Relationship,
} from '@rapport/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export interface ExceptionFilters {
  q: string;
  status: ExceptionStatus | null;
  type: ExceptionType | null;
  severity: ExceptionSeverity | null;
  open: boolean;
  overdue: boolean;
  relationshipId?: string;
}

export const exceptionKeys = {
  all: ['exceptions'] as const,
  lists: () => [...exceptionKeys.all, 'list'] as const,
  list: (filters: ExceptionFilters) => [...exceptionKeys.lists(), filters] as const,
  detail: (id: string) => [...exceptionKeys.all, 'detail', id] as const,
  transitions: (id: string) => [...exceptionKeys.detail(id), 'transitions'] as const,
};

export const exceptionPath = (id: string) => `/exceptions/${encodeURIComponent(id)}`;

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

const pageSize = 50;

/** The register, newest first, one page at a time. */
export function useExceptions(filters: ExceptionFilters) {
  return useInfiniteQuery({
    queryKey: exceptionKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Exception>>(
        withQuery('/exceptions', {
          q: filters.q.trim(),
          status: filters.status,
          type: filters.type,
          severity: filters.severity,
          open: filters.open ? 'true' : undefined,
          overdue: filters.overdue ? 'true' : undefined,
          relationshipId: filters.relationshipId,
          sort: '-createdAt',
          limit: pageSize,
          cursor: pageParam,
        }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useException(id: string) {
  return useQuery({
    queryKey: exceptionKeys.detail(id),
    queryFn: ({ signal }) => api<Exception>(exceptionPath(id), { signal }),
    enabled: Boolean(id),
  });
}

export function useExceptionTransitions(id: string) {
  return useQuery({
    queryKey: exceptionKeys.transitions(id),
    queryFn: ({ signal }) => api<Page<ExceptionTransition>>(`${exceptionPath(id)}/transitions`, { signal }),
    select: (page) => page.data,
  });
}

/** Relationships to raise an exception on, found by name. */
export function useRelationshipOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['relationships', 'options', q] as const,
    queryFn: ({ signal }) =>
      api<Page<Relationship>>(withQuery('/relationships', { q: q.trim(), sort: 'name', limit: 50 }), {
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
    select: (page) => page.data.map((relationship) => ({ value: relationship.id, label: relationship.name })),
  });
}
