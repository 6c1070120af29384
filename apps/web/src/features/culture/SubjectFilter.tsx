import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../org-units/org-unit.queries';
import { unitPath, unitTree } from '../org-units/org-unit.tree';

interface Props {
  /** A unit id, `none` for the whole organisation, or null for every assessment. */
  value: string | null;
  onChange: (value: string | null) => void;
}

/** Narrows the assessments to one unit, or to those of the whole organisation. */
export function SubjectFilter({ value, onChange }: Props) {
  const { t } = useTranslation(['culture']);
  const units = useOrgUnits('true');
  const all = units.data ?? [];
  const data = [
    { value: 'none', label: t('wholeOrganisation') },
    ...unitTree(all)
      .filter(({ unit }) => !unit.archivedAt || unit.id === value)
      .map(({ unit }) => ({ value: unit.id, label: unitPath(all, unit.id) })),
  ];
  return (
    <Select
      label={t('list.subjectFilter')}
      placeholder={t('list.anySubject')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('list.noUnitFound')}
      w={300}
    />
  );
}
