import type { Role } from './enums.js';

/**
 * The one table of what each role may do. The API enforces it (services call `requirePermission`),
 * the web app hides what the signed-in user may not do, and `docs/permissions.md` is generated from it.
 */
export const permissionTable = {
  'stakeholders.read': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent', 'contributor', 'viewer'],
    description: 'See stakeholders, their assessments and history',
  },
  'stakeholders.write': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent', 'contributor'],
    description: 'Create stakeholders and edit them, including re-assessing their position',
  },
  'stakeholders.archive': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent'],
    description: 'Archive a stakeholder and bring it back',
  },
  'stakeholders.merge': {
    roles: ['administrator', 'relationship_manager'],
    description: 'Merge a duplicate stakeholder into another, keeping every record of both',
  },
  'stakeholders.import': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent'],
    description: 'Import stakeholders from CSV, see the history of imports and undo an import',
  },
  'groups.write': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent'],
    description: 'Create, edit and archive stakeholder groups and change their members',
  },
  'approach.read': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent', 'contributor', 'viewer'],
    description:
      'See the common approach: org units, culture assessments, principles, models, materials, approach reviews and improvements',
  },
  'approach.write': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent'],
    description:
      'Draft principles and relationship models and propose them for agreement; record culture assessments, materials, approach reviews and improvements',
  },
  'approach.agree': {
    roles: ['administrator', 'relationship_manager'],
    description:
      'Agree a proposed principle or relationship model (which freezes that version), send it back, or retire it',
  },
  'org.write': {
    roles: ['administrator', 'relationship_manager'],
    description: "Create, edit and archive the organisation's own units (divisions, departments, teams)",
  },
  'relationships.read': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent', 'contributor', 'viewer'],
    description: 'See relationships, where they stand on their journey, and their history',
  },
  'relationships.write': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent'],
    description: 'Open relationships, edit them, move them on their journey and tick their checklists',
  },
  'relationships.assign': {
    roles: ['administrator', 'relationship_manager'],
    description:
      "Name or change a relationship's manager and agent (who then read its confidential interactions), also when opening it",
  },
  'relationships.tailor': {
    roles: ['administrator', 'relationship_manager'],
    description: "Adjust a relationship's own copy of its model journey to the situation",
  },
  'relationships.health': {
    roles: ['administrator', 'relationship_manager'],
    description:
      "Override a relationship's health with a score and the reason (shown beside the computed score), or remove the override",
  },
  'relationships.end': {
    roles: ['administrator', 'relationship_manager'],
    description: 'End a relationship (withdraw or disconnect) with a reason',
  },
  'interactions.write': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent', 'contributor'],
    description:
      'Log interactions with stakeholders and their follow-up actions; edit those the rules about records below allow',
  },
  'relationships.review': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent'],
    description:
      'Plan and record reviews of relationships, and turn what they found into lessons and improvements',
  },
  'lessons.write': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent'],
    description: 'Record lessons learned, tag them and attach them to a relationship model as guidance',
  },
  'surveys.read': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent', 'contributor', 'viewer'],
    description: 'See surveys, who was invited and their results (response rate, CSAT, NPS, climate)',
  },
  'surveys.write': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent'],
    description: 'Create and edit surveys, open and close them, and invite stakeholders by link',
  },
  'surveys.answers': {
    roles: ['administrator', 'relationship_manager'],
    description: 'Read the individual answers of surveys, with their comments',
  },
  'exceptions.report': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent', 'contributor'],
    description:
      'Raise an exception (conflict, complaint, toxic behaviour, …) on a relationship or between stakeholders',
  },
  'exceptions.manage': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent'],
    description:
      'Handle any exception: edit it, move it through mediation to resolution, archive it (its owner and the manager of its relationship may handle it too)',
  },
  'kpis.read': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent', 'contributor', 'viewer'],
    description:
      'See the KPIs, the dashboard, the value-chain heat map and the reports, with the records behind each KPI',
  },
  'kpis.manage': {
    roles: ['administrator', 'relationship_manager'],
    description:
      'Set KPI targets, enter the values of KPIs measured by hand, and set the value-chain contribution levels',
  },
  'data.export': {
    roles: ['administrator'],
    description:
      "Export all of the organisation's data as one JSON file (and import it into an empty instance)",
  },
  'users.read': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent', 'contributor', 'viewer'],
    description: 'See the list of users (names, roles, competencies), e.g. to pick an owner',
  },
  'users.manage': {
    roles: ['administrator'],
    description: 'Create users, change their role, competencies and password, deactivate them',
  },
  'audit.read': {
    roles: ['administrator', 'relationship_manager', 'viewer'],
    description: 'Read the audit log of every change',
  },
  'webhooks.manage': {
    roles: ['administrator'],
    description: 'Register webhooks, rotate their secrets, see their deliveries, send tests and redeliver',
  },
  'jobs.read': {
    roles: ['administrator'],
    description:
      'See background jobs (e-mails, scans, deliveries): pending, done and failed with their last error',
  },
  'demo.manage': {
    roles: ['administrator'],
    description: 'Load the demo organisation into an empty one, and remove the demo records as a whole',
  },
  'tokens.own': {
    roles: ['administrator', 'relationship_manager', 'relationship_agent', 'contributor', 'viewer'],
    description: "Create and revoke one's own API tokens (a token acts with its owner's role)",
  },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type Permission = keyof typeof permissionTable;
export const permissions = Object.keys(permissionTable) as Permission[];

export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((permission) =>
    (permissionTable[permission].roles as readonly Role[]).includes(role),
  );
}

export function can(role: Role, permission: Permission): boolean {
  return (permissionTable[permission].roles as readonly Role[]).includes(role);
}
