import type { ApproachOverview } from '@rapport/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export const approachKeys = {
  all: ['approach'] as const,
  overview: () => [...approachKeys.all, 'overview'] as const,
};

export function useApproachOverview() {
  return useQuery({
    queryKey: approachKeys.overview(),
    queryFn: ({ signal }) => api<ApproachOverview>('/approach/overview', { signal }),
    // Every other page of the section changes what it counts, so it is fetched afresh each time it opens.
    staleTime: 0,
  });
}
