import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGroups } from './group.queries';

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  w?: number;
}

/** Picks a stakeholder group to filter by. */
export function GroupSelect({ value, onChange, w = 200 }: Props) {
  const { t } = useTranslation(['groups', 'stakeholders']);
  const groups = useGroups();
  return (
    <Select
      label={t('groups:filterLabel')}
      placeholder={t('stakeholders:filters.any')}
      data={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('groups:noneFound')}
      w={w}
    />
  );
}
