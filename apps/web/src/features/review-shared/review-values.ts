import type { Review, ReviewPatch } from '@rapport/contracts';
import type { ReviewTrigger } from '../approach-reviews/review.queries';

/** What the inputs of every review form hold: dates may be '' and "effective" is a three-way choice. */
export interface ReviewCoreValues {
  title: string;
  trigger: ReviewTrigger;
  triggerNote: string;
  status: Review['status'];
  scheduledOn: string;
  heldOn: string;
  participants: string[];
  findings: string;
  decisions: string;
  lessonsLearned: string;
  effective: 'yes' | 'no' | 'undecided';
  communicatedTo: string[];
}

export const reviewCoreFields = [
  'title',
  'trigger',
  'triggerNote',
  'status',
  'scheduledOn',
  'heldOn',
  'participants',
  'findings',
  'decisions',
  'lessonsLearned',
  'effective',
  'communicatedTo',
] as const;

/** "effective" as the three-way choice the form and the report show. */
export function effectiveChoiceOf(review: Pick<Review, 'effective'>): ReviewCoreValues['effective'] {
  return review.effective === null ? 'undecided' : review.effective ? 'yes' : 'no';
}

export function reviewCoreValuesOf(review: Review): ReviewCoreValues {
  return {
    title: review.title,
    trigger: review.trigger,
    triggerNote: review.triggerNote,
    status: review.status,
    scheduledOn: review.scheduledOn ?? '',
    heldOn: review.heldOn ?? '',
    participants: review.participants,
    findings: review.findings,
    decisions: review.decisions,
    lessonsLearned: review.lessonsLearned,
    effective: effectiveChoiceOf(review),
    communicatedTo: review.communicatedTo,
  };
}

/** The common fields as the API takes them. */
export function reviewCoreRecordOf(values: ReviewCoreValues) {
  return {
    title: values.title.trim(),
    trigger: values.trigger,
    triggerNote: values.triggerNote,
    status: values.status,
    scheduledOn: values.scheduledOn || null,
    heldOn: values.heldOn || null,
    participants: values.participants,
    findings: values.findings,
    decisions: values.decisions,
    lessonsLearned: values.lessonsLearned,
    effective: values.effective === 'undecided' ? null : values.effective === 'yes',
    communicatedTo: values.communicatedTo,
  } satisfies ReviewPatch;
}

/** Only the fields of `next` that differ from the saved review. */
export function changedReviewFields(
  next: Partial<Record<keyof Review, unknown>>,
  review: Review,
): ReviewPatch {
  const patch: ReviewPatch = {};
  for (const key of Object.keys(next) as (keyof Review)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(review[key])) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}
