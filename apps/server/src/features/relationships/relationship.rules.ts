import type { FieldError, Journey, Relationship } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { activeOrgUnitExists } from '../org-units/org-unit.repository.js';
import { activeUserIds } from '../users/user.repository.js';
import { activeStakeholder } from './relationship.repository.js';

type Parties = Pick<
  Relationship,
  'stakeholderId' | 'fromStakeholderId' | 'orgUnitId' | 'service' | 'ourRole' | 'managerId' | 'agentId'
> &
  Pick<Relationship, 'startedOn' | 'nextReviewOn'>;

/**
 * What a schema cannot check: the parties exist and differ, a service relationship says our role, the people
 * are active users and the dates come in order. `changed` limits the lookups to what the request changes.
 */
export async function relationshipErrors(
  db: Kysely<DB>,
  next: Parties,
  changed: (field: keyof Parties) => boolean,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (changed('stakeholderId') && !(await activeStakeholder(db, next.stakeholderId)))
    errors.push({ path: 'stakeholderId', message: 'no active stakeholder with this id' });
  if (next.fromStakeholderId !== null) {
    if (next.fromStakeholderId === next.stakeholderId)
      errors.push({ path: 'fromStakeholderId', message: 'a relationship is between two different parties' });
    else if (changed('fromStakeholderId') && !(await activeStakeholder(db, next.fromStakeholderId)))
      errors.push({ path: 'fromStakeholderId', message: 'no active stakeholder with this id' });
    if (next.orgUnitId !== null)
      errors.push({
        path: 'orgUnitId',
        message: 'our side is either an org unit or a stakeholder, not both',
      });
  } else if (
    next.orgUnitId !== null &&
    changed('orgUnitId') &&
    !(await activeOrgUnitExists(db, next.orgUnitId))
  ) {
    errors.push({ path: 'orgUnitId', message: 'no active org unit with this id' });
  }
  if (next.service && next.ourRole === null)
    errors.push({ path: 'ourRole', message: 'say whether we provide, consume or both' });
  if (!next.service && next.ourRole !== null)
    errors.push({ path: 'ourRole', message: 'only a service relationship has our role' });
  const people = (['managerId', 'agentId'] as const).filter(
    (field) => next[field] !== null && changed(field),
  );
  const active = await activeUserIds(
    db,
    people.map((field) => next[field] as string),
  );
  for (const field of people) {
    if (!active.has(next[field] as string))
      errors.push({ path: field, message: 'no active user with this id' });
  }
  if (next.nextReviewOn !== null && next.nextReviewOn < next.startedOn)
    errors.push({ path: 'nextReviewOn', message: 'the next review comes after the start' });
  return errors;
}

/** Each step named must be a step of the journey, named once. */
export function stepErrors(journey: Journey | null, steps: string[], path: string): FieldError[] {
  if (journey === null) {
    return steps.length === 0 ? [] : [{ path, message: 'without a model or a journey there are no steps' }];
  }
  const keys = new Set(journey.steps.map((step) => step.key));
  const seen = new Set<string>();
  return steps.flatMap((step, index) => {
    if (!keys.has(step)) return [{ path: `${path}.${index}`, message: `no step "${step}" in this journey` }];
    if (seen.has(step)) return [{ path: `${path}.${index}`, message: 'named twice' }];
    seen.add(step);
    return [];
  });
}
