import type { Review, ReviewPatch } from '@rapport/contracts';
import {
  changedReviewFields,
  type ReviewCoreValues,
  reviewCoreFields,
  reviewCoreRecordOf,
  reviewCoreValuesOf,
} from '../review-shared/review-values';

/** What the inputs hold: dates may be '', satisfaction is a string for the select, "effective" is three-way. */
export interface RelationshipReviewValues extends ReviewCoreValues {
  periodFrom: string;
  periodTo: string;
  satisfaction: string | null;
}

export const relationshipReviewFields = [
  ...reviewCoreFields,
  'periodFrom',
  'periodTo',
  'satisfaction',
] as const;

export function relationshipReviewValuesOf(review: Review): RelationshipReviewValues {
  return {
    ...reviewCoreValuesOf(review),
    periodFrom: review.periodFrom ?? '',
    periodTo: review.periodTo ?? '',
    satisfaction: review.satisfaction === null ? null : String(review.satisfaction),
  };
}

function recordOf(values: RelationshipReviewValues) {
  return {
    ...reviewCoreRecordOf(values),
    periodFrom: values.periodFrom || null,
    periodTo: values.periodTo || null,
    satisfaction: values.satisfaction === null ? null : Number(values.satisfaction),
  } satisfies ReviewPatch;
}

/** Only the fields that differ from the saved review. */
export function relationshipReviewPatchOf(values: RelationshipReviewValues, review: Review): ReviewPatch {
  return changedReviewFields(recordOf(values), review);
}
