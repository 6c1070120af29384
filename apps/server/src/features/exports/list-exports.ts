import {
  AuditEntry,
  AuditListQuery,
  CultureAssessment,
  CultureAssessmentListQuery,
  Exception,
  ExceptionListQuery,
  FollowUp,
  FollowUpListQuery,
  Improvement,
  ImprovementListQuery,
  Interaction,
  InteractionListQuery,
  Lesson,
  LessonListQuery,
  Material,
  MaterialListQuery,
  OrgUnit,
  OrgUnitListQuery,
  PrincipleListQuery,
  PrincipleSummary,
  Relationship,
  RelationshipListQuery,
  RelationshipModelListQuery,
  RelationshipModelSummary,
  Review,
  ReviewListQuery,
  StakeholderGroup,
  StakeholderGroupListQuery,
  Survey,
  SurveyListQuery,
  User,
  UserListQuery,
  Webhook,
  WebhookListQuery,
} from '@rapport/contracts';
import type { z } from 'zod';
import type { Services } from '../../services.js';
import type { Page } from '../../shared/pagination.js';
import type { Actor } from '../auth/actor.js';

type Row = Record<string, unknown>;

/** One list of the API that `GET <path>/export` writes as CSV. */
export interface ListExport {
  /** The name in file names and in `rapport export <name>`. */
  name: string;
  /** The list endpoint, e.g. `/relationships`; the export is `<path>/export`. */
  path: string;
  /** The list endpoint's query: its filters and sort apply to the export too. */
  query: z.ZodObject;
  /** The list row: its fields, in order, are the columns. */
  row: z.ZodObject;
  /** The list endpoint's own service call, so permissions, visibility and redaction are the list's. */
  list(services: Services, actor: Actor | null, query: Row): Promise<Page<unknown>>;
  /** Fields left out (bulky structures that are not a table's cell). */
  omit?: string[];
  /** Cells computed from the row instead of (or besides) its fields. */
  derived?: Record<string, (row: Row) => unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: each service takes its own parsed query type
type AnyQuery = any;

export const listExports: ListExport[] = [
  {
    name: 'relationships',
    path: '/relationships',
    query: RelationshipListQuery,
    row: Relationship,
    list: (s, actor, q) => s.relationships.list(actor, q as AnyQuery),
    omit: ['journey', 'health'],
    derived: {
      healthScore: (row) => (row.health as { score: number | null } | null)?.score ?? null,
    },
  },
  {
    name: 'interactions',
    path: '/interactions',
    query: InteractionListQuery,
    row: Interaction,
    list: (s, actor, q) => s.interactions.list(actor, q as AnyQuery),
    omit: ['followUps'],
    derived: {
      followUps: (row) => ((row.followUps as { text: string }[] | undefined) ?? []).map((f) => f.text),
    },
  },
  {
    name: 'follow-ups',
    path: '/follow-ups',
    query: FollowUpListQuery,
    row: FollowUp,
    list: (s, actor, q) => s.interactions.followUps(actor, q as AnyQuery),
  },
  {
    name: 'exceptions',
    path: '/exceptions',
    query: ExceptionListQuery,
    row: Exception,
    list: (s, actor, q) => s.exceptions.list(actor, q as AnyQuery),
    omit: ['allowedTransitions'],
  },
  {
    name: 'reviews',
    path: '/reviews',
    query: ReviewListQuery,
    row: Review,
    list: (s, actor, q) => s.reviews.list(actor, q as AnyQuery),
  },
  {
    name: 'surveys',
    path: '/surveys',
    query: SurveyListQuery,
    row: Survey,
    list: (s, actor, q) => s.surveys.list(actor, q as AnyQuery),
  },
  {
    name: 'improvements',
    path: '/improvements',
    query: ImprovementListQuery,
    row: Improvement,
    list: (s, actor, q) => s.improvements.list(actor, q as AnyQuery),
  },
  {
    name: 'lessons',
    path: '/lessons',
    query: LessonListQuery,
    row: Lesson,
    list: (s, actor, q) => s.lessons.list(actor, q as AnyQuery),
  },
  {
    name: 'principles',
    path: '/principles',
    query: PrincipleListQuery,
    row: PrincipleSummary,
    list: (s, actor, q) => s.principles.list(actor, q as AnyQuery),
  },
  {
    name: 'relationship-models',
    path: '/relationship-models',
    query: RelationshipModelListQuery,
    row: RelationshipModelSummary,
    list: (s, actor, q) => s.models.list(actor, q as AnyQuery),
  },
  {
    name: 'materials',
    path: '/materials',
    query: MaterialListQuery,
    row: Material,
    list: (s, actor, q) => s.materials.list(actor, q as AnyQuery),
  },
  {
    name: 'culture-assessments',
    path: '/culture-assessments',
    query: CultureAssessmentListQuery,
    row: CultureAssessment,
    list: (s, actor, q) => s.culture.list(actor, q as AnyQuery),
  },
  {
    name: 'org-units',
    path: '/org-units',
    query: OrgUnitListQuery,
    row: OrgUnit,
    list: (s, actor, q) => s.orgUnits.list(actor, q as AnyQuery),
  },
  {
    name: 'stakeholder-groups',
    path: '/stakeholder-groups',
    query: StakeholderGroupListQuery,
    row: StakeholderGroup,
    list: (s, actor, q) => s.groups.list(actor, q as AnyQuery),
  },
  {
    name: 'users',
    path: '/users',
    query: UserListQuery,
    row: User,
    list: (s, actor, q) => s.users.list(actor, q as AnyQuery),
  },
  {
    name: 'audit-log',
    path: '/audit-log',
    query: AuditListQuery,
    row: AuditEntry,
    list: (s, actor, q) => s.audit.list(actor, q as AnyQuery),
  },
  {
    name: 'webhooks',
    path: '/webhooks',
    query: WebhookListQuery,
    row: Webhook,
    list: (s, actor, q) => s.webhooks.list(actor, q as AnyQuery),
  },
];

/** The list's query without paging: an export always walks every page from the first. */
export function exportQueryOf(list: ListExport): z.ZodObject {
  const paging = ['limit', 'cursor', 'count'].filter((key) => key in list.query.shape);
  return list.query.omit(Object.fromEntries(paging.map((key) => [key, true])) as never);
}

/** The columns of a list's CSV: the row's fields, less the omitted ones, then the derived ones. */
export function fieldsOf(list: ListExport): string[] {
  const omitted = new Set(list.omit ?? []);
  const fields = Object.keys(list.row.shape).filter((field) => !omitted.has(field));
  const derived = Object.keys(list.derived ?? {}).filter((field) => !fields.includes(field));
  return [...fields, ...derived];
}

export const listExportNamed = (name: string) => listExports.find((list) => list.name === name);
