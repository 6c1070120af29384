import {
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { quadrants, stakeholderCategories } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../admin/user.queries';
import { useCan } from '../auth/auth.queries';
import { GroupSelect } from '../groups/GroupSelect';
import { type ArchivedFilter, hasActiveFilters, type StakeholderFilters } from './stakeholder.filters';

interface Props {
  filters: StakeholderFilters;
  onChange: (filters: StakeholderFilters) => void;
  onClear: () => void;
}

export function StakeholderFilterBar({ filters, onChange, onClear }: Props) {
  const { t } = useTranslation(['stakeholders', 'common', 'enums']);
  const users = useUserOptions(useCan('users.read'));
  const [q, setQ] = useState(filters.q);
  const commitQ = useDebouncedCallback((value: string) => onChange({ ...filters, q: value }), 300);

  // The address can change the search (back button, "clear filters"); the box follows it.
  useEffect(() => setQ(filters.q), [filters.q]);

  const ownerData = [
    { value: 'none', label: t('filters.noOwner') },
    ...(users.data ?? []).map((user) => ({ value: user.id, label: user.name })),
  ];

  return (
    <Paper withBorder p="md" radius="md" mb="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('filters.search')}
          placeholder={t('filters.searchPlaceholder')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            commitQ(event.currentTarget.value);
          }}
          w={240}
          type="search"
        />
        <MultiSelect
          label={t('fields.category')}
          placeholder={filters.category.length ? undefined : t('filters.any')}
          data={stakeholderCategories.map((value) => ({ value, label: t(`enums:category.${value}`) }))}
          value={filters.category}
          onChange={(value) => onChange({ ...filters, category: value as StakeholderFilters['category'] })}
          searchable
          clearable
          w={240}
        />
        <Select
          label={t('fields.scope')}
          placeholder={t('filters.any')}
          data={[
            { value: 'internal', label: t('enums:scope.internal') },
            { value: 'external', label: t('enums:scope.external') },
          ]}
          value={filters.scope}
          onChange={(value) => onChange({ ...filters, scope: value as StakeholderFilters['scope'] })}
          clearable
          w={150}
        />
        <MultiSelect
          label={t('fields.quadrant')}
          placeholder={filters.quadrant.length ? undefined : t('filters.any')}
          data={quadrants.map((value) => ({ value, label: t(`enums:quadrant.${value}`) }))}
          value={filters.quadrant}
          onChange={(value) => onChange({ ...filters, quadrant: value as StakeholderFilters['quadrant'] })}
          clearable
          w={220}
        />
        <Select
          label={t('fields.owner')}
          placeholder={t('filters.any')}
          data={ownerData}
          value={filters.ownerId}
          onChange={(value) => onChange({ ...filters, ownerId: value })}
          searchable
          clearable
          w={200}
        />
        <GroupSelect value={filters.groupId} onChange={(groupId) => onChange({ ...filters, groupId })} />
        <TagsInput
          label={t('fields.tags')}
          placeholder={filters.tag.length ? undefined : t('filters.tagsPlaceholder')}
          value={filters.tag}
          onChange={(value) => onChange({ ...filters, tag: value })}
          clearable
          w={200}
        />
        <SegmentedControl
          aria-label={t('filters.archived')}
          value={filters.archived}
          onChange={(value) => onChange({ ...filters, archived: value as ArchivedFilter })}
          data={[
            { value: 'false', label: t('filters.activeOnly') },
            { value: 'true', label: t('filters.includeArchived') },
            { value: 'only', label: t('filters.archivedOnly') },
          ]}
        />
        {hasActiveFilters(filters) && (
          <Button variant="subtle" onClick={onClear}>
            {t('filters.clear')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
