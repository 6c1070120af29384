import { Anchor, Badge, Button, Divider, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { useCan } from '../auth/auth.queries';
import { ReviewBadges } from './ReviewBadges';
import { ReviewForm } from './ReviewForm';
import { ReviewImprovements } from './ReviewImprovements';
import { useReview } from './review.queries';

export default function ApproachReviewPage() {
  const { t } = useTranslation(['reviews', 'common']);
  const { id = '' } = useParams();
  const review = useReview(id);
  const canWrite = useCan('approach.write');

  if (review.isPending) return <PageLoader />;
  if (review.isError) return <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;
  const editable = canWrite && !r.archivedAt;

  return (
    <>
      <ApproachTabs />
      <Anchor component={Link} to="/approach/reviews" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={r.title}
        description={t(`trigger.${r.trigger}`)}
        actions={
          <Button component={Link} to={`/approach/reviews/${r.id}/print`} variant="default">
            {t('detail.printable')}
          </Button>
        }
      />
      <Group gap="xs" mb="md">
        <ReviewBadges review={r} />
        {r.archivedAt && (
          <Badge color="gray" variant="filled">
            {t('detail.archived')}
          </Badge>
        )}
      </Group>
      <Stack gap="xl">
        {/* Keyed by id so another review's page starts from that review's values. */}
        <ReviewForm key={r.id} review={r} readOnly={!editable} />
        <Divider />
        <ReviewImprovements reviewId={r.id} canWrite={editable} />
      </Stack>
    </>
  );
}
