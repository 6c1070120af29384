import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStakeholder, useStakeholderSearch } from './stakeholder.queries';

interface Props {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  description?: string;
  placeholder?: string;
  exclude?: readonly string[];
  error?: React.ReactNode;
  required?: boolean;
}

/** Picks one stakeholder by typing part of its name; the server does the searching. */
export function StakeholderPicker({
  label,
  value,
  onChange,
  description,
  placeholder,
  exclude = [],
  error,
  required,
}: Props) {
  const { t } = useTranslation(['stakeholders']);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useStakeholderSearch(debounced);
  const current = useStakeholder(value ?? undefined);

  const options = new Map<string, string>();
  if (value && current.data) options.set(current.data.id, current.data.name);
  for (const stakeholder of results.data?.data ?? []) {
    if (!exclude.includes(stakeholder.id)) options.set(stakeholder.id, stakeholder.name);
  }

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('form.searchStakeholder')}
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
      required={required}
    />
  );
}
