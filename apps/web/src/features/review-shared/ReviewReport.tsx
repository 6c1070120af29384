import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Review } from '@rapport/contracts';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDay } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { useReviewImprovements } from '../approach-reviews/review.queries';
import '../approach-reviews/print.css';

/** Marks the page as the report while it is shown, so the print stylesheet hides the app around it. */
export function usePrintingReport() {
  useEffect(() => {
    document.body.dataset.printingReport = 'true';
    return () => {
      delete document.body.dataset.printingReport;
    };
  }, []);
}

/** How the report shows a day and a list; '—' when there is none. */
export function useReportFormat() {
  const { i18n } = useTranslation();
  return {
    day: (date: string | null) => (date ? formatDay(date, i18n.language) : '—'),
    list: (items: string[]) => (items.length > 0 ? items.join(', ') : '—'),
  };
}

export function FactTable({ rows, label }: { rows: [string, ReactNode][]; label: string }) {
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

interface Props {
  review: Review;
  /** Where "back" leads: the review's page. */
  backTo: string;
  /** The line above the title that says what kind of review this is. */
  kicker: string;
  /** The review's facts, as a FactTable. */
  facts: ReactNode;
  /** Sections of the page's own, shown between the facts and the findings. */
  children?: ReactNode;
}

/**
 * The review report to print or save as PDF: back and print buttons, then the title, the facts,
 * the findings, decisions and lessons learned, the initiatives it started and when it was printed.
 */
export function ReviewReport({ review, backTo, kicker, facts, children }: Props) {
  const { t, i18n } = useTranslation(['reviews']);
  return (
    <>
      <Group justify="space-between" mb="md" data-print-hidden>
        <Anchor component={Link} to={backTo} size="sm">
          ← {t('print.back')}
        </Anchor>
        <Button onClick={() => window.print()}>{t('print.print')}</Button>
      </Group>
      <Paper component="article" className="review-report" withBorder shadow="sm">
        <Stack gap="lg">
          <Stack gap={2}>
            <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
              {kicker}
            </Text>
            <Title order={1} size="h2">
              {review.title}
            </Title>
          </Stack>
          {facts}
          {children}
          <Section title={t('fields.findings')} text={review.findings} />
          <Section title={t('fields.decisions')} text={review.decisions} />
          <Section title={t('fields.lessonsLearned')} text={review.lessonsLearned} />
          <section>
            <Title order={2} size="h4" mb={4}>
              {t('improvements.title')}
            </Title>
            <Improvements reviewId={review.id} />
          </section>
          <Text size="xs" c="dimmed">
            {t('print.footer', { date: formatDate(new Date().toISOString(), i18n.language, true) })}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
