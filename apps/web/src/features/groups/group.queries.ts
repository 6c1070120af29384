import type { Network, StakeholderGroup } from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export interface GroupPage {
  data: StakeholderGroup[];
  nextCursor: string | null;
}

export type GroupArchived = 'false' | 'true' | 'only';

export const groupKeys = {
  all: ['stakeholder-groups'] as const,
  lists: () => [...groupKeys.all, 'list'] as const,
  list: (q: string, archived: GroupArchived) => [...groupKeys.lists(), q, archived] as const,
  detail: (id: string) => [...groupKeys.all, 'detail', id] as const,
  network: (id: string, depth: number, types: string[]) =>
    [...groupKeys.detail(id), 'network', depth, types] as const,
  ofStakeholder: (stakeholderId: string) => [...groupKeys.all, 'of', stakeholderId] as const,
};

export function useGroups(q = '', archived: GroupArchived = 'false') {
  return useQuery({
    queryKey: groupKeys.list(q, archived),
    queryFn: ({ signal }) =>
      api<GroupPage>(
        withQuery('/stakeholder-groups', {
          q: q.trim(),
          archived: archived === 'false' ? undefined : archived,
          sort: 'name',
          limit: 200,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
    select: (page) => page.data,
  });
}

export function useGroup(id: string | undefined) {
  return useQuery({
    queryKey: groupKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api<StakeholderGroup>(`/stakeholder-groups/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useGroupsOf(stakeholderId: string) {
  return useQuery({
    queryKey: groupKeys.ofStakeholder(stakeholderId),
    queryFn: ({ signal }) =>
      api<{ data: StakeholderGroup[] }>(`/stakeholders/${encodeURIComponent(stakeholderId)}/groups`, {
        signal,
      }),
    select: (page) => page.data,
  });
}

export function useGroupNetwork(id: string, depth: number, types: string[]) {
  return useQuery({
    queryKey: groupKeys.network(id, depth, types),
    queryFn: ({ signal }) =>
      api<Network>(
        withQuery(`/stakeholder-groups/${encodeURIComponent(id)}/network`, { depth, type: types }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
