import type { RelationshipModelVersion } from '@rapport/contracts';
import { sameValue } from './model.form';

type Version = Pick<
  RelationshipModelVersion,
  | 'title'
  | 'description'
  | 'relationshipType'
  | 'communality'
  | 'steps'
  | 'contactEveryDays'
  | 'contactEveryDaysByQuadrant'
  | 'reviewEveryDays'
  | 'healthWeights'
>;
type Step = Version['steps'][number];

export type Change = 'added' | 'removed' | 'changed';

export const modelFields = [
  'title',
  'description',
  'relationshipType',
  'communality',
  'contactEveryDays',
  'contactEveryDaysByQuadrant',
  'reviewEveryDays',
  'healthWeights',
] as const;
export type ModelField = (typeof modelFields)[number];

export const stepParts = [
  'name',
  'purpose',
  'responsibilities',
  'risks',
  'opportunities',
  'behaviours',
  'contactEveryDays',
] as const;
export type StepPart = (typeof stepParts)[number];

export interface ActivityChange {
  key: string;
  change: Change;
  before: string | null;
  after: string | null;
}

export interface StepChange {
  key: string;
  /** The name in the later version, or in the earlier one for a removed step. */
  name: string;
  change: Change;
  /** For a changed step: which of its other parts differ, and whether it moved in the journey. */
  parts: StepPart[];
  moved: boolean;
  activities: ActivityChange[];
}

export interface ModelDiff {
  fields: ModelField[];
  steps: StepChange[];
}

function activityChanges(before: Step | undefined, after: Step | undefined): ActivityChange[] {
  const earlier = new Map((before?.activities ?? []).map((a) => [a.key, a.text]));
  const later = new Map((after?.activities ?? []).map((a) => [a.key, a.text]));
  const changes: ActivityChange[] = [];
  for (const [key, text] of later) {
    const old = earlier.get(key);
    if (old === undefined) changes.push({ key, change: 'added', before: null, after: text });
    else if (old !== text) changes.push({ key, change: 'changed', before: old, after: text });
  }
  for (const [key, text] of earlier)
    if (!later.has(key)) changes.push({ key, change: 'removed', before: text, after: null });
  return changes;
}

/**
 * What differs between two versions of a model: steps and activities are matched by their keys, so a
 * renamed step is "changed", not "removed and added".
 */
export function compareVersions(before: Version, after: Version): ModelDiff {
  const fields = modelFields.filter((field) => !sameValue(before[field], after[field]));
  const earlierSteps = new Map(before.steps.map((step) => [step.key, step]));
  const laterKeys = new Set(after.steps.map((step) => step.key));
  // A step has moved when its place among the steps both versions share is different.
  const earlierOrder = before.steps.filter((s) => laterKeys.has(s.key)).map((s) => s.key);
  const laterOrder = after.steps.filter((s) => earlierSteps.has(s.key)).map((s) => s.key);
  const steps: StepChange[] = [];

  for (const step of after.steps) {
    const earlier = earlierSteps.get(step.key);
    const activities = activityChanges(earlier, step);
    if (!earlier) {
      steps.push({ key: step.key, name: step.name, change: 'added', parts: [], moved: false, activities });
      continue;
    }
    const parts = stepParts.filter((part) => !sameValue(earlier[part], step[part]));
    const moved = laterOrder.indexOf(step.key) !== earlierOrder.indexOf(step.key);
    if (parts.length > 0 || moved || activities.length > 0)
      steps.push({ key: step.key, name: step.name, change: 'changed', parts, moved, activities });
  }
  for (const step of before.steps)
    if (!laterKeys.has(step.key))
      steps.push({
        key: step.key,
        name: step.name,
        change: 'removed',
        parts: [],
        moved: false,
        activities: activityChanges(step, undefined),
      });
  return { fields, steps };
}
