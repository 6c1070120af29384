import type { CultureAssessment } from '@rapport/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export type CultureArchived = 'false' | 'true' | 'only';

export interface CultureFilters {
  q: string;
  /** A unit id, `none` for whole-organisation assessments, or null for every assessment. */
  orgUnitId: string | null;
  archived: CultureArchived;
}

interface CulturePage {
  data: CultureAssessment[];
  nextCursor: string | null;
  total?: number;
}

export const cultureKeys = {
  all: ['culture-assessments'] as const,
  lists: () => [...cultureKeys.all, 'list'] as const,
  list: (filters: CultureFilters) => [...cultureKeys.lists(), filters] as const,
  detail: (id: string) => [...cultureKeys.all, 'detail', id] as const,
  options: () => [...cultureKeys.lists(), 'options'] as const,
};

export function useCultureAssessments(filters: CultureFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: cultureKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<CulturePage>(
        withQuery('/culture-assessments', {
          q: filters.q.trim(),
          orgUnitId: filters.orgUnitId,
          archived: filters.archived === 'false' ? undefined : filters.archived,
          sort: '-assessedOn',
          limit: 50,
          cursor: pageParam,
          count: pageParam === undefined ? true : undefined,
        }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCultureAssessment(id: string | undefined) {
  return useQuery({
    queryKey: cultureKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api<CultureAssessment>(`/culture-assessments/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/** The latest assessments (archived ones too, so a comparison that names one still shows it), to pick from. */
export function useCultureOptions() {
  return useQuery({
    queryKey: cultureKeys.options(),
    queryFn: ({ signal }) =>
      api<CulturePage>(
        withQuery('/culture-assessments', { archived: 'true', sort: '-assessedOn', limit: 200 }),
        {
          signal,
        },
      ),
    select: (page) => page.data,
  });
}
