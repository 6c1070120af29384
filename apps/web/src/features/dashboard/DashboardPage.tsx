import { Alert, Grid, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { DemoOffer } from '../admin/DemoOffer';
import { KpiSummary } from '../kpis/KpiSummary';
import { ChartPanel } from './ChartPanel';
import { DashboardFilterBar } from './DashboardFilterBar';
import { DueThisWeek } from './DueThisWeek';
import { engagementChart, exceptionsChart, funnelChart, healthChart } from './dashboard.charts';
import { useDashboardQueryFromUrl } from './dashboard.filters';
import { useDashboard } from './dashboard.queries';

export default function DashboardPage() {
  const { t } = useTranslation(['dashboard', 'enums', 'exceptions']);
  const [query, setFilters] = useDashboardQueryFromUrl();
  const dashboard = useDashboard(query);
  // The KPI catalogue takes the same filters but not the funnel's model.
  const { modelId: _model, ...kpiQuery } = query;
  const data = dashboard.data;

  const charts = useMemo(
    () =>
      data && {
        health: healthChart(data.health, t),
        funnel: funnelChart(data.funnel, t),
        engagement: engagementChart(data.engagement, t),
        exceptions: exceptionsChart(data.exceptions, t),
      },
    [data, t],
  );

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <DemoOffer />
      <DashboardFilterBar query={query} onChange={setFilters} />
      <Stack gap="xs" mb="lg" component="section" aria-label={t('kpis')}>
        <Title order={2} size="h4">
          {t('kpis')}
        </Title>
        <KpiSummary query={kpiQuery} />
      </Stack>
      {dashboard.isPending ? (
        <PageLoader />
      ) : dashboard.isError ? (
        <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        data &&
        charts && (
          <Stack gap="lg" aria-busy={dashboard.isFetching}>
            <Text size="sm" c="dimmed">
              {t('period', { from: data.period.from, to: data.period.to })}
            </Text>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <ChartPanel
                  name="health"
                  title={t('health.title')}
                  {...charts.health}
                  empty={
                    data.health.total === 0 && (
                      <EmptyState title={t('health.emptyTitle')} description={t('health.emptyBody')} />
                    )
                  }
                >
                  <Text size="sm" c="dimmed" mb="xs" data-testid="health-total">
                    {t('health.summary', { count: data.health.total })}
                  </Text>
                </ChartPanel>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <ChartPanel
                  name="funnel"
                  title={t('funnel.title')}
                  {...charts.funnel}
                  empty={
                    data.funnel.steps.length === 0 && (
                      <EmptyState title={t('funnel.emptyTitle')} description={t('funnel.emptyBody')} />
                    )
                  }
                >
                  {data.funnel.models.length > 0 && (
                    <Select
                      label={t('funnel.model')}
                      data={data.funnel.models.map((model) => ({
                        value: model.id,
                        label: t('funnel.modelOption', { title: model.title, count: model.active }),
                      }))}
                      value={data.funnel.modelId}
                      onChange={(modelId) => setFilters({ modelId })}
                      allowDeselect={false}
                      w={320}
                      mb="xs"
                    />
                  )}
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('funnel.hint')}
                  </Text>
                </ChartPanel>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <ChartPanel
                  name="engagement"
                  title={t('engagement.title')}
                  {...charts.engagement}
                  empty={
                    data.engagement.below + data.engagement.met + data.engagement.above === 0 && (
                      <EmptyState
                        title={t('engagement.emptyTitle')}
                        description={t('engagement.emptyBody')}
                      />
                    )
                  }
                >
                  <Text size="sm" c="dimmed" mb="xs">
                    {t('engagement.summary', {
                      below: data.engagement.below,
                      met: data.engagement.met,
                      above: data.engagement.above,
                      unassessed: data.engagement.unassessed,
                    })}
                  </Text>
                </ChartPanel>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <ChartPanel
                  name="exceptions"
                  title={t('exceptions.title')}
                  {...charts.exceptions}
                  empty={
                    data.exceptions.openTotal + data.exceptions.raisedTotal === 0 && (
                      <EmptyState
                        title={t('exceptions.emptyTitle')}
                        description={t('exceptions.emptyBody')}
                      />
                    )
                  }
                >
                  <Text size="sm" c="dimmed" mb="xs">
                    {t('exceptions.summary', {
                      open: data.exceptions.openTotal,
                      raised: data.exceptions.raisedTotal,
                    })}
                  </Text>
                </ChartPanel>
              </Grid.Col>
            </Grid>
            <DueThisWeek due={data.due} />
            {dashboard.isFetching && (
              <Alert variant="light" aria-live="polite">
                {t('refreshing')}
              </Alert>
            )}
          </Stack>
        )
      )}
    </>
  );
}
