import type {
  Improvement,
  ImprovementCreate,
  ImprovementPatch,
  Review,
  ReviewCreate,
  ReviewPatch,
} from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { approachKeys } from '../approach/approach.queries';
import { improvementKeys, improvementPath, reviewKeys, reviewPath } from './review.queries';

function useReviewSaved() {
  const queryClient = useQueryClient();
  return (review: Review) => {
    queryClient.setQueryData(reviewKeys.detail(review.id), review);
    void queryClient.invalidateQueries({ queryKey: reviewKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: approachKeys.overview() });
  };
}

export function useCreateReview() {
  const saved = useReviewSaved();
  return useMutation({
    mutationFn: (body: Partial<ReviewCreate> & Pick<ReviewCreate, 'title'>) =>
      api<Review>('/reviews', { method: 'POST', body: { ...body, subject: 'approach' } }),
    onSuccess: saved,
  });
}

export function useUpdateReview() {
  const saved = useReviewSaved();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: ReviewPatch }) =>
      api<Review>(reviewPath(id), { method: 'PATCH', body: patch, version }),
    onSuccess: saved,
  });
}

function useImprovementsChanged() {
  const queryClient = useQueryClient();
  return (improvement: Improvement) => {
    if (improvement.sourceId)
      void queryClient.invalidateQueries({ queryKey: improvementKeys.ofReview(improvement.sourceId) });
    void queryClient.invalidateQueries({ queryKey: approachKeys.overview() });
  };
}

/** An improvement initiative that came out of a review. */
export function useCreateImprovement(reviewId: string) {
  const changed = useImprovementsChanged();
  return useMutation({
    mutationFn: (
      body: Omit<
        ImprovementCreate,
        'sourceType' | 'sourceId' | 'description' | 'expectedBenefit' | 'realisedBenefit'
      >,
    ) =>
      api<Improvement>('/improvements', {
        method: 'POST',
        body: { ...body, sourceType: 'review', sourceId: reviewId },
      }),
    onSuccess: changed,
  });
}

export function useUpdateImprovement() {
  const changed = useImprovementsChanged();
  return useMutation({
    mutationFn: ({ improvement, patch }: { improvement: Improvement; patch: ImprovementPatch }) =>
      api<Improvement>(improvementPath(improvement.id), {
        method: 'PATCH',
        body: patch,
        version: improvement.version,
      }),
    onSuccess: changed,
  });
}
