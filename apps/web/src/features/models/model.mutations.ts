import type { RelationshipModel, RelationshipModelCreate, RelationshipModelPatch } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { AgreementStep } from '../approach/agreement.workflow';
import { approachKeys } from '../approach/approach.queries';
import { modelKeys, modelPath } from './model.queries';

/** The workflow steps of an agreed document, each a POST on the model. */

function useModelSaved() {
  const queryClient = useQueryClient();
  return (model: RelationshipModel) => {
    queryClient.setQueryData(modelKeys.detail(model.id), model);
    void queryClient.invalidateQueries({ queryKey: modelKeys.versions(model.id) });
    void queryClient.invalidateQueries({ queryKey: modelKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: modelKeys.coverage() });
    // The materials' model picker lists models under the models' prefix too.
    void queryClient.invalidateQueries({ queryKey: [...modelKeys.all, 'material-options'] });
    void queryClient.invalidateQueries({ queryKey: approachKeys.overview() });
  };
}

export function useCreateModel() {
  const saved = useModelSaved();
  return useMutation({
    mutationFn: (body: RelationshipModelCreate) =>
      api<RelationshipModel>('/relationship-models', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdateModel() {
  const saved = useModelSaved();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: RelationshipModelPatch }) =>
      api<RelationshipModel>(modelPath(id), { method: 'PATCH', body: patch, version }),
    onSuccess: saved,
  });
}

export function useModelStep() {
  const saved = useModelSaved();
  return useMutation({
    mutationFn: ({ model, step, note }: { model: RelationshipModel; step: AgreementStep; note: string }) =>
      api<RelationshipModel>(`${modelPath(model.id)}/${step}`, {
        method: 'POST',
        body: { note },
        version: model.version,
      }),
    onSuccess: saved,
  });
}

export function useArchiveModel() {
  const saved = useModelSaved();
  return useMutation({
    mutationFn: ({ model }: { model: RelationshipModel }) =>
      model.archivedAt
        ? api<RelationshipModel>(`${modelPath(model.id)}/restore`, { method: 'POST', version: model.version })
        : api<RelationshipModel>(modelPath(model.id), { method: 'DELETE', version: model.version }),
    onSuccess: saved,
  });
}
