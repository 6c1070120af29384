import type { FollowUp, Interaction, InteractionCreate } from '@rapport/contracts';
import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { relationshipKeys } from '../relationships/relationship.queries';
import { interactionKeys } from './interaction.queries';

export type InteractionBody = Omit<InteractionCreate, 'stakeholderId'> & { stakeholderId?: string };

export function useLogInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InteractionBody) => api<Interaction>('/interactions', { method: 'POST', body }),
    onSuccess: (interaction) => {
      void queryClient.invalidateQueries({ queryKey: interactionKeys.all });
      // The relationship's last contact and next contact due follow from its newest interaction.
      if (interaction.relationshipId) {
        void queryClient.invalidateQueries({ queryKey: relationshipKeys.detail(interaction.relationshipId) });
        void queryClient.invalidateQueries({ queryKey: relationshipKeys.lists() });
      }
    },
  });
}

type TimelinePages = InfiniteData<{ data: Interaction[]; nextCursor: string | null }>;

/** Every loaded timeline with the saved follow-up in place of the old one. */
function withFollowUp(pages: TimelinePages | undefined, saved: FollowUp): TimelinePages | undefined {
  if (!pages) return pages;
  return {
    ...pages,
    pages: pages.pages.map((page) => ({
      ...page,
      data: page.data.map((interaction) =>
        interaction.id === saved.interactionId
          ? {
              ...interaction,
              followUps: interaction.followUps.map((old) => (old.id === saved.id ? saved : old)),
            }
          : interaction,
      ),
    })),
  };
}

/** Ticks a follow-up action done or not; a stale version is refused (409) and the timeline reloads. */
export function useSetFollowUpDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ followUp, done }: { followUp: FollowUp; done: boolean }) =>
      api<FollowUp>(`/follow-ups/${encodeURIComponent(followUp.id)}`, {
        method: 'PATCH',
        body: { done },
        version: followUp.version,
      }),
    onSuccess: (saved) =>
      queryClient.setQueriesData<TimelinePages>({ queryKey: interactionKeys.all }, (pages) =>
        withFollowUp(pages, saved),
      ),
    onError: () => queryClient.invalidateQueries({ queryKey: interactionKeys.all }),
  });
}
