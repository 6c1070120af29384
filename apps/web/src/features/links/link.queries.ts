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
    queryFn: ({ signal }) => allLinksOf(stakeholderId, signal),
  });
}

/** Every page of one stakeholder's links: the panel shows them all, and the list API pages like any other. */
async function allLinksOf(stakeholderId: string, signal: AbortSignal): Promise<StakeholderLink[]> {
  const links: StakeholderLink[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<{ data: StakeholderLink[]; nextCursor: string | null }>(
      withQuery('/stakeholder-links', { stakeholderId, limit: 200, cursor }),
      { signal },
    );
    links.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return links;
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
