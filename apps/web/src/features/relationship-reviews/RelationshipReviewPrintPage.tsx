import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Review, ReviewEvidence } from '@rapport/contracts';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDay } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { useReview, useReviewImprovements } from '../approach-reviews/review.queries';
import '../approach-reviews/print.css';
import { useEvidence } from './relationship-review.queries';

/** Marks the page as the report while it is shown, so the print stylesheet hides the app around it. */
function usePrintingReport() {
  useEffect(() => {
    document.body.dataset.printingReport = 'true';
    return () => {
      delete document.body.dataset.printingReport;
    };
  }, []);
}

function Section({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation(['reviews']);
  return (
    <section>
      <Title order={2} size="h4" mb={4}>
        {title}
      </Title>
      <Text className="report-text" size="sm" c={text.trim() ? undefined : 'dimmed'}>
        {text.trim() || t('print.notRecorded')}
      </Text>
    </section>
  );
}

function FactTable({ rows, label }: { rows: [string, ReactNode][]; label: string }) {
  return (
    <Table withRowBorders={false} verticalSpacing={4} aria-label={label}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th scope="row" w="32%" fw={600}>
              {name}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Facts({ review }: { review: Review }) {
  const { t, i18n } = useTranslation(['improvement', 'reviews']);
  const day = (date: string | null) => (date ? formatDay(date, i18n.language) : '—');
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : '—');
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
        [
          t('fields.effective'),
          t(`reviews:effective.${review.effective === null ? 'undecided' : review.effective ? 'yes' : 'no'}`),
        ],
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

function Improvements({ reviewId }: { reviewId: string }) {
  const { t, i18n } = useTranslation(['reviews']);
  const improvements = useReviewImprovements(reviewId);
  const users = useUserOptions();
  const nameOf = (id: string | null) =>
    id ? (users.data?.find((user) => user.id === id)?.name ?? '—') : '—';
  if (improvements.isPending) return <PageLoader />;
  if (improvements.isError) return <ErrorAlert error={improvements.error} />;
  if (improvements.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('print.noImprovements')}
      </Text>
    );
  return (
    <Table withTableBorder aria-label={t('improvements.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('improvements.initiative')}</Table.Th>
          <Table.Th>{t('improvements.owner')}</Table.Th>
          <Table.Th>{t('improvements.dueOn')}</Table.Th>
          <Table.Th>{t('improvements.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {improvements.data.map((improvement) => (
          <Table.Tr key={improvement.id}>
            <Table.Td>{improvement.title}</Table.Td>
            <Table.Td>{nameOf(improvement.ownerId)}</Table.Td>
            <Table.Td>{improvement.dueOn ? formatDay(improvement.dueOn, i18n.language) : '—'}</Table.Td>
            <Table.Td>{t(`improvementStatus.${improvement.status}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The review report to print or save as PDF: the record, a summary of its evidence, the initiatives. */
export default function RelationshipReviewPrintPage() {
  const { t, i18n } = useTranslation(['improvement', 'reviews']);
  const { id = '' } = useParams();
  const review = useReview(id);
  const evidence = useEvidence(id, review.data?.subject === 'relationship');
  usePrintingReport();

  if (review.isPending) return <PageLoader />;
  if (review.isError) return <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;

  return (
    <>
      <Group justify="space-between" mb="md" data-print-hidden>
        <Anchor component={Link} to={`/reviews/${r.id}`} size="sm">
          ← {t('reviews:print.back')}
        </Anchor>
        <Button onClick={() => window.print()}>{t('reviews:print.print')}</Button>
      </Group>
      <Paper component="article" className="review-report" withBorder shadow="sm">
        <Stack gap="lg">
          <Stack gap={2}>
            <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
              {t('print.kicker')}
            </Text>
            <Title order={1} size="h2">
              {r.title}
            </Title>
          </Stack>
          <Facts review={r} />
          <section>
            <Title order={2} size="h4" mb={4}>
              {t('evidence.title')}
            </Title>
            {evidence.data ? <EvidenceSummary evidence={evidence.data} /> : <PageLoader />}
          </section>
          <Section title={t('reviews:fields.findings')} text={r.findings} />
          <Section title={t('reviews:fields.decisions')} text={r.decisions} />
          <Section title={t('reviews:fields.lessonsLearned')} text={r.lessonsLearned} />
          <section>
            <Title order={2} size="h4" mb={4}>
              {t('reviews:improvements.title')}
            </Title>
            <Improvements reviewId={r.id} />
          </section>
          <Text size="xs" c="dimmed">
            {t('reviews:print.footer', { date: formatDate(new Date().toISOString(), i18n.language, true) })}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
