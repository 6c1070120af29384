import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export interface DemoStatus {
  loaded: boolean;
  organisationEmpty?: boolean;
  summary?: string;
  removed?: number;
}

export const demoKeys = { status: ['admin', 'demo'] as const };

export function useDemoStatus(enabled: boolean) {
  return useQuery({
    queryKey: demoKeys.status,
    queryFn: () => api<DemoStatus>('/admin/demo'),
    enabled,
  });
}

/** Loading or removing the demo changes every screen: everything is fetched again. */
export function useDemoChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: 'load' | 'remove') =>
      api<DemoStatus>('/admin/demo', { method: change === 'load' ? 'POST' : 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
