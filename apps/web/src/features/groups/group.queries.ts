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
  memberships: (stakeholderIds: string[]) => [...groupKeys.all, 'memberships', stakeholderIds] as const,
};

export interface Membership {
  stakeholderId: string;
  groupId: string;
  groupName: string;
}

/** The groups of every stakeholder on a page, in one request, keyed by stakeholder. */
export function useMemberships(stakeholderIds: string[]) {
  return useQuery({
    queryKey: groupKeys.memberships(stakeholderIds),
    queryFn: ({ signal }) =>
      api<{ data: Membership[] }>(
        withQuery('/stakeholder-groups/memberships', { stakeholderId: stakeholderIds.join(',') }),
        {
          signal,
        },
      ),
    select: (result) => {
      const byStakeholder = new Map<string, Membership[]>();
      for (const m of result.data)
        byStakeholder.set(m.stakeholderId, [...(byStakeholder.get(m.stakeholderId) ?? []), m]);
      return byStakeholder;
    },
    enabled: stakeholderIds.length > 0,
  });
}

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
