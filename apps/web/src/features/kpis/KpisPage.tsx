import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type Kpi, practiceSuccessFactors } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { EntryDialog } from './EntryDialog';
import { KpiCard } from './KpiCard';
import { KpiFilterBar } from './KpiFilterBar';
import { useKpiQueryFromUrl } from './kpi.filters';
import { useKpiCatalogue } from './kpi.queries';
import { TargetDialog } from './TargetDialog';

/** Guide table 2.5: the KPIs of the practice under its three success factors. */
export default function KpisPage() {
  const { t, i18n } = useTranslation('kpis');
  const [query, set] = useKpiQueryFromUrl();
  const catalogue = useKpiCatalogue(query);
  const canManage = useCan('kpis.manage');
  const [targetOf, setTargetOf] = useState<Kpi | null>(null);
  const [entryOf, setEntryOf] = useState<Kpi | null>(null);
  const filtered = Boolean(query.groupId || query.orgUnitId || query.managerId);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <KpiFilterBar query={query} set={set} />
      {catalogue.isPending ? (
        <PageLoader />
      ) : catalogue.isError ? (
        <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        <Stack gap="xl">
          <Text size="sm" c="dimmed">
            {t('period', {
              from: formatDay(catalogue.data.period.from, i18n.language),
              to: formatDay(catalogue.data.period.to, i18n.language),
            })}
          </Text>
          {catalogue.data.data.every((k) => k.value === null) && (
            <Alert color="blue" title={t('emptyAll.title')}>
              {t('emptyAll.description')}
            </Alert>
          )}
          {filtered && (
            <Text size="sm" c="dimmed">
              {t('filterNote')}
            </Text>
          )}
          {practiceSuccessFactors.map((psf) => (
            <section key={psf} aria-labelledby={`psf-${psf}`}>
              <Title order={2} size="h4" id={`psf-${psf}`} mb={4}>
                {t(`psf.${psf}.title`)}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t(`psf.${psf}.description`)}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
                {catalogue.data.data
                  .filter((k) => k.psf === psf)
                  .map((kpi) => (
                    <KpiCard
                      key={kpi.key}
                      kpi={kpi}
                      query={query}
                      canManage={canManage}
                      onTarget={setTargetOf}
                      onEntry={setEntryOf}
                    />
                  ))}
              </SimpleGrid>
            </section>
          ))}
        </Stack>
      )}
      <TargetDialog kpi={targetOf} onClose={() => setTargetOf(null)} />
      <EntryDialog kpi={entryOf} onClose={() => setEntryOf(null)} />
    </>
  );
}
