import { Anchor, Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { KpiQuery } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { KpiTrendChart } from './KpiTrendChart';
import { searchOf } from './kpi.filters';
import { formatKpiValue, statusColor } from './kpi.format';
import { useKpiCatalogue } from './kpi.queries';

/** A compact grid of every KPI (value, target, status, tiny trend), for the dashboard to embed. */
export function KpiSummary({ query }: { query: KpiQuery }) {
  const { t, i18n } = useTranslation('kpis');
  const catalogue = useKpiCatalogue(query);
  if (catalogue.isPending) return <PageLoader />;
  if (catalogue.isError)
    return <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  const value = (v: number | null, unit: Parameters<typeof formatKpiValue>[1]) =>
    formatKpiValue(v, unit, i18n.language);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="kpi-summary">
      {catalogue.data.data.map((kpi) => (
        <Paper key={kpi.key} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor
              component={Link}
              to={`/kpis/${kpi.key}${searchOf(query)}`}
              size="sm"
              fw={600}
              lineClamp={1}
            >
              {t(`names.${kpi.key}`)}
            </Anchor>
            <Badge size="sm" color={statusColor[kpi.status]} variant="light">
              {t(`status.${kpi.status}`)}
            </Badge>
          </Group>
          <Group justify="space-between" align="flex-end" wrap="nowrap">
            <div>
              <Text fw={700} fz="xl">
                {value(kpi.value, kpi.unit)}
              </Text>
              <Text size="xs" c="dimmed">
                {kpi.target === null ? t('noTarget') : t('targetIs', { target: value(kpi.target, kpi.unit) })}
              </Text>
            </div>
            <div style={{ width: 100 }}>
              <KpiTrendChart kpi={kpi} height={40} />
            </div>
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
