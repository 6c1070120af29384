import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type Review, type ReviewDue, reviewStatuses } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ReviewBadges } from '../approach-reviews/ReviewBadges';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { PlanRelationshipReviewModal } from './PlanRelationshipReview';
import {
  type RelationshipReviewFilters,
  useDueReviews,
  useRelationshipReviews,
  useReviewsToPlan,
} from './relationship-review.queries';

function DueLists() {
  const { t, i18n } = useTranslation(['improvement', 'reviews']);
  const canWrite = useCan('relationships.review');
  const due = useDueReviews();
  const toPlan = useReviewsToPlan();
  const [planning, setPlanning] = useState<ReviewDue | null>(null);
  const day = (date: string | null) => (date ? formatDay(date, i18n.language) : '—');

  if (due.isPending || toPlan.isPending) return <PageLoader />;
  if (due.isError) return <ErrorAlert error={due.error} onRetry={() => void due.refetch()} />;
  if (toPlan.isError) return <ErrorAlert error={toPlan.error} onRetry={() => void toPlan.refetch()} />;
  const nothing = due.data.length === 0 && toPlan.data.length === 0;

  return (
    <Stack gap="sm" component="section" aria-labelledby="due-title">
      <Title order={2} size="h3" id="due-title">
        {t('reviewsPage.dueTitle')}
      </Title>
      {nothing ? (
        <Text size="sm" c="dimmed">
          {t('reviewsPage.dueEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('reviewsPage.dueTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reviewsPage.relationship')}</Table.Th>
                <Table.Th>{t('reviewsPage.what')}</Table.Th>
                <Table.Th>{t('reviewsPage.dueOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {due.data.map((review) => (
                <Table.Tr key={review.id}>
                  <Table.Td>{review.relationshipName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/reviews/${review.id}`} fw={500}>
                      {review.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{day(review.scheduledOn)}</Table.Td>
                  <Table.Td>
                    <ReviewBadges review={review} />
                  </Table.Td>
                </Table.Tr>
              ))}
              {toPlan.data.map((row) => (
                <Table.Tr key={row.relationshipId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/relationships/${row.relationshipId}`}>
                      {row.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t('reviewsPage.notPlanned')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{day(row.nextReviewOn)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Badge color={row.overdue ? 'red' : 'orange'} variant="filled">
                        {row.overdue ? t('reviews:timing.overdue') : t('reviewsPage.dueSoon')}
                      </Badge>
                      {canWrite && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setPlanning(row)}
                          aria-label={t('reviewsPage.planFor', { name: row.name })}
                        >
                          {t('reviewsPage.plan')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PlanRelationshipReviewModal
        relationship={{
          id: planning?.relationshipId ?? '',
          name: planning?.name ?? '',
          nextReviewOn: planning?.nextReviewOn ?? null,
        }}
        opened={planning !== null}
        onClose={() => setPlanning(null)}
      />
    </Stack>
  );
}

function AllReviews() {
  const { t, i18n } = useTranslation(['improvement', 'reviews']);
  const [filters, setFilters] = useState<RelationshipReviewFilters>({ q: '', status: null });
  const [q] = useDebouncedValue(filters.q, 250);
  const reviews = useRelationshipReviews({ ...filters, q });
  const filtered = q !== '' || filters.status !== null;
  const day = (date: string | null) => (date ? formatDay(date, i18n.language) : '—');

  return (
    <Stack gap="sm" component="section" aria-labelledby="all-title">
      <Title order={2} size="h3" id="all-title">
        {t('reviewsPage.allTitle')}
      </Title>
      <Group align="flex-end">
        <TextInput
          type="search"
          label={t('reviews:list.search')}
          value={filters.q}
          onChange={(event) => setFilters((current) => ({ ...current, q: event.currentTarget.value }))}
          w={220}
        />
        <Select
          label={t('reviews:fields.status')}
          placeholder={t('reviews:list.anyStatus')}
          data={reviewStatuses.map((value) => ({ value, label: t(`reviews:status.${value}`) }))}
          value={filters.status}
          onChange={(value) =>
            setFilters((current) => ({ ...current, status: value as Review['status'] | null }))
          }
          clearable
          w={170}
        />
        <ExportCsvButton
          path="/reviews"
          params={{ subject: 'relationship', q: q.trim(), status: filters.status, sort: '-createdAt' }}
        />
      </Group>
      {reviews.isPending ? (
        <PageLoader />
      ) : reviews.isError ? (
        <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.length === 0 ? (
        <EmptyState
          title={filtered ? t('reviews:list.noMatchTitle') : t('reviewsPage.emptyTitle')}
          description={filtered ? t('reviews:list.noMatchBody') : t('reviewsPage.emptyBody')}
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('reviewsPage.allTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reviews:fields.title')}</Table.Th>
                <Table.Th>{t('reviewsPage.relationship')}</Table.Th>
                <Table.Th>{t('reviews:fields.trigger')}</Table.Th>
                <Table.Th>{t('reviews:fields.status')}</Table.Th>
                <Table.Th>{t('reviews:fields.scheduledOn')}</Table.Th>
                <Table.Th>{t('reviews:fields.heldOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reviews.data.map((review) => (
                <Table.Tr key={review.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reviews/${review.id}`} fw={500}>
                      {review.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{review.relationshipName ?? '—'}</Table.Td>
                  <Table.Td>{t(`reviews:trigger.${review.trigger}`)}</Table.Td>
                  <Table.Td>
                    <ReviewBadges review={review} />
                  </Table.Td>
                  <Table.Td>{day(review.scheduledOn)}</Table.Td>
                  <Table.Td>{day(review.heldOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Relationship reviews: what is due or overdue, then every review. */
export default function ReviewsPage() {
  const { t } = useTranslation(['improvement']);
  return (
    <>
      <PageHeader
        title={t('reviewsPage.title')}
        description={t('reviewsPage.description')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/improvements" variant="default">
              {t('reviewsPage.register')}
            </Button>
            <Button component={Link} to="/lessons" variant="default">
              {t('reviewsPage.lessons')}
            </Button>
            <Button component={Link} to="/approach/reviews" variant="subtle">
              {t('reviewsPage.approach')}
            </Button>
          </Group>
        }
      />
      <Stack gap="xl">
        <DueLists />
        <AllReviews />
      </Stack>
    </>
  );
}
