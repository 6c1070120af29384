import type { ValueChainContribution, ValueChainHeatMap, ValueChainPatch } from '@rapport/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export interface Period {
  from: string;
  to: string;
}

export const valueChainKeys = {
  all: ['value-chain'] as const,
  heatMap: (period: Period) => [...valueChainKeys.all, period] as const,
};

export function useValueChain(period: Period) {
  return useQuery({
    queryKey: valueChainKeys.heatMap(period),
    queryFn: ({ signal }) => api<ValueChainHeatMap>(withQuery('/value-chain', { ...period }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateContribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      activity,
      version,
      patch,
    }: {
      activity: string;
      version: number;
      patch: Omit<ValueChainPatch, 'version'>;
    }) =>
      api<ValueChainContribution>(`/value-chain/${encodeURIComponent(activity)}`, {
        method: 'PATCH',
        body: patch,
        version,
      }),
    // A 409 means the levels changed under us: reload them either way.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: valueChainKeys.all }),
  });
}
