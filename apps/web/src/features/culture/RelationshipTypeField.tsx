import { Paper, Radio, SimpleGrid } from '@mantine/core';
import { type InterpersonalType, interpersonalTypes } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

interface Props {
  value: InterpersonalType | null;
  onChange: (value: InterpersonalType) => void;
  error?: string;
}

/** Haytko's three types of working relationship (guide table 2.1), each with what tells it apart. */
export function RelationshipTypeField({ value, onChange, error }: Props) {
  const { t } = useTranslation(['culture']);
  return (
    <Radio.Group
      label={t('fields.dominantType')}
      description={t('form.dominantTypeHint')}
      value={value ?? ''}
      onChange={(next) => onChange(next as InterpersonalType)}
      error={error}
      required
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt={8}>
        {interpersonalTypes.map((type) => (
          <Paper key={type} withBorder p="sm" radius="md">
            <Radio
              value={type}
              label={t(`types.${type}.name`)}
              description={t(`types.${type}.description`)}
            />
          </Paper>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
