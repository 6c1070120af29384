import { Anchor, Button, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../app/format';
import type { FieldErrors } from '../../app/forms';
import { PageHeader } from '../../components/PageHeader';
import { useRelationshipReviews } from '../relationship-reviews/relationship-review.queries';
import { ReportCard } from './ReportCard';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** The KPI report's default period, as the server's: the 90 days ending today. */
const defaultPeriod = () => {
  const to = new Date();
  return { from: isoDay(new Date(to.getTime() - 89 * 86_400_000)), to: isoDay(to) };
};

function KpiReportCard() {
  const { t } = useTranslation('reports');
  const [period, setPeriod] = useState(defaultPeriod);
  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!period.from) errors.from = t('errors.date');
    if (!period.to) errors.to = t('errors.date');
    if (period.from && period.to && period.from > period.to) errors.to = t('errors.periodOrder');
    return errors;
  };
  return (
    <ReportCard kind="kpis" check={check} query={period}>
      {(errors) => (
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('from')}
            value={period.from}
            error={errors.from}
            onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('to')}
            value={period.to}
            error={errors.to}
            onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value })}
          />
        </Group>
      )}
    </ReportCard>
  );
}

function RelationshipReviewReportCard() {
  const { t, i18n } = useTranslation('reports');
  const reviews = useRelationshipReviews({ q: '', status: null });
  const [reviewId, setReviewId] = useState<string | null>(null);
  const options = useMemo(
    () =>
      (reviews.data ?? []).map((review) => {
        const day = review.heldOn ?? review.scheduledOn;
        return {
          value: review.id,
          label: [review.relationshipName, review.title, day ? formatDay(day, i18n.language) : null]
            .filter(Boolean)
            .join(' · '),
        };
      }),
    [reviews.data, i18n.language],
  );
  const empty = reviews.isSuccess && options.length === 0;
  return (
    <ReportCard
      kind="relationship-review"
      ready={reviewId !== null}
      query={{ reviewId: reviewId ?? undefined }}
      print={
        reviewId && (
          <Button variant="default" component={Link} to={`/reviews/${encodeURIComponent(reviewId)}/print`}>
            {t('print')}
          </Button>
        )
      }
    >
      {(errors) =>
        empty ? (
          <Text size="sm">
            {t('noReviews')}{' '}
            <Anchor component={Link} to="/reviews">
              {t('toReviews')}
            </Anchor>
          </Text>
        ) : (
          <Select
            label={t('review')}
            placeholder={reviews.isLoading ? t('loading') : t('chooseReview')}
            data={options}
            value={reviewId}
            onChange={setReviewId}
            searchable
            nothingFoundMessage={t('noMatch')}
            error={errors.reviewId ?? (reviews.isError ? t('errors.reviews') : undefined)}
          />
        )
      }
    </ReportCard>
  );
}

/** The reports hub (SPEC §7): each printable report, in English or Chinese, as a PDF or printed from its page. */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Anchor component={Link} to="/reports/value-chain">
            {t('valueChain')}
          </Anchor>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ReportCard kind="stakeholder-map" />
        <RelationshipReviewReportCard />
        <KpiReportCard />
        <ReportCard kind="approach" />
      </SimpleGrid>
    </>
  );
}
