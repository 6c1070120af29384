import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { relationshipKeys, relationshipPath } from '../relationship.queries';

export interface HealthDay {
  day: string;
  score: number | null;
}

// Under the relationship's detail key, so whatever refreshes the relationship refreshes its trend too.
export const healthHistoryKey = (id: string) => [...relationshipKeys.detail(id), 'health-history'] as const;

/** Its recorded health per day over the last 180 days, oldest first. */
export function useHealthHistory(id: string) {
  return useQuery({
    queryKey: healthHistoryKey(id),
    queryFn: ({ signal }) => api<{ data: HealthDay[] }>(`${relationshipPath(id)}/health-history`, { signal }),
    select: (list) => list.data,
  });
}
