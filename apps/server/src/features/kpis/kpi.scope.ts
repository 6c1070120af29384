import { type RawBuilder, sql } from 'kysely';

/** The filters of a KPI query that narrow whose records count. */
export interface Scope {
  groupId?: string | undefined;
  orgUnitId?: string | undefined;
  managerId?: string | undefined;
}

const all = (conditions: RawBuilder<unknown>[]) =>
  conditions.length === 0 ? sql<boolean>`1 = 1` : sql<boolean>`${sql.join(conditions, sql` and `)}`;

const memberOf = (stakeholder: RawBuilder<unknown>, groupId: string) =>
  sql`exists (select 1 from stakeholder_group_members fgm
    where fgm.stakeholder_id = ${stakeholder} and fgm.group_id = ${groupId})`;

/** Relationships (alias `r`): of a member of the group, held by the unit, managed by the user. */
export function relationshipScope(scope: Scope, alias = 'r') {
  const conditions: RawBuilder<unknown>[] = [];
  if (scope.groupId) conditions.push(memberOf(sql.ref(`${alias}.stakeholder_id`), scope.groupId));
  if (scope.orgUnitId) conditions.push(sql`${sql.ref(`${alias}.org_unit_id`)} = ${scope.orgUnitId}`);
  if (scope.managerId) conditions.push(sql`${sql.ref(`${alias}.manager_id`)} = ${scope.managerId}`);
  return all(conditions);
}

/**
 * Survey answers (alias `a`): from a member of the group; from a stakeholder of the unit or about a
 * relationship the unit holds; about a relationship the user manages.
 */
export function answerScope(scope: Scope, options: { manager: boolean } = { manager: true }) {
  const conditions: RawBuilder<unknown>[] = [];
  if (scope.groupId) conditions.push(memberOf(sql.ref('a.stakeholder_id'), scope.groupId));
  if (scope.orgUnitId)
    conditions.push(sql`(exists (select 1 from stakeholders fs where fs.id = a.stakeholder_id
        and fs.org_unit_id = ${scope.orgUnitId})
      or exists (select 1 from relationships fr where fr.id = a.relationship_id
        and fr.org_unit_id = ${scope.orgUnitId}))`);
  if (scope.managerId && options.manager)
    conditions.push(sql`exists (select 1 from relationships fr where fr.id = a.relationship_id
      and fr.manager_id = ${scope.managerId})`);
  return all(conditions);
}

/**
 * Exceptions (alias `e`): involving a member of the group (named or party of its relationship); on a
 * relationship the unit holds; on a relationship the user manages.
 */
export function exceptionScope(scope: Scope) {
  const conditions: RawBuilder<unknown>[] = [];
  if (scope.groupId)
    conditions.push(sql`exists (select 1 from exception_stakeholders fes
      join stakeholder_group_members fgm on fgm.stakeholder_id = fes.stakeholder_id
      where fes.exception_id = e.id and fgm.group_id = ${scope.groupId})`);
  if (scope.orgUnitId)
    conditions.push(sql`exists (select 1 from relationships fr where fr.id = e.relationship_id
      and fr.org_unit_id = ${scope.orgUnitId})`);
  if (scope.managerId)
    conditions.push(sql`exists (select 1 from relationships fr where fr.id = e.relationship_id
      and fr.manager_id = ${scope.managerId})`);
  return all(conditions);
}

/** Key-group memberships (aliases `m`, `s`): of the group; stakeholders of the unit; owned by the user. */
export function membershipScope(scope: Scope) {
  const conditions: RawBuilder<unknown>[] = [];
  if (scope.groupId) conditions.push(sql`m.group_id = ${scope.groupId}`);
  if (scope.orgUnitId) conditions.push(sql`s.org_unit_id = ${scope.orgUnitId}`);
  if (scope.managerId) conditions.push(sql`s.owner_id = ${scope.managerId}`);
  return all(conditions);
}
