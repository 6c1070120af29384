import type { Activity } from './approach.next';

/** The key inputs of the process (guide table 3.1); `to` is where Rapport keeps them, when it does. */
export const processInputs = [
  { key: 'strategy', to: '/approach/culture?orgUnitId=none' },
  { key: 'cultureAssessment', to: '/approach/culture' },
  { key: 'stakeholderInformation', to: '/stakeholders' },
  { key: 'relationshipReviews', to: null },
] as const;

export type ProcessInput = (typeof processInputs)[number]['key'];

export interface ActivityFlow {
  /** Table 3.1 inputs this activity works from. */
  inputs: readonly ProcessInput[];
  /** Outputs of earlier activities it builds on. */
  builds: readonly Output[];
  outputs: readonly Output[];
}

export type Output =
  | 'stakeholderMaps'
  | 'cultureAnalysis'
  | 'strategicRequirements'
  | 'principles'
  | 'models'
  | 'materials'
  | 'reviewReport'
  | 'improvements';

/** Where each output of table 3.1 is produced in Rapport. */
export const outputLinks: Record<Output, string> = {
  stakeholderMaps: '/stakeholders/map',
  cultureAnalysis: '/approach/culture',
  strategicRequirements: '/approach/culture?orgUnitId=none',
  principles: '/approach/principles',
  models: '/approach/models',
  materials: '/approach/materials',
  reviewReport: '/approach/reviews',
  improvements: '/approach/reviews',
};

/** Guide §3.2.1: each activity's inputs and outputs; later activities build on the earlier outputs. */
export const flows: Record<Activity, ActivityFlow> = {
  analyse: {
    inputs: ['strategy', 'cultureAssessment', 'stakeholderInformation'],
    builds: [],
    outputs: ['stakeholderMaps', 'cultureAnalysis', 'strategicRequirements'],
  },
  principles: {
    inputs: ['strategy'],
    builds: ['cultureAnalysis', 'strategicRequirements'],
    outputs: ['principles'],
  },
  models: {
    inputs: ['stakeholderInformation'],
    builds: ['stakeholderMaps', 'principles'],
    outputs: ['models'],
  },
  embed: {
    inputs: ['cultureAssessment'],
    builds: ['principles', 'models'],
    outputs: ['materials'],
  },
  review: {
    inputs: ['relationshipReviews'],
    builds: ['principles', 'models', 'materials'],
    outputs: ['reviewReport', 'improvements'],
  },
};
