import type { Interaction } from '@rapport/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

/** Whose interactions a timeline shows: one relationship's, or everything with one stakeholder. */
export type TimelineScope = { relationshipId: string } | { stakeholderId: string };

export const interactionKeys = {
  all: ['interactions'] as const,
  timeline: (scope: TimelineScope) => [...interactionKeys.all, 'timeline', scope] as const,
};

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

const pageSize = 20;

/** Newest first, one page at a time. */
export function useInteractionTimeline(scope: TimelineScope) {
  return useInfiniteQuery({
    queryKey: interactionKeys.timeline(scope),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Interaction>>(
        withQuery('/interactions', { ...scope, sort: '-occurredAt', limit: pageSize, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
