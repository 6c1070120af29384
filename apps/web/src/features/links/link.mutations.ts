import type { StakeholderLink, StakeholderLinkCreate } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { groupKeys } from '../groups/group.queries';
import { linkKeys } from './link.queries';

function useLinksChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: linkKeys.all });
    void queryClient.invalidateQueries({ queryKey: groupKeys.all });
  };
}

export function useCreateLink() {
  const changed = useLinksChanged();
  return useMutation({
    mutationFn: (body: Partial<StakeholderLinkCreate> & Omit<StakeholderLinkCreate, 'note'>) =>
      api<StakeholderLink>('/stakeholder-links', { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useDeleteLink() {
  const changed = useLinksChanged();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`/stakeholder-links/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}
