import type { Permission } from '@rapport/contracts';

/**
 * Who may call each operation of the API, in one place, checked against the server by the endpoint × role
 * matrix (`access-matrix.test.ts`). `public`: anyone, signed in or not (the operation says `security: []`);
 * `signed-in`: every role, for the user's own things; otherwise the permission of
 * `packages/contracts/src/permissions.ts` the endpoint asks for before anything else. Where the record itself
 * decides more (its author, its owner, its subject), `object` says so: the matrix checks the endpoint's gate,
 * the object-level tests of each feature check the rest.
 *
 * A new operation fails the matrix until it is listed here; a new permission is one line where it is used.
 */
export type Access = 'public' | 'signed-in' | Permission;
export interface OperationAccess {
  access: Access;
  /** The object-level rule applied after the endpoint's gate, in words. */
  object?: string;
}

const publicOperation: OperationAccess = { access: 'public' };
const signedIn: OperationAccess = { access: 'signed-in' };
const needs = (permission: Permission, object?: string): OperationAccess => ({
  access: permission,
  ...(object && { object }),
});

/** The usual list/create/get/patch/archive/restore operations of a resource (`http/crud-routes.ts`). */
function crud(
  path: string,
  read: Permission,
  write: Permission,
  overrides: Partial<Record<'create' | 'update' | 'archive' | 'restore', OperationAccess>> = {},
): Record<string, OperationAccess> {
  return {
    [`GET ${path}`]: needs(read),
    [`POST ${path}`]: overrides.create ?? needs(write),
    [`GET ${path}/{id}`]: needs(read),
    [`PATCH ${path}/{id}`]: overrides.update ?? needs(write),
    [`DELETE ${path}/{id}`]: overrides.archive ?? needs(write),
    [`POST ${path}/{id}/restore`]: overrides.restore ?? needs(write),
  };
}

/** An agreed document (principles, relationship models): drafted, proposed, agreed, retired. */
function agreedDocument(path: string): Record<string, OperationAccess> {
  const inForce = 'approach.agree as well when the document is in force';
  return {
    ...crud(path, 'approach.read', 'approach.write', {
      archive: needs('approach.write', inForce),
      restore: needs('approach.write', inForce),
    }),
    [`POST ${path}/{id}/propose`]: needs('approach.write'),
    [`POST ${path}/{id}/withdraw`]: needs('approach.write', 'its proposer, or a holder of approach.agree'),
    [`POST ${path}/{id}/agree`]: needs('approach.agree'),
    [`POST ${path}/{id}/retire`]: needs('approach.agree'),
    [`GET ${path}/{id}/versions`]: needs('approach.read'),
    [`GET ${path}/{id}/versions/{number}`]: needs('approach.read'),
  };
}

const api = '/api/v1';

