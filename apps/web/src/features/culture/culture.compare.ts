import {
  type CultureAssessment,
  communalityDimensions,
  type ToxicFrequency,
  toxicBehaviours,
  toxicFrequencies,
} from '@rapport/contracts';

export interface Difference {
  key: string;
  /** Later minus earlier: positive moves toward the second pole, or a behaviour seen more often. */
  change: number;
}

/** How many steps a behaviour's frequency moved (`often` after `rarely` is +2). */
export function frequencyShift(from: ToxicFrequency, to: ToxicFrequency): number {
  return toxicFrequencies.indexOf(to) - toxicFrequencies.indexOf(from);
}

export function scoreDifferences(a: CultureAssessment, b: CultureAssessment): Difference[] {
  return communalityDimensions.map((dimension) => ({
    key: dimension,
    change: b.scores[dimension] - a.scores[dimension],
  }));
}

export function toxicDifferences(a: CultureAssessment, b: CultureAssessment): Difference[] {
  return toxicBehaviours.map((behaviour) => ({
    key: behaviour,
    change: frequencyShift(a.toxicBehaviours[behaviour], b.toxicBehaviours[behaviour]),
  }));
}

/**
 * The two assessments in reading order. One unit (or the whole organisation) over time: the earlier one
 * first, so a change reads "from → to". Two different units keep the order they were chosen in.
 */
export function readingOrder(
  a: CultureAssessment,
  b: CultureAssessment,
): [CultureAssessment, CultureAssessment] {
  return a.orgUnitId === b.orgUnitId && b.assessedOn < a.assessedOn ? [b, a] : [a, b];
}

/** Behaviours seen often or very often: the ones an assessment should act on. */
export function frequentToxicBehaviours(assessment: CultureAssessment) {
  return toxicBehaviours.filter((behaviour) =>
    ['often', 'very_often'].includes(assessment.toxicBehaviours[behaviour]),
  );
}
