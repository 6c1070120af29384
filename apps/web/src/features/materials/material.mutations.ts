import type { Material, MaterialCreate, MaterialPatch } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { approachKeys } from '../approach/approach.queries';
import { materialKeys, materialPath } from './material.queries';

function useMaterialSaved() {
  const queryClient = useQueryClient();
  return (material: Material) => {
    queryClient.setQueryData(materialKeys.detail(material.id), material);
    void queryClient.invalidateQueries({ queryKey: materialKeys.readers(material.id) });
    void queryClient.invalidateQueries({ queryKey: materialKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: approachKeys.overview() });
  };
}

export function useCreateMaterial() {
  const saved = useMaterialSaved();
  return useMutation({
    mutationFn: (body: MaterialCreate) => api<Material>('/materials', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdateMaterial() {
  const saved = useMaterialSaved();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: MaterialPatch }) =>
      api<Material>(materialPath(id), { method: 'PATCH', body: patch, version }),
    onSuccess: saved,
  });
}

/** "I have read this" for the revision the user was shown; a newer revision answers 409. */
export function useAcknowledgeMaterial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision }: { id: string; revision: number }) =>
      api<unknown>(`${materialPath(id)}/acknowledgements`, { method: 'POST', body: { revision } }),
    onSettled: (_result, _error, { id }) => {
      void queryClient.invalidateQueries({ queryKey: materialKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: materialKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: approachKeys.overview() });
    },
  });
}
