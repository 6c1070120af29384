import {
  type FieldError,
  MapQuery,
  type Permission,
  PrincipleListQuery,
  RelationshipModelListQuery,
  type ReportKind,
  type ReportQuery,
  ReviewListQuery,
  StakeholderFilter,
} from '@rapport/contracts';
import { AppError, fieldErrors } from '../../errors.js';
import type { Services } from '../../services.js';
import { now } from '../../shared/time.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { ORGANISATION_NAME } from '../surveys/survey.service.js';
import { approachReport } from './approach.report.js';
import { kpiReport } from './kpi.report.js';
import { relationshipReviewReport } from './relationship-review.report.js';
import type { ReportContext } from './report.document.js';
import { stakeholderMapReport } from './stakeholder-map.report.js';

export type ReportSources = Pick<
  Services,
  'analysis' | 'reviews' | 'kpis' | 'principles' | 'models' | 'approach'
>;

/** Each report needs the permission of the data it prints; the services it reads check theirs again. */
const permissionOf: Record<ReportKind, Permission> = {
  'stakeholder-map': 'stakeholders.read',
  'relationship-review': 'relationships.read',
  kpis: 'kpis.read',
  approach: 'approach.read',
};

/** Agreed documents are hundreds at most; a report lists this many and says how many it left out. */
const MAX_DOCUMENTS = 1000;

async function allPages<T>(
  read: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    rows.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_DOCUMENTS);
  return rows;
}

/** Which query parameters go with which report; every misplaced or missing one is named at once. */
function queryErrors(kind: ReportKind, query: ReportQuery): FieldError[] {
  const errors: FieldError[] = [];
  if (kind === 'relationship-review' && query.reviewId === undefined)
    errors.push({ path: 'reviewId', message: 'name the review to report on' });
  if (kind !== 'relationship-review' && query.reviewId !== undefined)
    errors.push({ path: 'reviewId', message: 'only the relationship review report takes a review' });
  for (const field of ['from', 'to'] as const)
    if (kind !== 'kpis' && query[field] !== undefined)
      errors.push({ path: field, message: 'only the KPI report takes a period' });
  if (query.from !== undefined && query.to !== undefined && query.from > query.to)
    errors.push({ path: 'to', message: 'the period ends on or after the day it starts' });
  return errors;
}

/**
 * Builds the PDF reports from the same services the API answers with, as the reader, so each report shows
 * exactly what its reader may see (confidential interactions stay redacted, permissions apply).
 */
export function createReportService(sources: ReportSources, options: { organisation?: string } = {}) {
  const organisation = options.organisation ?? ORGANISATION_NAME;

  async function build(actor: Actor, kind: ReportKind, query: ReportQuery, context: ReportContext) {
    switch (kind) {
      case 'stakeholder-map': {
        const map = await sources.analysis.map(actor, MapQuery.parse({}));
        const salience = await sources.analysis.salience(actor, StakeholderFilter.parse({}));
        return stakeholderMapReport({ map, salience }, context);
      }
      case 'relationship-review': {
        const review = await sources.reviews.get(actor, query.reviewId as string);
        if (review.subject !== 'relationship')
          throw fieldErrors('rule_broken', [
            { path: 'reviewId', message: 'this is a review of the approach: print the approach report' },
          ]);
        const evidence = await sources.reviews.evidence(actor, review.id);
        return relationshipReviewReport({ review, evidence }, context);
      }
      case 'kpis': {
        const catalogue = await sources.kpis.catalogue(actor, { from: query.from, to: query.to });
        return kpiReport(catalogue, context);
      }
      case 'approach': {
        const principles = await allPages((cursor) =>
          sources.principles.list(actor, PrincipleListQuery.parse({ limit: 200, cursor })),
        );
        const models = await allPages((cursor) =>
          sources.models.list(actor, RelationshipModelListQuery.parse({ limit: 200, cursor })),
        );
        const lastReviews = await sources.reviews.list(
          actor,
          ReviewListQuery.parse({ subject: 'approach', status: 'done', sort: '-heldOn', limit: 1 }),
        );
        return approachReport(
          {
            principles,
            models,
            coverage: await sources.models.coverage(actor),
            overview: await sources.approach.overview(actor),
            lastReview: lastReviews.data[0] ?? null,
          },
          context,
        );
      }
    }
  }

  return {
    /** The report as a PDF, with a file name that says what and when. */
    async pdf(actor: Actor | null, kind: ReportKind, query: ReportQuery) {
      const reader = requirePermission(actor, permissionOf[kind]);
      const errors = queryErrors(kind, query);
      if (errors.length > 0) throw fieldErrors('bad_request', errors);
      const generatedAt = now();
      const pdf = await build(reader, kind, query, { lang: query.lang, organisation, generatedAt });
      if (!pdf) throw new AppError('not_found', `No report ${kind}`);
      return { pdf, fileName: `rapport-${kind}-${generatedAt.slice(0, 10)}.pdf` };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
