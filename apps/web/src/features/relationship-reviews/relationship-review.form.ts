import type { Review, ReviewPatch } from '@rapport/contracts';
import type { ReviewTrigger } from '../approach-reviews/review.queries';

/** What the inputs hold: dates may be '', satisfaction is a string for the select, "effective" is three-way. */
export interface RelationshipReviewValues {
  title: string;
  trigger: ReviewTrigger;
  triggerNote: string;
  status: Review['status'];
  scheduledOn: string;
  heldOn: string;
  periodFrom: string;
  periodTo: string;
  participants: string[];
  findings: string;
  satisfaction: string | null;
  decisions: string;
  lessonsLearned: string;
  effective: 'yes' | 'no' | 'undecided';
  communicatedTo: string[];
}

export const relationshipReviewFields = [
  'title',
  'trigger',
  'triggerNote',
  'status',
  'scheduledOn',
  'heldOn',
  'periodFrom',
  'periodTo',
  'participants',
  'findings',
  'satisfaction',
  'decisions',
  'lessonsLearned',
  'effective',
  'communicatedTo',
] as const;

export function relationshipReviewValuesOf(review: Review): RelationshipReviewValues {
  return {
    title: review.title,
    trigger: review.trigger,
    triggerNote: review.triggerNote,
    status: review.status,
    scheduledOn: review.scheduledOn ?? '',
    heldOn: review.heldOn ?? '',
    periodFrom: review.periodFrom ?? '',
    periodTo: review.periodTo ?? '',
    participants: review.participants,
    findings: review.findings,
    satisfaction: review.satisfaction === null ? null : String(review.satisfaction),
    decisions: review.decisions,
    lessonsLearned: review.lessonsLearned,
    effective: review.effective === null ? 'undecided' : review.effective ? 'yes' : 'no',
    communicatedTo: review.communicatedTo,
  };
}

function recordOf(values: RelationshipReviewValues) {
  return {
    title: values.title.trim(),
    trigger: values.trigger,
    triggerNote: values.triggerNote,
    status: values.status,
    scheduledOn: values.scheduledOn || null,
    heldOn: values.heldOn || null,
    periodFrom: values.periodFrom || null,
    periodTo: values.periodTo || null,
    participants: values.participants,
    findings: values.findings,
    satisfaction: values.satisfaction === null ? null : Number(values.satisfaction),
    decisions: values.decisions,
    lessonsLearned: values.lessonsLearned,
    effective: values.effective === 'undecided' ? null : values.effective === 'yes',
    communicatedTo: values.communicatedTo,
  } satisfies ReviewPatch;
}

/** Only the fields that differ from the saved review. */
export function relationshipReviewPatchOf(values: RelationshipReviewValues, review: Review): ReviewPatch {
  const next = recordOf(values);
  const patch: ReviewPatch = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(review[key])) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}
