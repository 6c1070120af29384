import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DB } from './db/schema.js';
import { createAnalysisService } from './features/analysis/analysis.service.js';
import { createApproachService } from './features/approach/approach.service.js';
import { createAuditService } from './features/audit/audit.service.js';
import { createAuthService } from './features/auth/auth.service.js';
import { createCalendarFeedService } from './features/calendar/calendar-feed.service.js';
import { createExportService } from './features/csv/export.service.js';
import { createImportService } from './features/csv/import.service.js';
import { createCultureService } from './features/culture/culture.service.js';
import { createDashboardService } from './features/dashboard/dashboard.service.js';
import { createDuplicateService } from './features/duplicates/duplicate.service.js';
import { createExceptionService } from './features/exceptions/exception.service.js';
import { createGroupService } from './features/groups/group.service.js';
import { createImprovementService } from './features/improvements/improvement.service.js';
import { createInteractionService } from './features/interactions/interaction.service.js';
import { createJobService } from './features/jobs/jobs.service.js';
import { createKpiService } from './features/kpis/kpi.service.js';
import { createLessonService } from './features/lessons/lesson.service.js';
import { createLinkService } from './features/links/link.service.js';
import { createMaterialService } from './features/materials/material.service.js';
import { createModelService } from './features/models/model.service.js';
import { createNotificationService } from './features/notifications/notification.service.js';
import { createOrgUnitService } from './features/org-units/org-unit.service.js';
import { createPrincipleService } from './features/principles/principle.service.js';
import { createRelationshipService } from './features/relationships/relationship.service.js';
import { createReviewService } from './features/reviews/review.service.js';
import { createStakeholderService } from './features/stakeholders/stakeholder.service.js';
import { createSurveyService } from './features/surveys/survey.service.js';
import { createUserService } from './features/users/user.service.js';
import { createValueChainService } from './features/value-chain/value-chain.service.js';
import { createWebhookService } from './features/webhooks/webhook.service.js';
import { createWorkService } from './features/work/work.service.js';

export function createServices(
  db: Kysely<DB>,
  config: Pick<Config, 'sessionDays'> &
    Partial<Pick<Config, 'publicUrl' | 'webhooksAllowPrivate' | 'smtpUrl'>>,
) {
  const models = createModelService(db);
  const relationships = createRelationshipService(db);
  return {
    auth: createAuthService(db, { sessionDays: config.sessionDays }),
    users: createUserService(db),
    stakeholders: createStakeholderService(db),
    audit: createAuditService(db),
    groups: createGroupService(db),
    links: createLinkService(db),
    analysis: createAnalysisService(db),
    duplicates: createDuplicateService(db),
    imports: createImportService(db),
    exports: createExportService(db),
    orgUnits: createOrgUnitService(db),
    culture: createCultureService(db),
    principles: createPrincipleService(db),
    models,
    approach: createApproachService(db, models),
    materials: createMaterialService(db),
    reviews: createReviewService(db),
    improvements: createImprovementService(db),
    lessons: createLessonService(db),
    relationships,
    interactions: createInteractionService(db),
    exceptions: createExceptionService(db),
    work: createWorkService(db),
    kpis: createKpiService(db),
    calendarFeeds: createCalendarFeedService(db, { publicUrl: config.publicUrl ?? 'http://127.0.0.1:3000' }),
    dashboard: createDashboardService(db),
    jobs: createJobService(db),
    notifications: createNotificationService(db, { smtpUrl: config.smtpUrl ?? null }),
    surveys: createSurveyService(
      db,
      { publicUrl: config.publicUrl ?? 'http://127.0.0.1:3000' },
      relationships,
    ),
    webhooks: createWebhookService(db, { allowPrivate: config.webhooksAllowPrivate ?? false }),
    valueChain: createValueChainService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
