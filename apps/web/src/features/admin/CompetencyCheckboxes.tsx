import { Checkbox, Stack } from '@mantine/core';
import { competencies } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string[];
  onChange: (value: string[]) => void;
  error?: React.ReactNode;
}

/** The competency profile of table 4.1 of the practice guide: codes L, A, C, M, T. */
export function CompetencyCheckboxes({ value, onChange, error }: Props) {
  const { t } = useTranslation(['admin', 'common', 'enums']);
  return (
    <Checkbox.Group
      label={t('fields.competencies')}
      description={t('users.competenciesHint')}
      value={value}
      onChange={onChange}
      error={error}
    >
      <Stack gap={6} mt={6}>
        {competencies.map((code) => (
          <Checkbox key={code} value={code} label={`${code} — ${t(`enums:competency.${code}`)}`} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
