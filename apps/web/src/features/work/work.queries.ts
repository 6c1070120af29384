import type { MyWork } from '@rapport/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export const workKeys = { mine: ['me', 'work'] as const };

export function useMyWork() {
  return useQuery({
    queryKey: workKeys.mine,
    queryFn: ({ signal }) => api<MyWork>('/me/work', { signal }),
  });
}
