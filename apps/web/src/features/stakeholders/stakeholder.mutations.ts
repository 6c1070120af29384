import type { Stakeholder, StakeholderCreate, StakeholderPatch } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { stakeholderKeys } from './stakeholder.queries';

function useStakeholderSaved() {
  const queryClient = useQueryClient();
  return (stakeholder: Stakeholder) => {
    queryClient.setQueryData(stakeholderKeys.detail(stakeholder.id), stakeholder);
    void queryClient.invalidateQueries({ queryKey: stakeholderKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: stakeholderKeys.assessments(stakeholder.id) });
    void queryClient.invalidateQueries({ queryKey: stakeholderKeys.audit(stakeholder.id) });
  };
}

export function useCreateStakeholder() {
  const saved = useStakeholderSaved();
  return useMutation({
    mutationFn: (body: StakeholderCreate) => api<Stakeholder>('/stakeholders', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdateStakeholder() {
  const saved = useStakeholderSaved();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: StakeholderPatch }) =>
      api<Stakeholder>(`/stakeholders/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, version }),
    onSuccess: saved,
  });
}

export function useArchiveStakeholder() {
  const saved = useStakeholderSaved();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<Stakeholder>(`/stakeholders/${encodeURIComponent(id)}`, { method: 'DELETE', version }),
    onSuccess: saved,
  });
}

export function useRestoreStakeholder() {
  const saved = useStakeholderSaved();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<Stakeholder>(`/stakeholders/${encodeURIComponent(id)}/restore`, { method: 'POST', version }),
    onSuccess: saved,
  });
}
