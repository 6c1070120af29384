import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Review } from '@rapport/contracts';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDay } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { useReview, useReviewImprovements } from './review.queries';
import './print.css';

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

function Facts({ review }: { review: Review }) {
  const { t, i18n } = useTranslation(['reviews']);
  const day = (date: string | null) => (date ? formatDay(date, i18n.language) : '—');
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : '—');
  const rows: [string, ReactNode][] = [
    [t('fields.trigger'), t(`trigger.${review.trigger}`)],
    [t('fields.triggerNote'), review.triggerNote || '—'],
    [t('fields.status'), t(`status.${review.status}`)],
    [t('fields.scheduledOn'), day(review.scheduledOn)],
    [t('fields.heldOn'), day(review.heldOn)],
    [t('fields.participants'), list(review.participants)],
    [
      t('fields.effective'),
      t(`effective.${review.effective === null ? 'undecided' : review.effective ? 'yes' : 'no'}`),
    ],
    [t('fields.communicatedTo'), list(review.communicatedTo)],
  ];
  return (
    <Table withRowBorders={false} verticalSpacing={4} aria-label={t('print.facts')}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="32%" fw={600}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
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

export default function ApproachReviewPrintPage() {
  const { t, i18n } = useTranslation(['reviews']);
  const { id = '' } = useParams();
  const review = useReview(id);
  usePrintingReport();

  if (review.isPending) return <PageLoader />;
  if (review.isError) return <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;

  return (
    <>
      <Group justify="space-between" mb="md" data-print-hidden>
        <Anchor component={Link} to={`/approach/reviews/${r.id}`} size="sm">
          ← {t('print.back')}
        </Anchor>
        <Button onClick={() => window.print()}>{t('print.print')}</Button>
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
          <Section title={t('fields.findings')} text={r.findings} />
          <Section title={t('fields.decisions')} text={r.decisions} />
          <Section title={t('fields.lessonsLearned')} text={r.lessonsLearned} />
          <section>
            <Title order={2} size="h4" mb={4}>
              {t('improvements.title')}
            </Title>
            <Improvements reviewId={r.id} />
          </section>
          <Text size="xs" c="dimmed">
            {t('print.footer', { date: formatDate(new Date().toISOString(), i18n.language, true) })}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