export const operationAccess: Record<string, OperationAccess> = {
  // Reachable by anyone
  [`GET ${api}/health`]: publicOperation,
  [`GET ${api}/ready`]: publicOperation,
  [`GET ${api}/setup`]: publicOperation,
  [`POST ${api}/setup`]: publicOperation,
  [`POST ${api}/session`]: publicOperation,
  [`DELETE ${api}/session`]: publicOperation,
  [`GET ${api}/calendar/{token}.ics`]: publicOperation,
  [`GET ${api}/public/surveys/{token}`]: publicOperation,
  [`POST ${api}/public/surveys/{token}`]: publicOperation,

  // The signed-in user's own things
  [`GET ${api}/me`]: signedIn,
  [`PATCH ${api}/me`]: signedIn,
  [`GET ${api}/me/notifications`]: signedIn,
  [`POST ${api}/me/notifications/{id}/read`]: { access: 'signed-in', object: 'only one’s own notification' },
  [`POST ${api}/me/notifications/read-all`]: signedIn,
  [`GET ${api}/me/notification-preferences`]: signedIn,
  [`PUT ${api}/me/notification-preferences`]: signedIn,
  [`GET ${api}/tokens`]: needs('tokens.own'),
  [`POST ${api}/tokens`]: needs('tokens.own'),
  [`DELETE ${api}/tokens/{id}`]: needs('tokens.own', 'only one’s own token'),
  [`GET ${api}/me/calendar-feed`]: needs('relationships.read'),
  [`POST ${api}/me/calendar-feed`]: needs('relationships.read'),
  [`DELETE ${api}/me/calendar-feed`]: needs('relationships.read'),
  [`GET ${api}/me/work`]: needs('relationships.read'),

  // Users, audit, operations
  [`GET ${api}/users`]: needs('users.read'),
  [`POST ${api}/users`]: needs('users.manage'),
  [`GET ${api}/users/{id}`]: needs('users.read'),
  [`PATCH ${api}/users/{id}`]: needs('users.manage'),
  [`GET ${api}/audit-log`]: needs('audit.read'),
  [`GET ${api}/admin/jobs`]: needs('jobs.read'),
  [`GET ${api}/admin/export`]: needs('data.export'),
  [`GET ${api}/admin/demo`]: needs('demo.manage'),
  [`POST ${api}/admin/demo`]: needs('demo.manage'),
  [`DELETE ${api}/admin/demo`]: needs('demo.manage'),

  // Stakeholders, groups, links, analysis
  ...crud(`${api}/stakeholders`, 'stakeholders.read', 'stakeholders.write', {
    archive: needs('stakeholders.archive'),
    restore: needs('stakeholders.archive'),
  }),
  [`GET ${api}/stakeholders/{id}/assessments`]: needs('stakeholders.read'),
  [`GET ${api}/stakeholders/{id}/groups`]: needs('stakeholders.read'),
  [`GET ${api}/stakeholders/{id}/network`]: needs('stakeholders.read'),
  [`GET ${api}/stakeholders/map`]: needs('stakeholders.read'),
  [`GET ${api}/stakeholders/salience`]: needs('stakeholders.read'),
  [`GET ${api}/stakeholders/engagement`]: needs('stakeholders.read'),
  [`GET ${api}/stakeholders/duplicates`]: needs('stakeholders.read'),
  [`POST ${api}/stakeholders/{id}/merge`]: needs('stakeholders.merge'),
  ...crud(`${api}/stakeholder-groups`, 'stakeholders.read', 'groups.write'),
  [`GET ${api}/stakeholder-groups/memberships`]: needs('stakeholders.read'),
  [`POST ${api}/stakeholder-groups/{id}/members`]: needs('groups.write'),
  [`DELETE ${api}/stakeholder-groups/{id}/members/{stakeholderId}`]: needs('groups.write'),
  [`GET ${api}/stakeholder-groups/{id}/network`]: needs('stakeholders.read'),
  [`GET ${api}/stakeholder-links`]: needs('stakeholders.read'),
  [`POST ${api}/stakeholder-links`]: needs('stakeholders.write'),
  [`DELETE ${api}/stakeholder-links/{id}`]: needs('stakeholders.write'),

  // CSV import
  [`POST ${api}/imports/stakeholders/preview`]: needs('stakeholders.import'),
  [`POST ${api}/imports/stakeholders`]: needs('stakeholders.import'),
  [`GET ${api}/imports`]: needs('stakeholders.import'),
  [`DELETE ${api}/imports/{id}`]: needs('stakeholders.import'),

  // Every list as CSV: the list's own permission
  [`GET ${api}/stakeholders/export`]: needs('stakeholders.read'),
  [`GET ${api}/relationships/export`]: needs('relationships.read'),
  [`GET ${api}/interactions/export`]: needs(
    'relationships.read',
    'confidential interactions only for those who may see them',
  ),
  [`GET ${api}/follow-ups/export`]: needs('relationships.read'),
  [`GET ${api}/exceptions/export`]: needs('relationships.read'),
  [`GET ${api}/reviews/export`]: needs('approach.read'),
  [`GET ${api}/surveys/export`]: needs('surveys.read'),
  [`GET ${api}/improvements/export`]: needs('approach.read'),
  [`GET ${api}/lessons/export`]: needs('approach.read'),
  [`GET ${api}/principles/export`]: needs('approach.read'),
  [`GET ${api}/relationship-models/export`]: needs('approach.read'),
  [`GET ${api}/materials/export`]: needs('approach.read'),
  [`GET ${api}/culture-assessments/export`]: needs('approach.read'),
  [`GET ${api}/org-units/export`]: needs('approach.read'),
  [`GET ${api}/stakeholder-groups/export`]: needs('stakeholders.read'),
  [`GET ${api}/users/export`]: needs('users.read'),
  [`GET ${api}/audit-log/export`]: needs('audit.read'),
  [`GET ${api}/webhooks/export`]: needs('webhooks.manage'),

  // The common approach
  ...crud(`${api}/org-units`, 'approach.read', 'org.write'),
  ...crud(`${api}/culture-assessments`, 'approach.read', 'approach.write'),
  ...agreedDocument(`${api}/principles`),
  ...agreedDocument(`${api}/relationship-models`),
  [`GET ${api}/relationship-models/templates`]: needs('approach.read'),
  [`GET ${api}/relationship-models/coverage`]: needs('approach.read'),
  ...crud(`${api}/materials`, 'approach.read', 'approach.write'),
  [`POST ${api}/materials/{id}/acknowledgements`]: needs('approach.read', 'its audience only'),
  [`GET ${api}/materials/{id}/acknowledgements`]: needs('approach.read'),
  ...crud(`${api}/reviews`, 'approach.read', 'approach.write', {
    update: needs(
      'approach.read',
      'then approach.write, or relationships.review for a review of a relationship',
    ),
    archive: needs(
      'approach.read',
      'then approach.write, or relationships.review for a review of a relationship',
    ),
    restore: needs(
      'approach.read',
      'then approach.write, or relationships.review for a review of a relationship',
    ),
  }),
  [`GET ${api}/reviews/due`]: needs('relationships.read'),
  [`GET ${api}/reviews/{id}/evidence`]: needs('relationships.read'),
  ...crud(`${api}/improvements`, 'approach.read', 'approach.write'),
  ...crud(`${api}/lessons`, 'approach.read', 'lessons.write'),
  [`GET ${api}/approach/overview`]: needs('approach.read'),

  // Relationships, interactions, exceptions
  ...crud(`${api}/relationships`, 'relationships.read', 'relationships.write', {
    create: needs('relationships.write', 'naming a manager or agent needs relationships.assign'),
    update: needs(
      'relationships.write',
      'the journey needs relationships.tailor; manager and agent relationships.assign; a health override relationships.health',
    ),
  }),
  [`GET ${api}/relationships/proposed-models`]: needs('relationships.read'),
  [`GET ${api}/relationships/board`]: needs('relationships.read'),
  [`POST ${api}/relationships/{id}/moves`]: needs('relationships.write'),
  [`GET ${api}/relationships/{id}/moves`]: needs('relationships.read'),
  [`GET ${api}/relationships/{id}/health-history`]: needs('relationships.read'),
  [`GET ${api}/relationships/{id}/checklist`]: needs('relationships.read'),
  [`PUT ${api}/relationships/{id}/checklist/{stepKey}/{activityKey}`]: needs('relationships.write'),
  [`POST ${api}/relationships/{id}/end`]: needs('relationships.end'),
  [`GET ${api}/relationships/{id}/satisfaction`]: needs('surveys.read'),
  ...crud(`${api}/interactions`, 'relationships.read', 'interactions.write', {
    update: needs('interactions.write', 'its author, or the relationship’s manager or agent'),
    archive: needs('interactions.write', 'its author, or the relationship’s manager or agent'),
    restore: needs('interactions.write', 'its author, or the relationship’s manager or agent'),
  }),
  [`GET ${api}/follow-ups`]: needs('relationships.read'),
  [`PATCH ${api}/follow-ups/{id}`]: needs(
    'interactions.write',
    'its owner, the relationship’s manager and agent, administrators (its author while it has no owner)',
  ),
  ...crud(`${api}/exceptions`, 'relationships.read', 'exceptions.report', {
    update: needs(
      'exceptions.report',
      'its reporter or owner, the relationship’s manager, or exceptions.manage',
    ),
    archive: needs('exceptions.manage'),
    restore: needs('exceptions.manage'),
  }),
  [`POST ${api}/exceptions/{id}/transitions`]: needs(
    'exceptions.report',
    'its owner, the relationship’s manager, or exceptions.manage',
  ),
  [`GET ${api}/exceptions/{id}/transitions`]: needs('relationships.read'),
  [`POST ${api}/exceptions/{id}/model-proposal`]: needs('approach.write'),

  // Measurement
  [`GET ${api}/kpis`]: needs('kpis.read'),
  [`GET ${api}/kpis/{key}`]: needs('kpis.read'),
  [`PATCH ${api}/kpis/{key}`]: needs('kpis.manage'),
  [`GET ${api}/kpis/{key}/entries`]: needs('kpis.read'),
  [`POST ${api}/kpis/{key}/entries`]: needs('kpis.manage'),
  [`GET ${api}/kpis/{key}/records`]: needs('kpis.read'),
  [`GET ${api}/dashboard`]: needs('kpis.read'),
  [`GET ${api}/value-chain`]: needs('kpis.read'),
  [`PATCH ${api}/value-chain/{activity}`]: needs('kpis.manage'),
  [`GET ${api}/reports/{kind}.pdf`]: needs(
    'stakeholders.read',
    'the kind decides: relationships.read, kpis.read, approach.read',
  ),

  // Surveys
  ...crud(`${api}/surveys`, 'surveys.read', 'surveys.write'),
  [`POST ${api}/surveys/{id}/invitations`]: needs('surveys.write'),
  [`GET ${api}/surveys/{id}/invitations`]: needs('surveys.read'),
  [`POST ${api}/surveys/{id}/invitations/{invitationId}/resend`]: needs('surveys.write'),
  [`GET ${api}/surveys/{id}/results`]: needs('surveys.read'),
  [`GET ${api}/surveys/{id}/answers`]: needs('surveys.answers'),

  // Webhooks
  ...crud(`${api}/webhooks`, 'webhooks.manage', 'webhooks.manage'),
  [`POST ${api}/webhooks/{id}/rotate-secret`]: needs('webhooks.manage'),
  [`GET ${api}/webhooks/{id}/deliveries`]: needs('webhooks.manage'),
  [`POST ${api}/webhooks/{id}/test`]: needs('webhooks.manage'),
  [`GET ${api}/webhooks/deliveries/{id}`]: needs('webhooks.manage'),
  [`POST ${api}/webhooks/deliveries/{id}/redeliver`]: needs('webhooks.manage'),
};
