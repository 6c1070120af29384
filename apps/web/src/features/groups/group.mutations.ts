import type { StakeholderGroup, StakeholderGroupCreate, StakeholderGroupPatch } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { stakeholderKeys } from '../stakeholders/stakeholder.queries';
import { groupKeys } from './group.queries';

const path = (id: string) => `/stakeholder-groups/${encodeURIComponent(id)}`;

function useGroupSaved() {
  const queryClient = useQueryClient();
  return (group: StakeholderGroup) => {
    queryClient.setQueryData(groupKeys.detail(group.id), group);
    void queryClient.invalidateQueries({ queryKey: groupKeys.lists() });
  };
}

export function useCreateGroup() {
  const saved = useGroupSaved();
  return useMutation({
    mutationFn: (body: Partial<StakeholderGroupCreate> & { name: string }) =>
      api<StakeholderGroup>('/stakeholder-groups', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdateGroup() {
  const saved = useGroupSaved();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: StakeholderGroupPatch }) =>
      api<StakeholderGroup>(path(id), { method: 'PATCH', body: patch, version }),
    onSuccess: saved,
  });
}

export function useArchiveGroup() {
  const saved = useGroupSaved();
  return useMutation({
    mutationFn: ({ id, version, archived }: { id: string; version: number; archived: boolean }) =>
      archived
        ? api<StakeholderGroup>(`${path(id)}/restore`, { method: 'POST', version })
        : api<StakeholderGroup>(path(id), { method: 'DELETE', version }),
    onSuccess: saved,
  });
}

/** Membership changes the group's count, the member list and the stakeholders' groups. */
function useMembersChanged(groupId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: groupKeys.all });
    void queryClient.invalidateQueries({ queryKey: stakeholderKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: groupKeys.detail(groupId) });
  };
}

export type MembersToAdd = { stakeholderIds: string[] } | { filter: Record<string, string> };

export function useAddMembers(groupId: string) {
  const changed = useMembersChanged(groupId);
  return useMutation({
    mutationFn: (body: MembersToAdd) =>
      api<{ added: number }>(`${path(groupId)}/members`, { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useRemoveMember(groupId: string) {
  const changed = useMembersChanged(groupId);
  return useMutation({
    mutationFn: (stakeholderId: string) =>
      api<void>(`${path(groupId)}/members/${encodeURIComponent(stakeholderId)}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}
