import type { JourneyStep } from '@rapport/contracts';

type Step = Pick<JourneyStep, 'key' | 'name' | 'activities'>;

export interface StepActivityChanges {
  step: string;
  added: string[];
  removed: string[];
}

export interface JourneyDiff {
  addedSteps: string[];
  removedSteps: string[];
  activities: StepActivityChanges[];
}

/**
 * Where a relationship's tailored journey differs from the model version it was copied from: steps and
 * key activities added or removed, matched by their keys (a renamed step or activity is the same one).
 */
export function diffJourney(model: readonly Step[], tailored: readonly Step[]): JourneyDiff {
  const modelKeys = new Set(model.map((step) => step.key));
  const tailoredKeys = new Set(tailored.map((step) => step.key));
  const activities = tailored.flatMap((step) => {
    const original = model.find((candidate) => candidate.key === step.key);
    if (!original) return [];
    const before = new Set(original.activities.map((activity) => activity.key));
    const after = new Set(step.activities.map((activity) => activity.key));
    const added = step.activities.filter((activity) => !before.has(activity.key)).map((a) => a.text);
    const removed = original.activities.filter((activity) => !after.has(activity.key)).map((a) => a.text);
    return added.length + removed.length > 0 ? [{ step: step.name, added, removed }] : [];
  });
  return {
    addedSteps: tailored.filter((step) => !modelKeys.has(step.key)).map((step) => step.name),
    removedSteps: model.filter((step) => !tailoredKeys.has(step.key)).map((step) => step.name),
    activities,
  };
}

export function isSameJourney(diff: JourneyDiff): boolean {
  return diff.addedSteps.length + diff.removedSteps.length + diff.activities.length === 0;
}
