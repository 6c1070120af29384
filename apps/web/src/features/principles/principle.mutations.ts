import type { Principle, PrincipleCreate, PrinciplePatch } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { AgreementStep } from '../approach/agreement.workflow';
import { approachKeys } from '../approach/approach.queries';
import { principleKeys, principlePath } from './principle.queries';

/** The workflow steps of an agreed document, each a POST on the principle. */

function usePrincipleSaved() {
  const queryClient = useQueryClient();
  return (principle: Principle) => {
    queryClient.setQueryData(principleKeys.detail(principle.id), principle);
    void queryClient.invalidateQueries({ queryKey: principleKeys.versions(principle.id) });
    void queryClient.invalidateQueries({ queryKey: principleKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: principleKeys.options() });
    void queryClient.invalidateQueries({ queryKey: approachKeys.overview() });
  };
}

export function useCreatePrinciple() {
  const saved = usePrincipleSaved();
  return useMutation({
    mutationFn: (body: PrincipleCreate) => api<Principle>('/principles', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdatePrinciple() {
  const saved = usePrincipleSaved();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: PrinciplePatch }) =>
      api<Principle>(principlePath(id), { method: 'PATCH', body: patch, version }),
    onSuccess: saved,
  });
}

export function usePrincipleStep() {
  const saved = usePrincipleSaved();
  return useMutation({
    mutationFn: ({ principle, step, note }: { principle: Principle; step: AgreementStep; note: string }) =>
      api<Principle>(`${principlePath(principle.id)}/${step}`, {
        method: 'POST',
        body: { note },
        version: principle.version,
      }),
    onSuccess: saved,
  });
}
