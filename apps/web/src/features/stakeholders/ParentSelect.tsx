import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStakeholder, useStakeholderSearch } from './stakeholder.queries';

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
  excludeId?: string;
}

/** Picks the organisation, department or group a stakeholder belongs to, searching by name. */
export function ParentSelect({ value, onChange, error, excludeId }: Props) {
  const { t } = useTranslation(['stakeholders', 'common', 'enums']);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useStakeholderSearch(debounced);
  const current = useStakeholder(value ?? undefined);

  const options = new Map<string, string>();
  if (value && current.data) options.set(current.data.id, current.data.name);
  for (const stakeholder of results.data?.data ?? []) {
    if (stakeholder.id !== excludeId) options.set(stakeholder.id, stakeholder.name);
  }

  return (
    <Select
      label={t('fields.parent')}
      description={t('form.parentHint')}
      placeholder={t('form.noParent')}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('form.nothingFound')}
      filter={({ options: all }) => all}
      error={error}
    />
  );
}
