import { Center, Loader, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { trendSummary } from './health.band';
import { useHealthHistory } from './health.queries';

// The chart library is large: the health figures show first and the sparkline follows.
const HealthSparkline = lazy(() =>
  import('./HealthSparkline').then((module) => ({ default: module.HealthSparkline })),
);

/** The last 180 days of health as a sparkline, with its first and last values in words. */
export function HealthTrend({ relationshipId }: { relationshipId: string }) {
  const { t } = useTranslation(['relationships', 'common']);
  const history = useHealthHistory(relationshipId);

  if (history.isPending) return <Loader size="xs" aria-label={t('common:loading')} />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const summary = trendSummary(history.data);
  if (!summary) {
    return (
      <Text size="sm" c="dimmed">
        {t('health.trend.empty')}
      </Text>
    );
  }
  const text = t('health.trend.summary', summary);

  return (
    <Stack gap={4}>
      <Suspense
        fallback={
          <Center h={56} maw={320}>
            <Loader size="xs" aria-label={t('common:loading')} />
          </Center>
        }
      >
        <HealthSparkline days={history.data} label={t('health.trend.title')} />
      </Suspense>
      <Text size="xs" c="dimmed">
        {text}
      </Text>
    </Stack>
  );
}
