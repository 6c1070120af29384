import { Anchor, Badge, Button, Divider, Grid, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import ApproachReviewPage from '../approach-reviews/ApproachReviewPage';
import { ReviewBadges } from '../approach-reviews/ReviewBadges';
import { ReviewImprovements } from '../approach-reviews/ReviewImprovements';
import { useReview } from '../approach-reviews/review.queries';
import { useCan } from '../auth/auth.queries';
import { EvidencePack } from './EvidencePack';
import { RelationshipReviewForm } from './RelationshipReviewForm';

/** A relationship review: its evidence pack beside the record of the review, and the improvements it started. */
export default function RelationshipReviewPage() {
  const { t } = useTranslation(['improvement', 'reviews', 'common']);
  const { id = '' } = useParams();
  const review = useReview(id);
  const canWrite = useCan('relationships.review');
  const canImprove = useCan('approach.write');

  if (review.isPending) return <PageLoader />;
  if (review.isError) return <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;
  // A link to an approach review under /reviews shows it as the approach pages do.
  if (r.subject === 'approach') return <ApproachReviewPage />;
  const editable = canWrite && !r.archivedAt;

  return (
    <>
      <Anchor component={Link} to="/reviews" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={r.title}
        description={
          r.relationshipId && (
            <Anchor component={Link} to={`/relationships/${r.relationshipId}`}>
              {r.relationshipName ?? t('detail.relationship')}
            </Anchor>
          )
        }
        actions={
          <Button component={Link} to={`/reviews/${r.id}/print`} variant="default">
            {t('reviews:detail.printable')}
          </Button>
        }
      />
      <Group gap="xs" mb="md">
        <Badge variant="light" color="grape">
          {t(`reviews:trigger.${r.trigger}`)}
        </Badge>
        <ReviewBadges review={r} />
        {r.archivedAt && (
          <Badge color="gray" variant="filled">
            {t('reviews:detail.archived')}
          </Badge>
        )}
      </Group>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <EvidencePack reviewId={r.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="xl">
            {/* Keyed by id so another review's page starts from that review's values. */}
            <RelationshipReviewForm key={r.id} review={r} readOnly={!editable} />
            <Divider />
            <ReviewImprovements reviewId={r.id} canWrite={canImprove && !r.archivedAt} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
