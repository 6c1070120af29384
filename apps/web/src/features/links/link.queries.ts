import type { Network, StakeholderLink } from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export const linkKeys = {
  all: ['stakeholder-links'] as const,
  of: (stakeholderId: string) => [...linkKeys.all, 'of', stakeholderId] as const,
  network: (stakeholderId: string, depth: number, types: string[]) =>
    [...linkKeys.all, 'network', stakeholderId, depth, types] as const,
};

export function useLinks(stakeholderId: string) {
  return useQuery({
    queryKey: linkKeys.of(stakeholderId),
    queryFn: ({ signal }) =>
      api<{ data: StakeholderLink[] }>(withQuery('/stakeholder-links', { stakeholderId }), { signal }),
    select: (page) => page.data,
  });
}

export function useStakeholderNetwork(stakeholderId: string, depth: number, types: string[], enabled = true) {
  return useQuery({
    queryKey: linkKeys.network(stakeholderId, depth, types),
    queryFn: ({ signal }) =>
      api<Network>(
        withQuery(`/stakeholders/${encodeURIComponent(stakeholderId)}/network`, { depth, type: types }),
        { signal },
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}
