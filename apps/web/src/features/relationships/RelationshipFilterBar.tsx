import { Group, Select, TextInput } from '@mantine/core';
import { type Relationship, relationshipStatuses } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../admin/user.queries';
import { emptyModelFilters, useModels } from '../models/model.queries';
import type { RelationshipFilters } from './relationship.queries';

interface Props {
  filters: RelationshipFilters;
  onChange: (filters: RelationshipFilters) => void;
}

export function RelationshipFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation(['relationships']);
  const users = useUserOptions();
  const models = useModels(emptyModelFilters);
  const set = <K extends keyof RelationshipFilters>(key: K, value: RelationshipFilters[K]) =>
    onChange({ ...filters, [key]: value });

  return (
    <Group align="flex-end" mb="md">
      <TextInput
        type="search"
        label={t('list.search')}
        value={filters.q}
        onChange={(event) => set('q', event.currentTarget.value)}
        w={200}
      />
      <Select
        label={t('fields.status')}
        placeholder={t('list.anyStatus')}
        data={relationshipStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
        value={filters.status}
        onChange={(value) => set('status', value as Relationship['status'] | null)}
        clearable
        w={140}
      />
      <Select
        label={t('fields.manager')}
        placeholder={t('list.anyManager')}
        data={[{ value: 'mine', label: t('list.managedByMe') }]}
        value={filters.manager}
        onChange={(value) => set('manager', value === 'mine' ? 'mine' : null)}
        clearable
        w={180}
      />
      <Select
        label={t('fields.agent')}
        placeholder={t('list.anyAgent')}
        data={[
          { value: 'none', label: t('list.noAgent') },
          ...(users.data ?? []).map((user) => ({ value: user.id, label: user.name })),
        ]}
        value={filters.agentId}
        onChange={(value) => set('agentId', value)}
        searchable
        clearable
        w={190}
      />
      <Select
        label={t('fields.model')}
        placeholder={t('list.anyModel')}
        data={[
          { value: 'none', label: t('noModel') },
          ...(models.data ?? []).map((model) => ({ value: model.id, label: model.name })),
        ]}
        value={filters.modelId}
        onChange={(value) => set('modelId', value)}
        searchable
        clearable
        w={200}
      />
    </Group>
  );
}
