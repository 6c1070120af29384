import type { Review, ReviewPatch } from '@rapport/contracts';
import {
  changedReviewFields,
  type ReviewCoreValues,
  reviewCoreFields,
  reviewCoreRecordOf,
  reviewCoreValuesOf,
} from '../review-shared/review-values';

/** What the inputs hold: dates may be '' and "effective" is a three-way choice. */
export type ReviewFormValues = ReviewCoreValues;

export const reviewFormFields = reviewCoreFields;

export function reviewValuesOf(review: Review): ReviewFormValues {
  return reviewCoreValuesOf(review);
}

/** Only the fields that differ from the saved review. */
export function reviewPatchOf(values: ReviewFormValues, review: Review): ReviewPatch {
  return changedReviewFields(reviewCoreRecordOf(values), review);
}
