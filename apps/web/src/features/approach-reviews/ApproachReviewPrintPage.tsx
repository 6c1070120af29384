import type { Review } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { FactTable, ReviewReport, usePrintingReport, useReportFormat } from '../review-shared/ReviewReport';
import { effectiveChoiceOf } from '../review-shared/review-values';
import { useReview } from './review.queries';

function Facts({ review }: { review: Review }) {
  const { t } = useTranslation(['reviews']);
  const { day, list } = useReportFormat();
  return (
    <FactTable
      label={t('print.facts')}
      rows={[
        [t('fields.trigger'), t(`trigger.${review.trigger}`)],
        [t('fields.triggerNote'), review.triggerNote || '—'],
        [t('fields.status'), t(`status.${review.status}`)],
        [t('fields.scheduledOn'), day(review.scheduledOn)],
        [t('fields.heldOn'), day(review.heldOn)],
        [t('fields.participants'), list(review.participants)],
        [t('fields.effective'), t(`effective.${effectiveChoiceOf(review)}`)],
        [t('fields.communicatedTo'), list(review.communicatedTo)],
      ]}
    />
  );
}

export default function ApproachReviewPrintPage() {
  const { t } = useTranslation(['reviews']);
  const { id = '' } = useParams();
  const review = useReview(id);
  usePrintingReport();

  if (review.isPending) return <PageLoader />;
  if (review.isError) return <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;

  return (
    <ReviewReport
      review={r}
      backTo={`/approach/reviews/${r.id}`}
      kicker={t('print.kicker')}
      facts={<Facts review={r} />}
    />
  );
}
