import type { Stakeholder } from '@rapport/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import { groupKeys } from '../groups/group.queries';
import { linkKeys } from '../links/link.queries';
import { stakeholderKeys } from '../stakeholders/stakeholder.queries';

export type DuplicateReason = 'email' | 'name';

export interface DuplicatePair {
  a: Stakeholder;
  b: Stakeholder;
  reasons: DuplicateReason[];
}

export const duplicateKeys = { all: [...stakeholderKeys.all, 'duplicates'] as const };

export function useDuplicates() {
  return useQuery({
    queryKey: duplicateKeys.all,
    queryFn: ({ signal }) =>
      api<{ data: DuplicatePair[] }>(withQuery('/stakeholders/duplicates', { limit: 50 }), { signal }),
    select: (page) => page.data,
  });
}

/** The survivor keeps its record and gains the duplicate's assessments, links and memberships. */
export function useMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ survivor, duplicate }: { survivor: Stakeholder; duplicate: Stakeholder }) =>
      api<Stakeholder>(`/stakeholders/${encodeURIComponent(survivor.id)}/merge`, {
        method: 'POST',
        body: { duplicateId: duplicate.id, version: survivor.version, duplicateVersion: duplicate.version },
      }),
    onSuccess: (survivor) => {
      queryClient.setQueryData(stakeholderKeys.detail(survivor.id), survivor);
      void queryClient.invalidateQueries({ queryKey: stakeholderKeys.all });
      void queryClient.invalidateQueries({ queryKey: linkKeys.all });
      void queryClient.invalidateQueries({ queryKey: groupKeys.all });
    },
  });
}
