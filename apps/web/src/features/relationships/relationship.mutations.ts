import type {
  ChecklistTick,
  Relationship,
  RelationshipCreate,
  RelationshipEnd,
  RelationshipPatch,
} from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { relationshipKeys, relationshipPath } from './relationship.queries';

function useRelationshipSaved() {
  const queryClient = useQueryClient();
  return (relationship: Relationship) => {
    queryClient.setQueryData(relationshipKeys.detail(relationship.id), relationship);
    void queryClient.invalidateQueries({ queryKey: relationshipKeys.moves(relationship.id) });
    void queryClient.invalidateQueries({ queryKey: relationshipKeys.lists() });
  };
}

export function useCreateRelationship() {
  const saved = useRelationshipSaved();
  return useMutation({
    mutationFn: (body: Partial<RelationshipCreate> & Pick<RelationshipCreate, 'stakeholderId'>) =>
      api<Relationship>('/relationships', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdateRelationship() {
  const saved = useRelationshipSaved();
  return useMutation({
    mutationFn: ({ relationship, patch }: { relationship: Relationship; patch: RelationshipPatch }) =>
      api<Relationship>(relationshipPath(relationship.id), {
        method: 'PATCH',
        body: patch,
        version: relationship.version,
      }),
    onSuccess: saved,
  });
}

export function useMoveRelationship() {
  const saved = useRelationshipSaved();
  return useMutation({
    mutationFn: ({
      relationship,
      steps,
      note,
    }: {
      relationship: Pick<Relationship, 'id' | 'version'>;
      steps: string[];
      note: string;
    }) =>
      api<Relationship>(`${relationshipPath(relationship.id)}/moves`, {
        method: 'POST',
        body: { steps, note },
        version: relationship.version,
      }),
    onSuccess: saved,
  });
}

export function useEndRelationship() {
  const saved = useRelationshipSaved();
  return useMutation({
    mutationFn: ({ relationship, end }: { relationship: Relationship; end: RelationshipEnd }) =>
      api<Relationship>(`${relationshipPath(relationship.id)}/end`, {
        method: 'POST',
        body: end,
        version: relationship.version,
      }),
    onSuccess: saved,
  });
}

/** Ticks or unticks one key activity; the answer is the whole checklist, kept as the new cache. */
export function useSetChecklistItem(relationshipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stepKey, activityKey, done }: { stepKey: string; activityKey: string; done: boolean }) =>
      api<{ data: ChecklistTick[] }>(
        `${relationshipPath(relationshipId)}/checklist/${encodeURIComponent(stepKey)}/${encodeURIComponent(activityKey)}`,
        { method: 'PUT', body: { done } },
      ),
    onSuccess: (checklist) => queryClient.setQueryData(relationshipKeys.checklist(relationshipId), checklist),
  });
}
