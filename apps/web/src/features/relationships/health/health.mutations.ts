import type { Relationship, RelationshipPatch } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { relationshipKeys, relationshipPath } from '../relationship.queries';
import { healthHistoryKey } from './health.queries';

export type HealthOverrideInput = RelationshipPatch['healthOverride'];

/** Sets a manager's override of the health score, or removes it with `null`. */
export function useSetHealthOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      relationship,
      healthOverride,
    }: {
      relationship: Relationship;
      healthOverride: HealthOverrideInput;
    }) =>
      api<Relationship>(relationshipPath(relationship.id), {
        method: 'PATCH',
        body: { healthOverride },
        version: relationship.version,
      }),
    onSuccess: (relationship) => {
      queryClient.setQueryData(relationshipKeys.detail(relationship.id), relationship);
      void queryClient.invalidateQueries({ queryKey: healthHistoryKey(relationship.id) });
      void queryClient.invalidateQueries({ queryKey: relationshipKeys.lists() });
    },
  });
}
