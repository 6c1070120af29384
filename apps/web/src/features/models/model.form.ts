import {
  type CommunalityDimension,
  communalityDimensions,
  defaultHealthWeights,
  type defaultJourneySteps,
  type HealthWeights,
  type ModelContent,
  type Quadrant,
  quadrants,
  type RelationshipModel,
  type RelationshipType,
  type raciCodes,
} from '@rapport/contracts';
import { localId, newKey } from './model.keys';

export type Raci = (typeof raciCodes)[number];
export type DefaultStepKey = (typeof defaultJourneySteps)[number];
export type WeightName = keyof HealthWeights;
export const weightNames = Object.keys(defaultHealthWeights) as WeightName[];
/** The lists of a step whose items are plain sentences. */
export const textLists = ['risks', 'opportunities', 'behaviours'] as const;
export type TextList = (typeof textLists)[number];

/** Numbers are '' while their input is empty; `uid`s keep React rows and focus with their item. */
type Days = number | '';

export interface TextItem {
  uid: string;
  text: string;
}

/** An activity's key is '' until the model is saved for the first time with it. */
export interface ActivityValues extends TextItem {
  key: string;
}

export interface ResponsibilityValues {
  uid: string;
  role: string;
  raci: Raci;
}

export interface StepValues {
  uid: string;
  /** '' for a step added in this editor: it gets a key when saved. */
  key: string;
  name: string;
  purpose: string;
  activities: ActivityValues[];
  responsibilities: ResponsibilityValues[];
  risks: TextItem[];
  opportunities: TextItem[];
  behaviours: TextItem[];
  contactEveryDays: Days;
}

export interface ModelFormValues {
  name: string;
  groupIds: string[];
  nextReviewOn: string;
  description: string;
  relationshipType: RelationshipType | null;
  communality: Record<CommunalityDimension, number | null>;
  steps: StepValues[];
  contactEveryDays: Days;
  contactEveryDaysByQuadrant: Record<Quadrant, Days>;
  reviewEveryDays: Days;
  healthWeights: Record<WeightName, Days>;
  changeNote: string;
}

type Content = Omit<ModelContent, 'healthWeights'> & { healthWeights: HealthWeights };
type StepContent = Content['steps'][number];

const textItem = (text: string): TextItem => ({ uid: localId(), text });

export function emptyStep(name: string, key = ''): StepValues {
  return {
    uid: localId(),
    key,
    name,
    purpose: '',
    activities: [],
    responsibilities: [],
    risks: [],
    opportunities: [],
    behaviours: [],
    contactEveryDays: '',
  };
}

export const emptyActivity = (): ActivityValues => ({ uid: localId(), key: '', text: '' });
export const emptyTextItem = (): TextItem => textItem('');
export const emptyResponsibility = (): ResponsibilityValues => ({ uid: localId(), role: '', raci: 'R' });

function stepValues(step: StepContent): StepValues {
  return {
    uid: localId(),
    key: step.key,
    name: step.name,
    purpose: step.purpose,
    activities: step.activities.map((activity) => ({
      uid: localId(),
      key: activity.key,
      text: activity.text,
    })),
    responsibilities: step.responsibilities.map((r) => ({ uid: localId(), role: r.role, raci: r.raci })),
    risks: step.risks.map(textItem),
    opportunities: step.opportunities.map(textItem),
    behaviours: step.behaviours.map(textItem),
    contactEveryDays: step.contactEveryDays ?? '',
  };
}

const byQuadrant = (days: Partial<Record<Quadrant, number>>): Record<Quadrant, Days> =>
  Object.fromEntries(quadrants.map((quadrant) => [quadrant, days[quadrant] ?? ''])) as Record<Quadrant, Days>;

/** A blank model: the default journey (names in the interface language), no activities yet. */
export function blankValues(
  stepName: (key: DefaultStepKey) => string,
  steps: readonly DefaultStepKey[],
): ModelFormValues {
  return {
    name: '',
    groupIds: [],
    nextReviewOn: '',
    description: '',
    relationshipType: null,
    communality: Object.fromEntries(
      communalityDimensions.map((d) => [d, null]),
    ) as ModelFormValues['communality'],
    steps: steps.map((key) => emptyStep(stepName(key), key)),
    contactEveryDays: 30,
    contactEveryDaysByQuadrant: byQuadrant({}),
    reviewEveryDays: 90,
    healthWeights: { ...defaultHealthWeights },
    changeNote: '',
  };
}

