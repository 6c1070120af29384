import type { Review, ReviewCreate, ReviewDue, ReviewEvidence } from '@rapport/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import { reviewKeys, reviewPath } from '../approach-reviews/review.queries';
import { relationshipKeys } from '../relationships/relationship.queries';

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface RelationshipReviewFilters {
  q: string;
  status: Review['status'] | null;
  relationshipId?: string;
}

export const relationshipReviewKeys = {
  all: [...reviewKeys.all, 'relationship'] as const,
  list: (filters: RelationshipReviewFilters) => [...relationshipReviewKeys.all, 'list', filters] as const,
  due: () => [...relationshipReviewKeys.all, 'due'] as const,
  needPlanning: () => [...relationshipReviewKeys.all, 'need-planning'] as const,
  evidence: (id: string) => [...relationshipReviewKeys.all, 'evidence', id] as const,
};

export const relationshipReviewPath = (id: string) => `/reviews/${encodeURIComponent(id)}`;

/** Reviews of relationships, planned first by date. */
export function useRelationshipReviews(filters: RelationshipReviewFilters) {
  return useQuery({
    queryKey: relationshipReviewKeys.list(filters),
    queryFn: ({ signal }) =>
      api<Page<Review>>(
        withQuery('/reviews', {
          subject: 'relationship',
          q: filters.q.trim(),
          status: filters.status,
          relationshipId: filters.relationshipId,
          sort: '-createdAt',
          limit: 200,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
    select: (page) => page.data,
  });
}

/** Planned relationship reviews whose date has come. */
export function useDueReviews() {
  return useQuery({
    queryKey: relationshipReviewKeys.due(),
    queryFn: ({ signal }) =>
      api<Page<Review>>(
        withQuery('/reviews', { subject: 'relationship', due: 'true', sort: 'scheduledOn', limit: 200 }),
        { signal },
      ),
    select: (page) => page.data,
  });
}

/** Relationships whose next review date has come, or comes within two weeks, with no review planned. */
export function useReviewsToPlan() {
  return useQuery({
    queryKey: relationshipReviewKeys.needPlanning(),
    queryFn: ({ signal }) =>
      api<Page<ReviewDue>>(withQuery('/reviews/due', { withinDays: 14, limit: 200 }), { signal }),
    select: (page) => page.data,
  });
}

export function useEvidence(id: string, enabled: boolean) {
  return useQuery({
    queryKey: relationshipReviewKeys.evidence(id),
    queryFn: ({ signal }) => api<ReviewEvidence>(`${reviewPath(id)}/evidence`, { signal }),
    enabled: enabled && Boolean(id),
  });
}

export type PlanReviewBody = Pick<ReviewCreate, 'title'> &
  Partial<Pick<ReviewCreate, 'scheduledOn' | 'trigger' | 'triggerNote' | 'periodFrom' | 'periodTo'>>;

export function usePlanRelationshipReview(relationshipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanReviewBody) =>
      api<Review>('/reviews', {
        method: 'POST',
        body: { ...body, subject: 'relationship', relationshipId },
      }),
    onSuccess: (review) => {
      queryClient.setQueryData(reviewKeys.detail(review.id), review);
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      void queryClient.invalidateQueries({ queryKey: relationshipKeys.all });
    },
  });
}
