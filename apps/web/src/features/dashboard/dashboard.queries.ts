import type { Dashboard, DashboardQuery } from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  of: (query: DashboardQuery) => [...dashboardKeys.all, query] as const,
};

export function useDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: dashboardKeys.of(query),
    queryFn: ({ signal }) => api<Dashboard>(withQuery('/dashboard', { ...query }), { signal }),
    placeholderData: keepPreviousData,
  });
}