/** The values of an example or of an existing model. */
export function valuesOf(
  content: Content,
  extra: { name: string; groupIds?: string[]; nextReviewOn?: string },
): ModelFormValues {
  return {
    name: extra.name,
    groupIds: extra.groupIds ?? [],
    nextReviewOn: extra.nextReviewOn ?? '',
    description: content.description,
    relationshipType: content.relationshipType,
    communality: { ...content.communality },
    steps: content.steps.map(stepValues),
    contactEveryDays: content.contactEveryDays,
    contactEveryDaysByQuadrant: byQuadrant(content.contactEveryDaysByQuadrant),
    reviewEveryDays: content.reviewEveryDays,
    healthWeights: { ...content.healthWeights },
    changeNote: '',
  };
}

export function modelValues(model: RelationshipModel): ModelFormValues {
  return valuesOf(model, {
    name: model.name,
    groupIds: model.groups.map((group) => group.id),
    nextReviewOn: model.nextReviewOn ?? '',
  });
}

export function weightSum(weights: ModelFormValues['healthWeights']): number {
  return weightNames.reduce((sum, name) => sum + (Number(weights[name]) || 0), 0);
}

/** Which form row each item of the request came from: blank rows are left out of the request. */
export type ListOrigins = Record<'activities' | 'responsibilities' | TextList, number[]>;

export interface BuiltModel {
  body: Record<string, unknown>;
  origins: ListOrigins[];
}

/** Kept rows with their form index; a row left blank is dropped rather than reported as an error. */
function kept<T>(items: T[], isBlank: (item: T) => boolean): { item: T; index: number }[] {
  return items.flatMap((item, index) => (isBlank(item) ? [] : [{ item, index }]));
}

const daysOrUndefined = (days: Days) => (days === '' ? undefined : days);

function buildStep(
  step: StepValues,
  stepKeys: Set<string>,
): { step: Record<string, unknown>; origin: ListOrigins } {
  const activities = kept(step.activities, (a) => !a.text.trim());
  const activityKeys = new Set(activities.map(({ item }) => item.key).filter(Boolean));
  const responsibilities = kept(step.responsibilities, (r) => !r.role.trim());
  const lists = Object.fromEntries(
    textLists.map((list) => [list, kept(step[list], (item) => !item.text.trim())]),
  ) as Record<TextList, { item: TextItem; index: number }[]>;
  const key = step.key || newKey(step.name, stepKeys, 'step');
  stepKeys.add(key);
  return {
    step: {
      key,
      name: step.name,
      purpose: step.purpose.trim(),
      activities: activities.map(({ item }) => {
        const activityKey = item.key || newKey(item.text, activityKeys, 'a');
        activityKeys.add(activityKey);
        return { key: activityKey, text: item.text.trim() };
      }),
      responsibilities: responsibilities.map(({ item }) => ({ role: item.role.trim(), raci: item.raci })),
      ...Object.fromEntries(textLists.map((list) => [list, lists[list].map(({ item }) => item.text.trim())])),
      contactEveryDays: step.contactEveryDays === '' ? null : step.contactEveryDays,
    },
    origin: {
      activities: activities.map(({ index }) => index),
      responsibilities: responsibilities.map(({ index }) => index),
      ...(Object.fromEntries(
        textLists.map((list) => [list, lists[list].map(({ index }) => index)]),
      ) as Record<TextList, number[]>),
    },
  };
}

/** The request body of a model (create shape) and where each list item came from in the form. */
export function buildModel(values: ModelFormValues): BuiltModel {
  const stepKeys = new Set(values.steps.map((step) => step.key).filter(Boolean));
  const steps = values.steps.map((step) => buildStep(step, stepKeys));
  return {
    body: {
      name: values.name,
      groupIds: values.groupIds,
      nextReviewOn: values.nextReviewOn || null,
      description: values.description,
      relationshipType: values.relationshipType ?? undefined,
      communality: values.communality,
      steps: steps.map((built) => built.step),
      contactEveryDays: daysOrUndefined(values.contactEveryDays),
      contactEveryDaysByQuadrant: Object.fromEntries(
        quadrants.flatMap((quadrant) => {
          const days = values.contactEveryDaysByQuadrant[quadrant];
          return days === '' ? [] : [[quadrant, days]];
        }),
      ),
      reviewEveryDays: daysOrUndefined(values.reviewEveryDays),
      healthWeights: Object.fromEntries(
        weightNames.map((name) => [name, daysOrUndefined(values.healthWeights[name])]),
      ),
    },
    origins: steps.map((built) => built.origin),
  };
}

/** Equal as JSON values, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].every((key) => sameValue(left[key], right[key]));
  }
  return false;
}

/** Only what changed, so that changing only the groups or the review date does not make a new version. */
export function patchOf(body: Record<string, unknown>, model: RelationshipModel, changeNote: string) {
  const current: Record<string, unknown> = {
    ...model,
    groupIds: model.groups.map((group) => group.id),
  };
  const patch = Object.fromEntries(
    Object.entries(body).filter(([key, value]) => !sameValue(value, current[key])),
  );
  const note = changeNote.trim();
  return note ? { ...patch, changeNote: note } : patch;
}
