import { Select, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from './org-unit.queries';
import { unitPath, unitTree } from './org-unit.tree';

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  label?: string;
  description?: ReactNode;
  placeholder?: string;
  error?: ReactNode;
  /** Units that may not be chosen (a unit cannot sit below itself). */
  exclude?: ReadonlySet<string>;
  w?: number | string;
}

/**
 * Picks one of the organisation's units from its tree. Archived units are not offered, but a value
 * that already names one is still shown by name.
 */
export function OrgUnitSelect({
  value,
  onChange,
  label,
  description,
  placeholder,
  error,
  exclude,
  w,
}: Props) {
  const { t } = useTranslation(['approach']);
  const units = useOrgUnits('true');
  const all = units.data ?? [];
  const depthOf = new Map<string, number>();
  const data = unitTree(all)
    .filter(({ unit }) => (!unit.archivedAt || unit.id === value) && !exclude?.has(unit.id))
    .map(({ unit, depth }) => {
      depthOf.set(unit.id, depth);
      return { value: unit.id, label: unitPath(all, unit.id) };
    });

  return (
    <Select
      label={label ?? t('orgUnits.picker.label')}
      description={description}
      placeholder={placeholder ?? t('orgUnits.picker.none')}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      clearable
      nothingFoundMessage={t('orgUnits.picker.noneFound')}
      disabled={units.isPending}
      w={w}
      renderOption={({ option }) => (
        <Text size="sm" pl={(depthOf.get(option.value) ?? 0) * 12}>
          {option.label.split(' › ').at(-1)}
        </Text>
      )}
    />
  );
}
