import { Group, Stack, Text, Title } from '@mantine/core';
import type { EngagementLevel } from '@rapport/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { useCan } from '../auth/auth.queries';
import { useEngagementSummary } from '../salience/salience.queries';
import { StakeholderFilterBar } from '../stakeholders/StakeholderFilterBar';
import { StakeholderMiniTable } from '../stakeholders/StakeholderMiniTable';
import { StakeholderTabs } from '../stakeholders/StakeholderTabs';
import { filtersFromSearch, searchFromFilters } from '../stakeholders/stakeholder.filters';
import { useStakeholderList } from '../stakeholders/stakeholder.queries';
import { EngagementGrid } from './EngagementGrid';

export default function EngagementPage() {
  const { t } = useTranslation(['analysis', 'stakeholders', 'enums']);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const summary = useEngagementSummary(filters);
  const gaps = useStakeholderList(filters, { sort: '-engagementGap' });
  const users = useUserOptions(useCan('users.read'));
  const ownerNames = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  const level = (value: EngagementLevel | null) => (value ? t(`enums:engagement.${value}`) : '—');

  return (
    <>
      <PageHeader title={t('engagement.title')} description={t('engagement.description')} />
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
        <Stack gap="xs">
          <EngagementGrid summary={summary.data} />
          <Group gap="lg">
            <Text size="xs" c="dimmed">
              {t('engagement.legend')}
            </Text>
            <Text size="xs" c="dimmed" ml="auto">
              {t('engagement.unassessed', { count: summary.data.unassessed })}
            </Text>
          </Group>
        </Stack>
      )}
      <Title order={2} size="h4" mt="xl" mb="xs">
        {t('engagement.gapTitle')}
      </Title>
      <StakeholderMiniTable
        list={gaps}
        label={t('engagement.gapTitle')}
        columns={[
          {
            header: t('stakeholders:fields.owner'),
            cell: (s) => (s.ownerId ? (ownerNames.get(s.ownerId) ?? '—') : t('stakeholders:noOwner')),
          },
          { header: t('stakeholders:fields.engagementCurrent'), cell: (s) => level(s.engagementCurrent) },
          { header: t('stakeholders:fields.engagementDesired'), cell: (s) => level(s.engagementDesired) },
          {
            header: t('engagement.gap'),
            cell: (s) => (
              <Text size="sm" fw={600} c={(s.engagementGap ?? 0) > 0 ? 'orange.8' : undefined}>
                {s.engagementGap === null
                  ? '—'
                  : s.engagementGap > 0
                    ? `+${s.engagementGap}`
                    : s.engagementGap}
              </Text>
            ),
          },
        ]}
        empty={<EmptyState title={t('engagement.noGapsTitle')} description={t('engagement.noGapsBody')} />}
      />
    </>
  );
}
