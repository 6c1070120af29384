import { Badge, Grid, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { type SalienceClass, salienceClasses } from '@rapport/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { StakeholderFilterBar } from '../stakeholders/StakeholderFilterBar';
import { StakeholderMiniTable } from '../stakeholders/StakeholderMiniTable';
import { StakeholderTabs } from '../stakeholders/StakeholderTabs';
import { filtersFromSearch, searchFromFilters } from '../stakeholders/stakeholder.filters';
import { useStakeholderList } from '../stakeholders/stakeholder.queries';
import { SalienceVenn } from './SalienceVenn';
import { useSalienceSummary } from './salience.queries';

const attributes: Record<SalienceClass, ('power' | 'legitimacy' | 'urgency')[]> = {
  none: [],
  dormant: ['power'],
  discretionary: ['legitimacy'],
  demanding: ['urgency'],
  dominant: ['power', 'legitimacy'],
  dangerous: ['power', 'urgency'],
  dependent: ['legitimacy', 'urgency'],
  definitive: ['power', 'legitimacy', 'urgency'],
};

function isSalience(value: string | null): value is SalienceClass {
  return (salienceClasses as readonly string[]).includes(value ?? '');
}

export default function SaliencePage() {
  const { t } = useTranslation(['analysis', 'stakeholders', 'enums']);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const selectedParam = searchParams.get('class');
  const selected = isSalience(selectedParam) ? selectedParam : null;
  const summary = useSalienceSummary(filters);
  const members = useStakeholderList(filters, { salience: selected ?? undefined }, selected !== null);

  const select = (salience: SalienceClass | null) => {
    const next = searchFromFilters(filters);
    if (salience) next.set('class', salience);
    setSearchParams(next, { replace: true });
  };
  const counts = Object.fromEntries(
    (summary.data?.classes ?? []).map((entry) => [entry.salience, entry.count]),
  );

  return (
    <>
      <PageHeader title={t('salience.title')} description={t('salience.description')} />
      <StakeholderTabs />
      <StakeholderFilterBar
        filters={filters}
        onChange={(next) => setSearchParams(searchFromFilters(next), { replace: true })}
        onClear={() => setSearchParams(new URLSearchParams(), { replace: true })}
      />
      {summary.isPending ? (
        <PageLoader />
      ) : summary.isError ? (
        <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <SalienceVenn counts={counts} selected={selected} />
            <Text size="xs" c="dimmed" mt="xs">
              {t('salience.vennHint')}
            </Text>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {salienceClasses.map((salience) => (
                <UnstyledButton
                  key={salience}
                  onClick={() => select(selected === salience ? null : salience)}
                  aria-pressed={selected === salience}
                >
                  <Paper
                    withBorder
                    p="sm"
                    radius="md"
                    h="100%"
                    style={
                      selected === salience
                        ? { borderColor: 'var(--mantine-color-grape-6)', borderWidth: 2 }
                        : undefined
                    }
                  >
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={600}>{t(`enums:salience.${salience}`)}</Text>
                      <Badge size="lg" variant="light" color={salience === 'none' ? 'gray' : 'grape'}>
                        {counts[salience] ?? 0}
                      </Badge>
                    </Group>
                    <Group gap={4} my={4}>
                      {attributes[salience].map((attribute) => (
                        <Badge key={attribute} size="xs" variant="outline" tt="none">
                          {t(`stakeholders:fields.${attribute}`)}
                        </Badge>
                      ))}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t(`stakeholders:salienceMeaning.${salience}`)}
                    </Text>
                  </Paper>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          </Grid.Col>
        </Grid>
      )}
      {selected && (
        <Stack mt="xl" gap="xs">
          <Title order={2} size="h4">
            {t('salience.members', { salience: t(`enums:salience.${selected}`) })}
          </Title>
          <StakeholderMiniTable
            list={members}
            label={t('salience.members', { salience: t(`enums:salience.${selected}`) })}
            empty={
              <EmptyState title={t('salience.noMembersTitle')} description={t('salience.noMembersBody')} />
            }
          />
        </Stack>
      )}
    </>
  );
}
