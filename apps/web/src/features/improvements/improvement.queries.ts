import type { Improvement } from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import { improvementKeys } from '../approach-reviews/review.queries';

export type Status = Improvement['status'];
export type Source = Improvement['sourceType'];

export interface Filters {
  q: string;
  status: Status | null;
  ownerId: string | null;
  sourceType: Source | null;
}

export function useImprovements(filters: Filters) {
  return useQuery({
    queryKey: [...improvementKeys.all, 'register', filters],
    queryFn: ({ signal }) =>
      api<{ data: Improvement[] }>(
        withQuery('/improvements', {
          q: filters.q.trim(),
          status: filters.status,
          ownerId: filters.ownerId,
          sourceType: filters.sourceType,
          sort: 'dueOn',
          limit: 200,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
    select: (page) => page.data,
  });
}
