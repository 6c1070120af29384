import { Title } from '@mantine/core';
import type { Review, ReviewEvidence } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useReview } from '../approach-reviews/review.queries';
import { FactTable, ReviewReport, usePrintingReport, useReportFormat } from '../review-shared/ReviewReport';
import { effectiveChoiceOf } from '../review-shared/review-values';
import { useEvidence } from './relationship-review.queries';

function Facts({ review }: { review: Review }) {
  const { t } = useTranslation(['improvement', 'reviews']);
  const { day, list } = useReportFormat();
  return (
    <FactTable
      label={t('reviews:print.facts')}
      rows={[
        [t('detail.relationship'), review.relationshipName ?? '—'],
        [t('reviews:fields.trigger'), t(`reviews:trigger.${review.trigger}`)],
        [t('reviews:fields.status'), t(`reviews:status.${review.status}`)],
        [t('evidence.periodLabel'), `${day(review.periodFrom)} – ${day(review.periodTo)}`],
        [t('reviews:fields.heldOn'), day(review.heldOn)],
        [t('reviews:fields.participants'), list(review.participants)],
        [
          t('fields.satisfaction'),
          review.satisfaction === null
            ? t('form.notRated')
            : t(`satisfaction.${review.satisfaction as 1 | 2 | 3 | 4 | 5}`),
        ],
        [t('fields.effective'), t(`reviews:effective.${effectiveChoiceOf(review)}`)],
        [t('reviews:fields.communicatedTo'), list(review.communicatedTo)],
      ]}
    />
  );
}

function EvidenceSummary({ evidence }: { evidence: ReviewEvidence }) {
  const { t } = useTranslation(['improvement']);
  const { interactions, checklist, exceptions, surveys } = evidence;
  const latestHealth = evidence.health.at(-1)?.score;
  return (
    <FactTable
      label={t('evidence.title')}
      rows={[
        [t('evidence.interactions'), String(interactions.total)],
        [
          t('evidence.averageSentiment'),
          interactions.averageSentiment === null ? '—' : String(interactions.averageSentiment),
        ],
        [
          t('evidence.health'),
          latestHealth === undefined || latestHealth === null ? '—' : String(latestHealth),
        ],
        [
          t('evidence.checklistTitle'),
          t('evidence.checklistSummary', {
            done: checklist.done,
            total: checklist.total,
            inPeriod: checklist.doneInPeriod,
          }),
        ],
        [t('evidence.exceptions'), exceptions.available ? String(exceptions.total) : '—'],
        [
          t('evidence.surveys'),
          surveys.available && surveys.responses > 0
            ? t('evidence.surveySummary', {
                count: surveys.responses,
                csat: surveys.averageCsat ?? '—',
                nps: surveys.nps ?? '—',
              })
            : '—',
        ],
      ]}
    />
  );
}

/** The review report to print or save as PDF: the record, a summary of its evidence, the initiatives. */
export default function RelationshipReviewPrintPage() {
  const { t } = useTranslation(['improvement']);
  const { id = '' } = useParams();
  const review = useReview(id);
  const evidence = useEvidence(id, review.data?.subject === 'relationship');
  usePrintingReport();

  if (review.isPending) return <PageLoader />;
  if (review.isError) return <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;

  return (
    <ReviewReport
      review={r}
      backTo={`/reviews/${r.id}`}
      kicker={t('print.kicker')}
      facts={<Facts review={r} />}
    >
      <section>
        <Title order={2} size="h4" mb={4}>
          {t('evidence.title')}
        </Title>
        {evidence.data ? <EvidenceSummary evidence={evidence.data} /> : <PageLoader />}
      </section>
    </ReviewReport>
  );
}
