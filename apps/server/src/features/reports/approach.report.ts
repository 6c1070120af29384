import type {
  ApproachOverview,
  ModelCoverage,
  PrincipleSummary,
  RelationshipModelSummary,
  Review,
} from '@rapport/contracts';
import { reportText } from './report.dictionary.js';
import { type ReportContext, ReportDocument } from './report.document.js';

export interface ApproachData {
  principles: PrincipleSummary[];
  models: RelationshipModelSummary[];
  coverage: ModelCoverage;
  overview: ApproachOverview;
  /** The approach review held last, if any. */
  lastReview: Review | null;
}

/**
 * The approach report (guide §3.2.1): a title page; the principles with their status, version in force and next
 * review; the relationship models and how they cover the key stakeholder groups; the last review of the approach
 * with its findings and decisions, and when the next one is due.
 */
export function approachReport(data: ApproachData, context: ReportContext): Promise<Buffer> {
  const t = reportText(context.lang);
  const dash = t.common.notSet;
  const report = new ReportDocument(context.lang, t, {
    title: t.approach.title,
    subtitle: t.approach.subtitle,
    organisation: context.organisation,
    generatedAt: context.generatedAt,
    details: [
      [t.approach.principlesHeading, String(data.principles.length)],
      [t.approach.modelsHeading, String(data.models.length)],
      [t.approach.lastHeldOn, data.overview.review.lastHeldOn ?? dash],
    ],
  });
  const status = (value: string) => t.agreementStatus[value] ?? value;
  const inForce = (version: number | null) => (version === null ? dash : `v${version}`);

  report.section(t.approach.principlesHeading);
  report.table(
    [
      { header: t.approach.principle, width: 0.46 },
      { header: t.approach.status, width: 0.18 },
      { header: t.approach.version, width: 0.16, align: 'right' },
      { header: t.approach.nextReview, width: 0.2 },
    ],
    data.principles.map((principle) => [
      principle.title,
      status(principle.status),
      inForce(principle.agreedVersion),
      principle.nextReviewOn ?? dash,
    ]),
    { empty: t.approach.noPrinciples },
  );

  report.section(t.approach.modelsHeading);
  report.table(
    [
      { header: t.approach.model, width: 0.3 },
      { header: t.approach.groups, width: 0.26 },
      { header: t.approach.status, width: 0.14 },
      { header: t.approach.version, width: 0.14, align: 'right' },
      { header: t.approach.nextReview, width: 0.16 },
    ],
    data.models.map((model) => [
      model.name,
      model.groups.map((group) => group.name).join(', ') || dash,
      status(model.status),
      inForce(model.agreedVersion),
      model.nextReviewOn ?? dash,
    ]),
    { empty: t.approach.noModels },
  );

  const { coverage } = data;
  report.heading(t.approach.coverageHeading);
  report.keyValues([
    [t.approach.keyGroups, String(coverage.keyGroups)],
    [t.approach.coveredGroups, String(coverage.coveredGroups)],
    [t.approach.stakeholdersInKeyGroups, String(coverage.stakeholdersInKeyGroups)],
    [t.approach.uncoveredStakeholders, String(coverage.uncoveredStakeholders)],
    [t.approach.relationshipsInKeyGroups, String(coverage.relationshipsInKeyGroups)],
    [t.approach.uncoveredRelationships, String(coverage.uncoveredRelationships)],
  ]);
  report.table(
    [
      { header: t.approach.group, width: 0.3 },
      { header: t.approach.members, width: 0.14, align: 'right' },
      { header: t.approach.covered, width: 0.14 },
      { header: t.approach.model, width: 0.42 },
    ],
    coverage.groups.map((group) => [
      group.name,
      String(group.memberCount),
      group.covered ? t.common.yes : t.common.no,
      group.models.map((model) => `${model.name} (${inForce(model.agreedVersion)})`).join(', ') || dash,
    ]),
    { empty: t.approach.noGroups },
  );

  const { review } = data.overview;
  report.section(t.approach.reviewHeading);
  report.keyValues([
    [t.approach.lastHeldOn, review.lastHeldOn ?? dash],
    [t.approach.nextDueOn, review.overdue ? `${review.nextDueOn} (${t.approach.overdue})` : review.nextDueOn],
    [t.approach.openImprovements, String(review.openImprovements)],
  ]);
  const last = data.lastReview;
  if (!last) report.paragraph(t.approach.noReview, { muted: true });
  else {
    report.heading(last.title);
    report.keyValues([
      [t.review.trigger, t.reviewTrigger[last.trigger] ?? last.trigger],
      [t.review.heldOn, last.heldOn ?? dash],
      [t.review.participants, last.participants.join(', ') || dash],
      [t.review.effective, last.effective === null ? dash : last.effective ? t.common.yes : t.common.no],
    ]);
    report.block(t.review.findings, last.findings);
    report.block(t.review.decisions, last.decisions);
    report.block(t.review.lessonsLearned, last.lessonsLearned);
  }
  return report.finish();
}
