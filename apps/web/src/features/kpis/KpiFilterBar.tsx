import { Group, Select, TextInput } from '@mantine/core';
import type { KpiQuery } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../admin/user.queries';
import { useGroups } from '../groups/group.queries';
import { useOrgUnits } from '../org-units/org-unit.queries';
import type { KpiFilterField } from './kpi.filters';

/** Period, key group, org unit and manager; every change goes to the URL. */
export function KpiFilterBar({
  query,
  set,
}: {
  query: KpiQuery;
  set: (field: KpiFilterField, value: string | null) => void;
}) {
  const { t } = useTranslation('kpis');
  const groups = useGroups();
  const units = useOrgUnits();
  const users = useUserOptions();
  const day = (field: 'from' | 'to') => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    if (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) set(field, value || null);
  };
  return (
    <Group align="flex-end" gap="sm" mb="lg" role="search" aria-label={t('filters.label')}>
      <TextInput type="date" label={t('filters.from')} value={query.from ?? ''} onChange={day('from')} />
      <TextInput type="date" label={t('filters.to')} value={query.to ?? ''} onChange={day('to')} />
      <Select
        label={t('filters.group')}
        placeholder={t('filters.any')}
        clearable
        searchable
        data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        value={query.groupId ?? null}
        onChange={(value) => set('groupId', value)}
      />
      <Select
        label={t('filters.orgUnit')}
        placeholder={t('filters.any')}
        clearable
        searchable
        data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={query.orgUnitId ?? null}
        onChange={(value) => set('orgUnitId', value)}
      />
      <Select
        label={t('filters.manager')}
        placeholder={t('filters.any')}
        clearable
        searchable
        data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={query.managerId ?? null}
        onChange={(value) => set('managerId', value)}
      />
    </Group>
  );
}
