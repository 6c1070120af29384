import {
  type EngagementLevel,
  type Stakeholder,
  type StakeholderCategory,
  StakeholderCreate,
  StakeholderPatch,
} from '@rapport/contracts';

export type Kind = Stakeholder['kind'];
export type Scope = Stakeholder['scope'];

/** What the inputs hold: numbers may be '' while being typed, selects may be empty. */
export interface StakeholderFormValues {
  name: string;
  kind: Kind;
  category: StakeholderCategory | null;
  scope: Scope;
  parentId: string | null;
  /** Only an internal stakeholder sits in one of the organisation's units. */
  orgUnitId: string | null;
  ownerId: string | null;
  influence: number | string;
  interest: number | string;
  targetInfluence: number | string;
  targetInterest: number | string;
  power: boolean;
  legitimacy: boolean;
  urgency: boolean;
  engagementCurrent: EngagementLevel | null;
  engagementDesired: EngagementLevel | null;
  emails: string[];
  phones: string[];
  tags: string[];
  notes: string;
  assessmentNote: string;
}

export const formFields = [
  'name',
  'kind',
  'category',
  'scope',
  'parentId',
  'orgUnitId',
  'ownerId',
  'influence',
  'interest',
  'targetInfluence',
  'targetInterest',
  'power',
  'legitimacy',
  'urgency',
  'engagementCurrent',
  'engagementDesired',
  'emails',
  'phones',
  'tags',
  'notes',
  'assessmentNote',
] as const;

export function emptyValues(): StakeholderFormValues {
  return {
    name: '',
    kind: 'person',
    category: null,
    scope: 'external',
    parentId: null,
    orgUnitId: null,
    ownerId: null,
    influence: '',
    interest: '',
    targetInfluence: '',
    targetInterest: '',
    power: false,
    legitimacy: false,
    urgency: false,
    engagementCurrent: null,
    engagementDesired: null,
    emails: [],
    phones: [],
    tags: [],
    notes: '',
    assessmentNote: '',
  };
}

export function valuesOf(stakeholder: Stakeholder): StakeholderFormValues {
  return {
    name: stakeholder.name,
    kind: stakeholder.kind,
    category: stakeholder.category,
    scope: stakeholder.scope,
    parentId: stakeholder.parentId,
    orgUnitId: stakeholder.orgUnitId,
    ownerId: stakeholder.ownerId,
    influence: stakeholder.influence,
    interest: stakeholder.interest,
    targetInfluence: stakeholder.targetInfluence ?? '',
    targetInterest: stakeholder.targetInterest ?? '',
    power: stakeholder.power,
    legitimacy: stakeholder.legitimacy,
    urgency: stakeholder.urgency,
    engagementCurrent: stakeholder.engagementCurrent,
    engagementDesired: stakeholder.engagementDesired,
    emails: stakeholder.emails,
    phones: stakeholder.phones,
    tags: stakeholder.tags,
    notes: stakeholder.notes,
    assessmentNote: '',
  };
}

/** A typed number stays as typed (7 too) so the schema, not the input, says what is wrong with it. */
function requiredNumber(value: number | string): number | undefined {
  if (value === '' || value === null) return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isNaN(number) ? undefined : number;
}

function optionalNumber(value: number | string): number | null {
  return requiredNumber(value) ?? null;
}

function body(values: StakeholderFormValues) {
  return {
    name: values.name,
    kind: values.kind,
    category: values.category ?? undefined,
    scope: values.scope,
    parentId: values.parentId,
    orgUnitId: values.scope === 'internal' ? values.orgUnitId : null,
    ownerId: values.ownerId,
    influence: requiredNumber(values.influence),
    interest: requiredNumber(values.interest),
    targetInfluence: optionalNumber(values.targetInfluence),
    targetInterest: optionalNumber(values.targetInterest),
    power: values.power,
    legitimacy: values.legitimacy,
    urgency: values.urgency,
    engagementCurrent: values.engagementCurrent,
    engagementDesired: values.engagementDesired,
    emails: values.emails,
    phones: values.phones,
    tags: values.tags,
    notes: values.notes,
  };
}

export function parseCreate(values: StakeholderFormValues) {
  const note = values.assessmentNote.trim();
  return StakeholderCreate.safeParse({ ...body(values), ...(note ? { assessmentNote: note } : {}) });
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only what changed is sent, so an edit says exactly what the user meant to change. */
export function parsePatch(values: StakeholderFormValues, original: Stakeholder) {
  const next = body(values);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    // A required field emptied is sent as null so the schema reports it as required.
    if (!same(value, original[key as keyof Stakeholder])) patch[key] = value === undefined ? null : value;
  }
  const note = values.assessmentNote.trim();
  if (note) patch.assessmentNote = note;
  return StakeholderPatch.safeParse(patch);
}
