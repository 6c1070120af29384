import type { Improvement, Review } from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export type ReviewTrigger = Review['trigger'];
export type ImprovementStatus = Improvement['status'];

export type ReviewStatusFilter = 'planned' | 'done' | 'cancelled' | null;

export interface ReviewFilters {
  q: string;
  status: ReviewStatusFilter;
  trigger: ReviewTrigger | null;
  due: boolean;
}

export const reviewKeys = {
  all: ['reviews'] as const,
  lists: () => [...reviewKeys.all, 'list'] as const,
  list: (filters: ReviewFilters) => [...reviewKeys.lists(), filters] as const,
  detail: (id: string) => [...reviewKeys.all, 'detail', id] as const,
};

export const improvementKeys = {
  all: ['improvements'] as const,
  ofReview: (reviewId: string) => [...improvementKeys.all, 'review', reviewId] as const,
};

export const reviewPath = (id: string) => `/reviews/${encodeURIComponent(id)}`;
export const improvementPath = (id: string) => `/improvements/${encodeURIComponent(id)}`;

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Reviews of the approach (not of single relationships), newest first. */
export function useApproachReviews(filters: ReviewFilters) {
  return useQuery({
    queryKey: reviewKeys.list(filters),
    queryFn: ({ signal }) =>
      api<Page<Review>>(
        withQuery('/reviews', {
          subject: 'approach',
          q: filters.q.trim(),
          status: filters.status,
          trigger: filters.trigger,
          due: filters.due ? 'true' : undefined,
          sort: '-createdAt',
          limit: 200,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
    select: (page) => page.data,
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKeys.detail(id),
    queryFn: ({ signal }) => api<Review>(reviewPath(id), { signal }),
    enabled: Boolean(id),
  });
}

/** The improvement initiatives that came out of one review. */
export function useReviewImprovements(reviewId: string) {
  return useQuery({
    queryKey: improvementKeys.ofReview(reviewId),
    queryFn: ({ signal }) =>
      api<Page<Improvement>>(
        withQuery('/improvements', {
          sourceType: 'review',
          sourceId: reviewId,
          sort: 'createdAt',
          limit: 200,
        }),
        { signal },
      ),
    select: (page) => page.data,
  });
}
