import type { Review, ReviewPatch } from '@rapport/contracts';
import type { ReviewTrigger } from './review.queries';

/** What the inputs hold: dates may be '' and "effective" is a three-way choice. */
export interface ReviewFormValues {
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

export const reviewFormFields = [
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

export function reviewValuesOf(review: Review): ReviewFormValues {
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
    effective: review.effective === null ? 'undecided' : review.effective ? 'yes' : 'no',
    communicatedTo: review.communicatedTo,
  };
}

function recordOf(
  values: ReviewFormValues,
): Required<
  Omit<ReviewPatch, 'version' | 'satisfaction' | 'periodFrom' | 'periodTo' | 'triggerExceptionId'>
> {
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
  };
}

/** Only the fields that differ from the saved review. */
export function reviewPatchOf(values: ReviewFormValues, review: Review): ReviewPatch {
  const next = recordOf(values);
  const patch: ReviewPatch = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(review[key])) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}
