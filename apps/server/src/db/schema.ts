import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Row types as both dialects store them: times are ISO-8601 UTC text, booleans are 0/1 integers and
 * lists are JSON text, so SQLite and PostgreSQL return identical values to the repositories.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  sort_name: string;
  role: string;
  locale: string;
  competencies: string;
  password_hash: string | null;
  deactivated_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface StakeholdersTable {
  id: string;
  name: string;
  sort_name: string;
  search_text: string;
  kind: string;
  category: string;
  scope: string;
  parent_id: string | null;
  influence: number;
  interest: number;
  quadrant: string;
  power: number;
  legitimacy: number;
  urgency: number;
  salience: string;
  engagement_current: string | null;
  engagement_desired: string | null;
  target_influence: number | null;
  target_interest: number | null;
  owner_id: string | null;
  emails: string;
  phones: string;
  tags: string;
  notes: string;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  external_ref: string | null;
  name_key: string | null;
  engagement_gap: number | null;
  last_assessed_at: string | null;
  org_unit_id: string | null;
}

export interface StakeholderEmailsTable {
  email: string;
  stakeholder_id: string;
}

export interface StakeholderGroupsTable {
  id: string;
  name: string;
  sort_name: string;
  description: string;
  key_group: number;
  reassess_days: number | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StakeholderGroupMembersTable {
  group_id: string;
  stakeholder_id: string;
  added_at: string;
}

export interface StakeholderLinksTable {
  id: string;
  from_id: string;
  to_id: string;
  type: string;
  note: string;
  created_at: string;
}

export interface ImportsTable {
  id: string;
  kind: string;
  file_name: string;
  actor_id: string | null;
  created: number;
  updated: number;
  skipped: number;
  created_at: string;
  undone_at: string | null;
  /** running | publishing | done | undoing (see the migration 20261208070000). */
  state: string;
  heartbeat_at: string | null;
}

export interface DemoRecordsTable {
  seq: number;
  entity: string;
  id: string;
}

export interface ImportRowsTable {
  import_id: string;
  stakeholder_id: string;
  action: string;
  before: string | null;
}

export interface ImportMappingsTable {
  user_id: string;
  header_key: string;
  mapping: string;
  updated_at: string;
}

export interface StakeholderTagsTable {
  stakeholder_id: string;
  tag: string;
}

export interface StakeholderAssessmentsTable {
  id: string;
  stakeholder_id: string;
  at: string;
  actor_id: string | null;
  note: string;
  influence: number;
  interest: number;
  before: string | null;
  after: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

export interface OrgUnitsTable {
  id: string;
  name: string;
  sort_name: string;
  kind: string;
  parent_id: string | null;
  description: string;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CultureAssessmentsTable {
  id: string;
  title: string;
  sort_name: string;
  org_unit_id: string | null;
  assessed_on: string;
  scores: string;
  dominant_type: string;
  toxic_behaviours: string;
  strengths: string;
  risks: string;
  strategic_requirements: string;
  notes: string;
  created_by: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The head of an agreed document (a principle or a relationship model); its text lives in its versions. */
export interface AgreedDocumentsTable {
  id: string;
  title: string;
  sort_name: string;
  status: string;
  current_version: number;
  agreed_version: number | null;
  agreed_at: string | null;
  agreed_by: string | null;
  proposed_at: string | null;
  next_review_on: string | null;
  /** JSON of what a list row shows without reading the version (for models: type and step count). */
  summary: string;
  created_by: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DocumentVersionsTable {
  document_id: string;
  number: number;
  title: string;
  content: string;
  status: string;
  change_note: string;
  created_by: string | null;
  created_at: string;
  proposed_by: string | null;
  proposed_at: string | null;
  agreed_by: string | null;
  agreed_at: string | null;
  agreement_note: string;
  retired_at: string | null;
  retirement_note: string;
}

export interface RelationshipModelGroupsTable {
  model_id: string;
  group_id: string;
}

export interface MaterialsTable {
  id: string;
  title: string;
  sort_name: string;
  kind: string;
  url: string | null;
  body: string;
  principle_id: string | null;
  model_id: string | null;
  audience: string;
  revision: number;
  created_by: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MaterialAcknowledgementsTable {
  material_id: string;
  user_id: string;
  revision: number;
  acknowledged_at: string;
}

export interface ReviewsTable {
  id: string;
  subject: string;
  title: string;
  sort_name: string;
  trigger: string;
  trigger_note: string;
  status: string;
  scheduled_on: string | null;
  held_on: string | null;
  participants: string;
  findings: string;
  decisions: string;
  lessons_learned: string;
  satisfaction: number | null;
  effective: number | null;
  communicated_to: string;
  created_by: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  relationship_id: string | null;
  period_from: string | null;
  period_to: string | null;
  trigger_exception_id: string | null;
}

export interface ImprovementsTable {
  id: string;
  title: string;
  sort_name: string;
  description: string;
  source_type: string;
  source_id: string | null;
  owner_id: string | null;
  status: string;
  due_on: string | null;
  expected_benefit: string;
  realised_benefit: string;
  created_by: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RelationshipsTable {
  id: string;
  name: string;
  sort_name: string;
  stakeholder_id: string;
  from_stakeholder_id: string | null;
  org_unit_id: string | null;
  service: number;
  our_role: string | null;
  characteristics: string;
  manager_id: string | null;
  agent_id: string | null;
  maturity: string;
  status: string;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  end_note: string;
  model_id: string | null;
  model_version: number | null;
  journey: string | null;
  current_steps: string;
  next_review_on: string | null;
  created_by: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  last_contact_at: string | null;
  contact_every_days: number | null;
  next_contact_on: string | null;
  health_override: number | null;
  health_override_comment: string | null;
  /** From the journey (kept beside it so health is scored without parsing the journey). */
  health_weights: string | null;
  review_every_days: number | null;
  health_override_by: string | null;
  health_override_at: string | null;
  /** The current health score (override or computed), kept by every change of a health input and daily. */
  health_score: number | null;
  /** The day health_score was worked out; null until the relationship is first scored. */
  health_scored_on: string | null;
}

export interface HealthHistoryTable {
  relationship_id: string;
  day: string;
  score: number | null;
}

export interface RelationshipPositionsTable {
  relationship_id: string;
  step_key: string;
  since: string;
  /** Copied from the relationship (see `syncPositions`), so a board column is one index range. */
  model_id: string | null;
  /** 1 while the relationship is active and not archived. */
  open: number;
  next_contact_on: string | null;
}

/** Open positions per model and step, kept by `positions.repository.ts` (the board's column counts). */
export interface BoardCountsTable {
  model_id: string;
  step_key: string;
  count: number;
}

export interface RelationshipMovesTable {
  id: string;
  relationship_id: string;
  from_steps: string;
  to_steps: string;
  note: string;
  actor_id: string | null;
  at: string;
}

export interface RelationshipChecklistTable {
  relationship_id: string;
  step_key: string;
  activity_key: string;
  done_by: string | null;
  done_at: string;
}

export interface InteractionsTable {
  id: string;
  relationship_id: string | null;
  stakeholder_id: string;
  kind: string;
  occurred_at: string;
  confidential: number;
  summary: string;
  sentiment: number | null;
  participant_user_ids: string;
  participant_stakeholder_ids: string;
  author_id: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InteractionStakeholdersTable {
  interaction_id: string;
  stakeholder_id: string;
  occurred_at: string;
}

export interface FollowUpsTable {
  id: string;
  interaction_id: string;
  relationship_id: string | null;
  text: string;
  owner_id: string | null;
  due_on: string | null;
  done_at: string | null;
  done_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LessonsTable {
  id: string;
  title: string;
  sort_name: string;
  body: string;
  tags: string;
  search_text: string;
  group_id: string | null;
  model_id: string | null;
  relationship_id: string | null;
  source_review_id: string | null;
  created_by: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LessonTagsTable {
  lesson_id: string;
  tag_key: string;
}

export interface SurveysTable {
  id: string;
  kind: string;
  title: string;
  sort_name: string;
  intro: string;
  questions: string;
  locale: string | null;
  low_score_threshold: number | null;
  expires_after_days: number;
  /** `anonymous` | `named` */
  anonymity: string;
  /** k: figures are shown only as aggregates of at least this many answers (≥ 3). */
  min_answers: number;
  status: string;
  created_by: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SurveyInvitationsTable {
  id: string;
  survey_id: string;
  stakeholder_id: string;
  relationship_id: string | null;
  group_id: string | null;
  token_hash: string;
  sent_at: string;
  expires_at: string;
  answered_at: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SurveyAnswersTable {
  id: string;
  invitation_id: string;
  survey_id: string;
  stakeholder_id: string;
  relationship_id: string | null;
  kind: string;
  csat: number | null;
  nps: number | null;
  score: number | null;
  comment: string;
  answers: string;
  answered_at: string;
}

export interface DB {
  users: UsersTable & UserNotificationColumns;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  stakeholders: StakeholdersTable;
  stakeholder_tags: StakeholderTagsTable;
  stakeholder_emails: StakeholderEmailsTable;
  stakeholder_groups: StakeholderGroupsTable;
  stakeholder_group_members: StakeholderGroupMembersTable;
  stakeholder_links: StakeholderLinksTable;
  imports: ImportsTable;
  demo_records: DemoRecordsTable;
  import_rows: ImportRowsTable;
  import_mappings: ImportMappingsTable;
  stakeholder_assessments: StakeholderAssessmentsTable;
  audit_log: AuditLogTable;
  org_units: OrgUnitsTable;
  culture_assessments: CultureAssessmentsTable;
  principles: AgreedDocumentsTable;
  principle_versions: DocumentVersionsTable;
  relationship_models: AgreedDocumentsTable;
  relationship_model_versions: DocumentVersionsTable;
  relationship_model_groups: RelationshipModelGroupsTable;
  materials: MaterialsTable;
  material_acknowledgements: MaterialAcknowledgementsTable;
  reviews: ReviewsTable;
  improvements: ImprovementsTable;
  relationships: RelationshipsTable;
  relationship_positions: RelationshipPositionsTable;
  board_counts: BoardCountsTable;
  relationship_moves: RelationshipMovesTable;
  relationship_checklist: RelationshipChecklistTable;
  interactions: InteractionsTable;
  interaction_stakeholders: InteractionStakeholdersTable;
  follow_ups: FollowUpsTable;
  health_history: HealthHistoryTable;
  lessons: LessonsTable;
  lesson_tags: LessonTagsTable;
  surveys: SurveysTable;
  survey_invitations: SurveyInvitationsTable;
  survey_answers: SurveyAnswersTable;
  exceptions: ExceptionsTable;
  exception_stakeholders: ExceptionStakeholdersTable;
  exception_transitions: ExceptionTransitionsTable;
  jobs: JobsTable;
  scheduled_runs: ScheduledRunsTable;
  notification_preferences: NotificationPreferencesTable;
  notifications: NotificationsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  calendar_feeds: CalendarFeedsTable;
  value_chain_contributions: ValueChainContributionsTable;
  kpi_settings: KpiSettingsTable;
  kpi_entries: KpiEntriesTable;
}

export type UserRow = Selectable<UsersTable>;
export type StakeholderRow = Selectable<StakeholdersTable>;
export type NewStakeholderRow = Insertable<StakeholdersTable>;
export type StakeholderUpdate = Updateable<StakeholdersTable>;
export type { Generated };

export interface ExceptionsTable {
  id: string;
  relationship_id: string | null;
  stakeholder_ids: string;
  title: string;
  sort_name: string;
  description: string;
  type: string;
  toxic_behaviour: string | null;
  severity: string;
  severity_rank: number;
  status: string;
  reported_by: string | null;
  reporter_hidden: number;
  owner_id: string | null;
  due_on: string | null;
  occurred_on: string | null;
  mediation_notes: string;
  resolution: string;
  model_id: string | null;
  model_version: number | null;
  resolved_at: string | null;
  closed_at: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ExceptionStakeholdersTable {
  exception_id: string;
  stakeholder_id: string;
}

export interface ExceptionTransitionsTable {
  id: string;
  exception_id: string;
  from_status: string;
  to_status: string;
  note: string;
  actor_id: string | null;
  at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  done_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface ScheduledRunsTable {
  name: string;
  period_key: string;
  instance: string;
  created_at: string;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  in_app: number;
  email: number;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  entity: string;
  entity_id: string;
  dedupe_key: string | null;
  in_app: number;
  email_status: string | null;
  email_error: string | null;
  created_at: string;
  read_at: string | null;
  emailed_at: string | null;
}

export interface WebhooksTable {
  id: string;
  url: string;
  description: string;
  event_types: string;
  secret: string;
  active: number;
  created_by: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_type: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  locked_until: string | null;
  expires_at: string;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** Added to users by the jobs_notifications migration; kept apart so code writing whole user rows is unchanged. */
/** The practice's contribution to one value-chain activity (guide figure 3.1): a configurable level. */
export interface ValueChainContributionsTable {
  activity: string;
  level: string;
  note: string;
  version: number;
  updated_at: string | null;
  updated_by: string | null;
}

export interface UserNotificationColumns {
  /** immediate | daily: how notification e-mails reach the user. */
  digest: Generated<string>;
  /** The version of the user's notification settings (If-Match of PUT /me/notification-preferences). */
  notification_version: Generated<number>;
}

/** The target of a KPI (one row per KPI that has been given one), versioned. */
export interface KpiSettingsTable {
  key: string;
  target: number | null;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

/** A value of a manual KPI for the inclusive days `period_from`..`period_to`. */
export interface KpiEntriesTable {
  id: string;
  key: string;
  period_from: string;
  period_to: string;
  value: number;
  note: string;
  created_by: string | null;
  created_at: string;
}

/** A user's calendar feed: the SHA-256 of its token (never the token), one per user. */
export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: string;
}
