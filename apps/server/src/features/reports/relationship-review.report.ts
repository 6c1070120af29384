import type { Review, ReviewEvidence } from '@rapport/contracts';
import { reportText } from './report.dictionary.js';
import { type ReportContext, ReportDocument } from './report.document.js';

export interface RelationshipReviewData {
  review: Review;
  evidence: ReviewEvidence;
}

/**
 * The relationship review report, the printed form of the web app's review print page: a title page; the
 * review itself (trigger, participants, findings, decisions, lessons); then the evidence pack for its period
 * (interactions, health, checklist, exceptions, surveys, earlier reviews, the latest interactions — confidential
 * ones redacted exactly as the reader sees them in the app).
 */
export function relationshipReviewReport(
  data: RelationshipReviewData,
  context: ReportContext,
): Promise<Buffer> {
  const t = reportText(context.lang);
  const { review, evidence } = data;
  const period = `${evidence.periodFrom} – ${evidence.periodTo}`;
  const dash = t.common.notSet;
  const report = new ReportDocument(context.lang, t, {
    title: t.review.title,
    subtitle: review.title,
    organisation: context.organisation,
    generatedAt: context.generatedAt,
    details: [
      [t.review.relationship, review.relationshipName ?? dash],
      [t.common.period, period],
      [t.review.status, t.reviewStatus[review.status] ?? review.status],
      [t.review.heldOn, review.heldOn ?? dash],
    ],
  });
  const yesNo = (value: boolean | null) => (value === null ? dash : value ? t.common.yes : t.common.no);
  const list = (items: string[]) => (items.length === 0 ? dash : items.join(', '));

  report.section(t.review.outcomeHeading);
  report.keyValues([
    [t.review.reviewTitle, review.title],
    [t.review.status, t.reviewStatus[review.status] ?? review.status],
    [t.review.trigger, t.reviewTrigger[review.trigger] ?? review.trigger],
    [t.review.triggerNote, review.triggerNote || dash],
    [t.review.scheduledOn, review.scheduledOn ?? dash],
    [t.review.heldOn, review.heldOn ?? dash],
    [t.review.participants, list(review.participants)],
    [t.review.satisfaction, review.satisfaction === null ? dash : String(review.satisfaction)],
    [t.review.effective, yesNo(review.effective)],
    [t.review.communicatedTo, list(review.communicatedTo)],
  ]);
  report.block(t.review.findings, review.findings);
  report.block(t.review.decisions, review.decisions);
  report.block(t.review.lessonsLearned, review.lessonsLearned);

  report.section(`${t.review.evidenceHeading}: ${period}`);
  const { interactions, health, checklist, exceptions, surveys } = evidence;
  report.heading(t.review.interactionsHeading);
  report.keyValues([
    [t.review.interactionsTotal, String(interactions.total)],
    [t.review.averageSentiment, report.formatNumber(interactions.averageSentiment, 2)],
  ]);
  report.table(
    [
      { header: t.review.kind, width: 0.6 },
      { header: t.review.count, width: 0.4, align: 'right' },
    ],
    Object.entries(interactions.byKind).map(([kind, count]) => [
      t.interactionKind[kind] ?? kind,
      String(count),
    ]),
  );

  report.heading(t.review.healthHeading);
  const scores = health.map((point) => point.score).filter((score): score is number => score !== null);
  if (scores.length === 0) report.paragraph(t.review.noHealth, { muted: true });
  else
    report.keyValues([
      [t.review.healthLatest, String(scores[scores.length - 1])],
      [t.review.healthLowest, String(Math.min(...scores))],
      [t.review.healthHighest, String(Math.max(...scores))],
    ]);

  report.heading(t.review.checklistHeading);
  report.keyValues([
    [t.review.done, t.review.ofTotal(checklist.done, checklist.total)],
    [t.review.doneInPeriod, String(checklist.doneInPeriod)],
  ]);
  report.table(
    [
      { header: t.review.step, width: 0.5 },
      { header: t.review.current, width: 0.2 },
      { header: t.review.done, width: 0.3, align: 'right' },
    ],
    checklist.steps.map((step) => [
      step.name,
      step.current ? t.common.yes : '',
      t.review.ofTotal(step.done, step.total),
    ]),
  );

  report.heading(t.review.exceptionsHeading);
  if (!exceptions.available) report.paragraph(t.review.unavailable, { muted: true });
  else
    report.table(
      [
        { header: t.review.exceptionTitle, width: 0.36 },
        { header: t.review.type, width: 0.18 },
        { header: t.review.severity, width: 0.14 },
        { header: t.review.status, width: 0.16 },
        { header: t.review.raisedOn, width: 0.16 },
      ],
      exceptions.items.map((item) => [
        item.title,
        t.exceptionType[item.type] ?? item.type,
        t.severity[item.severity] ?? item.severity,
        t.exceptionStatus[item.status] ?? item.status,
        item.raisedOn.slice(0, 10),
      ]),
      { empty: t.review.noExceptions },
    );

  report.heading(t.review.surveysHeading);
  if (!surveys.available) report.paragraph(t.review.unavailable, { muted: true });
  else
    report.table(
      [
        { header: t.review.survey, width: 0.46 },
        { header: t.review.responses, width: 0.18, align: 'right' },
        { header: t.review.csat, width: 0.18, align: 'right' },
        { header: t.review.nps, width: 0.18, align: 'right' },
      ],
      surveys.items.map((item) => [
        item.title,
        String(item.responses),
        report.formatNumber(item.averageCsat, 2),
        report.formatNumber(item.nps),
      ]),
      { empty: t.review.noSurveys },
    );

  report.heading(t.review.earlierHeading);
  report.table(
    [
      { header: t.review.reviewTitle, width: 0.55 },
      { header: t.review.heldOn, width: 0.25 },
      { header: t.review.satisfaction, width: 0.2, align: 'right' },
    ],
    evidence.reviews.map((earlier) => [
      earlier.title,
      earlier.heldOn ?? dash,
      earlier.satisfaction === null ? dash : String(earlier.satisfaction),
    ]),
    { empty: t.review.noEarlier },
  );

  report.heading(t.review.latestHeading);
  report.table(
    [
      { header: t.review.when, width: 0.18 },
      { header: t.review.kind, width: 0.17 },
      { header: t.review.summary, width: 0.65 },
    ],
    interactions.latest.map((interaction) => [
      interaction.occurredAt.slice(0, 10),
      t.interactionKind[interaction.kind] ?? interaction.kind,
      interaction.redacted ? t.review.confidential : interaction.summary,
    ]),
    { empty: t.review.noInteractions },
  );
  return report.finish();
}
