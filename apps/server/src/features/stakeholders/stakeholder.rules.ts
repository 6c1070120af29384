import {
  type AssessmentValues,
  assessedFields,
  engagementGapOf,
  type FieldError,
  quadrantOf,
  type Stakeholder,
  salienceOf,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, StakeholdersTable } from '../../db/schema.js';
import { nameKey } from '../../shared/name-key.js';
import { activeOrgUnitExists } from '../org-units/org-unit.repository.js';
import { activeUserIds } from '../users/user.repository.js';
import { findByExternalRef, findParentIdOf } from './stakeholder.repository.js';

export function assessmentValuesOf(stakeholder: Stakeholder): AssessmentValues {
  return Object.fromEntries(assessedFields.map((field) => [field, stakeholder[field]])) as AssessmentValues;
}

export function assessmentChanged(before: AssessmentValues, after: AssessmentValues): boolean {
  return assessedFields.some((field) => before[field] !== after[field]);
}

export type StakeholderInput = Omit<Stakeholder, 'quadrant' | 'salience' | 'engagementGap'>;

/** The stored row of a stakeholder, with the derived columns (quadrant, salience, gap, search keys) computed. */
export function rowOf(s: StakeholderInput): StakeholdersTable {
  return {
    id: s.id,
    name: s.name,
    sort_name: s.name.toLowerCase(),
    search_text: [s.name, ...s.emails, ...s.tags, s.externalRef ?? ''].join('\n').toLowerCase(),
    name_key: nameKey(s.name),
    external_ref: s.externalRef,
    engagement_gap: engagementGapOf(s.engagementCurrent, s.engagementDesired),
    last_assessed_at: s.lastAssessedAt,
    kind: s.kind,
    category: s.category,
    scope: s.scope,
    parent_id: s.parentId,
    org_unit_id: s.orgUnitId,
    influence: s.influence,
    interest: s.interest,
    quadrant: quadrantOf(s.influence, s.interest),
    power: s.power ? 1 : 0,
    legitimacy: s.legitimacy ? 1 : 0,
    urgency: s.urgency ? 1 : 0,
    salience: salienceOf(s.power, s.legitimacy, s.urgency),
    engagement_current: s.engagementCurrent,
    engagement_desired: s.engagementDesired,
    target_influence: s.targetInfluence,
    target_interest: s.targetInterest,
    owner_id: s.ownerId,
    emails: JSON.stringify(s.emails),
    phones: JSON.stringify(s.phones),
    tags: JSON.stringify(s.tags),
    notes: s.notes,
    archived_at: s.archivedAt,
    version: s.version,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

const MAX_PARENT_DEPTH = 50;

/** Checks what a schema cannot: owner and parent exist, no parent loop, the external reference is unique. */
export async function referenceErrors(
  db: Kysely<DB>,
  self: {
    id: string;
    scope: string;
    parentId: string | null;
    orgUnitId: string | null;
    ownerId: string | null;
    externalRef: string | null;
  },
  changed: { parentId: boolean; ownerId: boolean; externalRef: boolean; orgUnitId: boolean },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (self.orgUnitId !== null && self.scope !== 'internal') {
    errors.push({ path: 'orgUnitId', message: 'only an internal stakeholder belongs to an org unit' });
  } else if (
    changed.orgUnitId &&
    self.orgUnitId !== null &&
    !(await activeOrgUnitExists(db, self.orgUnitId))
  ) {
    errors.push({ path: 'orgUnitId', message: 'no active org unit with this id' });
  }
  if (changed.externalRef && self.externalRef !== null) {
    const holder = await findByExternalRef(db, self.externalRef);
    if (holder && holder.id !== self.id)
      errors.push({ path: 'externalRef', message: 'another stakeholder has it' });
  }
  if (changed.ownerId && self.ownerId !== null) {
    const found = await activeUserIds(db, [self.ownerId]);
    if (!found.has(self.ownerId)) errors.push({ path: 'ownerId', message: 'no active user with this id' });
  }
  if (changed.parentId && self.parentId !== null) {
    let cursor: string | null | undefined = self.parentId;
    for (let depth = 0; cursor; depth++) {
      if (cursor === self.id || depth > MAX_PARENT_DEPTH) {
        errors.push({ path: 'parentId', message: 'a stakeholder cannot be its own ancestor' });
        break;
      }
      const parentOfCursor: string | null | undefined = await findParentIdOf(db, cursor);
      if (parentOfCursor === undefined) {
        if (cursor === self.parentId)
          errors.push({ path: 'parentId', message: 'no stakeholder with this id' });
        break;
      }
      cursor = parentOfCursor;
    }
  }
  return errors;
}
