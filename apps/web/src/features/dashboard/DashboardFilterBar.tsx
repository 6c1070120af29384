import { Button, Group, Select, TextInput } from '@mantine/core';
import type { DashboardQuery } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../admin/user.queries';
import { GroupSelect } from '../groups/GroupSelect';
import { OrgUnitSelect } from '../org-units/OrgUnitSelect';
import type { DashboardFilterField } from './dashboard.filters';

interface Props {
  query: DashboardQuery;
  onChange: (changes: Partial<Record<DashboardFilterField, string | null>>) => void;
}

/** Period, key group, org unit and manager; each change lands in the URL. */
export function DashboardFilterBar({ query, onChange }: Props) {
  const { t } = useTranslation('dashboard');
  const users = useUserOptions();
  const filtered = Object.values(query).some(Boolean);
  return (
    <Group align="flex-end" mb="lg" wrap="wrap" role="search" aria-label={t('filters.label')}>
      <TextInput
        type="date"
        label={t('filters.from')}
        description={t('filters.fromHint')}
        value={query.from ?? ''}
        onChange={(event) => onChange({ from: event.currentTarget.value || null })}
        w={170}
      />
      <TextInput
        type="date"
        label={t('filters.to')}
        description={t('filters.toHint')}
        value={query.to ?? ''}
        onChange={(event) => onChange({ to: event.currentTarget.value || null })}
        w={170}
      />
      <GroupSelect value={query.groupId ?? null} onChange={(groupId) => onChange({ groupId })} />
      <OrgUnitSelect
        label={t('filters.orgUnit')}
        placeholder={t('filters.any')}
        value={query.orgUnitId ?? null}
        onChange={(orgUnitId) => onChange({ orgUnitId })}
        w={220}
      />
      <Select
        label={t('filters.manager')}
        placeholder={t('filters.any')}
        data={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
        value={query.managerId ?? null}
        onChange={(managerId) => onChange({ managerId })}
        searchable
        clearable
        w={200}
      />
      {filtered && (
        <Button
          variant="subtle"
          onClick={() =>
            onChange({ from: null, to: null, groupId: null, orgUnitId: null, managerId: null, modelId: null })
          }
        >
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
