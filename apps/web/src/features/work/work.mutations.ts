import type { FollowUp } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { relationshipKeys, relationshipPath } from '../relationships/relationship.queries';
import { workKeys } from './work.queries';

/** Marks a follow-up done; a 409 means someone changed it meanwhile, so the list is reloaded either way. */
export function useCompleteFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (followUp: Pick<FollowUp, 'id' | 'version'>) =>
      api<FollowUp>(`/follow-ups/${encodeURIComponent(followUp.id)}`, {
        method: 'PATCH',
        body: { done: true },
        version: followUp.version,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workKeys.mine }),
  });
}

export function useTickActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: { relationshipId: string; stepKey: string; activityKey: string }) =>
      api<unknown>(
        `${relationshipPath(item.relationshipId)}/checklist/${encodeURIComponent(item.stepKey)}/${encodeURIComponent(item.activityKey)}`,
        { method: 'PUT', body: { done: true } },
      ),
    onSettled: (_answer, _error, item) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: workKeys.mine }),
        queryClient.invalidateQueries({ queryKey: relationshipKeys.checklist(item.relationshipId) }),
      ]),
  });
}
