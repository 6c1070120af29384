import { Anchor, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { reviewStatuses, reviewTriggers } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDay } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { PlanReviewModal } from './PlanReviewModal';
import { ReviewBadges } from './ReviewBadges';
import {
  type ReviewFilters,
  type ReviewStatusFilter,
  type ReviewTrigger,
  useApproachReviews,
} from './review.queries';

const noFilters: ReviewFilters = { q: '', status: null, trigger: null, due: false };

export default function ApproachReviewListPage() {
  const { t, i18n } = useTranslation(['reviews', 'common']);
  const navigate = useNavigate();
  const canWrite = useCan('approach.write');
  const [filters, setFilters] = useState<ReviewFilters>(noFilters);
  const [q] = useDebouncedValue(filters.q, 250);
  const reviews = useApproachReviews({ ...filters, q });
  const [planning, { open, close }] = useDisclosure();
  const filtered = q !== '' || filters.status !== null || filters.trigger !== null || filters.due;
  const set = <K extends keyof ReviewFilters>(key: K, value: ReviewFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const day = (date: string | null) => (date ? formatDay(date, i18n.language) : '—');

  return (
    <>
      <ApproachTabs />
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportCsvButton
              path="/reviews"
              params={{
                subject: 'approach',
                q: q.trim(),
                status: filters.status,
                trigger: filters.trigger,
                due: filters.due ? 'true' : undefined,
                sort: '-createdAt',
              }}
            />
            {canWrite && <Button onClick={open}>{t('list.plan')}</Button>}
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('list.search')}
          value={filters.q}
          onChange={(event) => set('q', event.currentTarget.value)}
          w={220}
        />
        <Select
          label={t('fields.status')}
          placeholder={t('list.anyStatus')}
          data={reviewStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          value={filters.status}
          onChange={(value) => set('status', value as ReviewStatusFilter)}
          clearable
          w={170}
        />
        <Select
          label={t('fields.trigger')}
          placeholder={t('list.anyTrigger')}
          data={reviewTriggers.map((value) => ({ value, label: t(`trigger.${value}`) }))}
          value={filters.trigger}
          onChange={(value) => set('trigger', value as ReviewTrigger | null)}
          clearable
          w={220}
        />
        <Checkbox
          label={t('list.dueFilter')}
          checked={filters.due}
          onChange={(event) => set('due', event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {reviews.isPending ? (
        <PageLoader />
      ) : reviews.isError ? (
        <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.length === 0 ? (
        <EmptyState
          title={filtered ? t('list.noMatchTitle') : t('list.emptyTitle')}
          description={
            filtered ? t('list.noMatchBody') : canWrite ? t('list.emptyBody') : t('list.emptyBodyReadOnly')
          }
          action={
            canWrite && !filtered ? (
              <Button variant="light" onClick={open}>
                {t('list.planFirst')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('list.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.title')}</Table.Th>
                <Table.Th>{t('fields.trigger')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>{t('fields.scheduledOn')}</Table.Th>
                <Table.Th>{t('fields.heldOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reviews.data.map((review) => (
                <Table.Tr key={review.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/approach/reviews/${review.id}`} fw={500}>
                      {review.title}
                    </Anchor>
                    {review.triggerNote && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {review.triggerNote}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`trigger.${review.trigger}`)}</Table.Td>
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
      <PlanReviewModal
        opened={planning}
        onClose={close}
        onSaved={(review) => void navigate(`/approach/reviews/${review.id}`)}
      />
    </>
  );
}
