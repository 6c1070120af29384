import type {
  AgreementStatus,
  DocumentVersionSummary,
  Principle,
  PrincipleSummary,
  PrincipleVersion,
} from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export interface PrincipleFilters {
  q: string;
  status: AgreementStatus | null;
  inForce: 'true' | 'false' | null;
  reviewDue: boolean;
}

export const emptyPrincipleFilters: PrincipleFilters = {
  q: '',
  status: null,
  inForce: null,
  reviewDue: false,
};

export const principleKeys = {
  all: ['principles'] as const,
  lists: () => [...principleKeys.all, 'list'] as const,
  list: (filters: PrincipleFilters) => [...principleKeys.lists(), filters] as const,
  options: () => [...principleKeys.all, 'options'] as const,
  detail: (id: string) => [...principleKeys.all, 'detail', id] as const,
  versions: (id: string) => [...principleKeys.detail(id), 'versions'] as const,
  version: (id: string, number: number) => [...principleKeys.versions(id), number] as const,
};

export const principlePath = (id: string) => `/principles/${encodeURIComponent(id)}`;

interface PrinciplePage {
  data: PrincipleSummary[];
  nextCursor: string | null;
}

export function usePrinciples(filters: PrincipleFilters) {
  return useQuery({
    queryKey: principleKeys.list(filters),
    queryFn: ({ signal }) =>
      api<PrinciplePage>(
        withQuery('/principles', {
          q: filters.q.trim(),
          status: filters.status,
          inForce: filters.inForce,
          reviewDue: filters.reviewDue ? 'true' : undefined,
          sort: 'title',
          limit: 200,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
    select: (page) => page.data,
  });
}

/** Every active principle, to attach a material to one. */
export function usePrincipleOptions() {
  return useQuery({
    queryKey: principleKeys.options(),
    queryFn: ({ signal }) =>
      api<PrinciplePage>(withQuery('/principles', { sort: 'title', limit: 200 }), { signal }),
    select: (page) => page.data,
  });
}

export function usePrinciple(id: string) {
  return useQuery({
    queryKey: principleKeys.detail(id),
    queryFn: ({ signal }) => api<Principle>(principlePath(id), { signal }),
    enabled: Boolean(id),
  });
}

export function usePrincipleVersions(id: string) {
  return useQuery({
    queryKey: principleKeys.versions(id),
    queryFn: ({ signal }) =>
      api<{ data: DocumentVersionSummary[] }>(`${principlePath(id)}/versions`, { signal }),
    select: (list) => list.data,
  });
}

/** One version with its text; a version never changes once it is no longer the newest draft. */
export function usePrincipleVersion(id: string, number: number | null) {
  return useQuery({
    queryKey: principleKeys.version(id, number ?? 0),
    queryFn: ({ signal }) => api<PrincipleVersion>(`${principlePath(id)}/versions/${number}`, { signal }),
    enabled: number !== null,
  });
}
