import {
  type Characteristics,
  defaultCharacteristics,
  type Relationship,
  type RelationshipPatch,
} from '@rapport/contracts';

/** What the opening form and the edit modal share. */
export interface BasicsValues {
  name: string;
  service: boolean;
  ourRole: Relationship['ourRole'];
  characteristics: Characteristics;
  managerId: string | null;
  agentId: string | null;
  maturity: Relationship['maturity'];
  startedOn: string;
}

export type OurSide = 'organisation' | 'orgUnit' | 'stakeholder';

export interface OpenValues extends BasicsValues {
  modelId: string | null;
  ourSide: OurSide;
  orgUnitId: string | null;
  fromStakeholderId: string | null;
}

/** The form fields a server error may name (the rest are shown above the buttons). */
export const basicsFields = [
  'name',
  'service',
  'ourRole',
  'characteristics',
  'managerId',
  'agentId',
  'maturity',
  'startedOn',
];
export const openFields = [...basicsFields, 'modelId', 'orgUnitId', 'fromStakeholderId', 'stakeholderId'];

const today = () => new Date().toISOString().slice(0, 10);

export function newOpenValues(managerId: string | null): OpenValues {
  return {
    name: '',
    service: true,
    ourRole: 'provider',
    characteristics: defaultCharacteristics,
    managerId,
    agentId: null,
    maturity: 'ad_hoc',
    startedOn: today(),
    modelId: null,
    ourSide: 'organisation',
    orgUnitId: null,
    fromStakeholderId: null,
  };
}

export function basicsOf(relationship: Relationship): BasicsValues {
  return {
    name: relationship.name,
    service: relationship.service,
    ourRole: relationship.ourRole,
    characteristics: relationship.characteristics,
    managerId: relationship.managerId,
    agentId: relationship.agentId,
    maturity: relationship.maturity,
    startedOn: relationship.startedOn,
  };
}

export function createBodyOf(stakeholderId: string, values: OpenValues) {
  return {
    stakeholderId,
    name: values.name.trim() || undefined,
    service: values.service,
    ourRole: values.service ? values.ourRole : null,
    characteristics: values.characteristics,
    managerId: values.managerId,
    agentId: values.agentId,
    maturity: values.maturity,
    startedOn: values.startedOn || undefined,
    modelId: values.modelId,
    orgUnitId: values.ourSide === 'orgUnit' ? values.orgUnitId : null,
    fromStakeholderId: values.ourSide === 'stakeholder' ? values.fromStakeholderId : null,
  };
}

/** Only what changed is sent, so two people editing different fields do not undo each other. */
export function patchOf(values: BasicsValues, relationship: Relationship): RelationshipPatch {
  const before = basicsOf(relationship);
  const after: BasicsValues = {
    ...values,
    name: values.name.trim(),
    ourRole: values.service ? values.ourRole : null,
  };
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof BasicsValues)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) patch[key] = after[key];
  }
  return patch as RelationshipPatch;
}
