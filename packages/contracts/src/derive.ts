import { type EngagementLevel, engagementLevels, type Quadrant, type SalienceClass } from './enums.js';

/** SPEC §11: influence ≥ 3 is high, interest ≥ 3 is high. */
export function quadrantOf(influence: number, interest: number): Quadrant {
  const highInfluence = influence >= 3;
  const highInterest = interest >= 3;
  if (highInfluence && highInterest) return 'manage_closely';
  if (highInfluence) return 'keep_satisfied';
  if (highInterest) return 'keep_informed';
  return 'monitor';
}

export function salienceOf(power: boolean, legitimacy: boolean, urgency: boolean): SalienceClass {
  if (power && legitimacy && urgency) return 'definitive';
  if (power && legitimacy) return 'dominant';
  if (power && urgency) return 'dangerous';
  if (legitimacy && urgency) return 'dependent';
  if (power) return 'dormant';
  if (legitimacy) return 'discretionary';
  if (urgency) return 'demanding';
  return 'none';
}

/** Steps from the current to the desired engagement level (positive: more engagement is wanted). */
export function engagementGapOf(
  current: EngagementLevel | null,
  desired: EngagementLevel | null,
): number | null {
  if (current === null || desired === null) return null;
  return engagementLevels.indexOf(desired) - engagementLevels.indexOf(current);
}
