import { Input, SegmentedControl, SimpleGrid, Stack } from '@mantine/core';
import { type Characteristics, Characteristics as CharacteristicsSchema } from '@rapport/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type Axis = keyof Characteristics;

const axes = Object.keys(CharacteristicsSchema.shape) as Axis[];

function AxisControl({
  axis,
  value,
  onChange,
}: {
  axis: Axis;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation(['relationships']);
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Input.Label id={labelId}>{t(`axis.${axis}`)}</Input.Label>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value}
        onChange={onChange}
        data={CharacteristicsSchema.shape[axis].options.map((option) => ({
          value: option,
          label: t(`characteristic.${option}`),
        }))}
        fullWidth
      />
    </Stack>
  );
}

/** The seven characterisations of a relationship (guide §2.1), each one of two. */
export function CharacteristicsField({
  value,
  onChange,
  error,
}: {
  value: Characteristics;
  onChange: (value: Characteristics) => void;
  error?: string;
}) {
  const { t } = useTranslation(['relationships']);
  return (
    <Stack gap="xs" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Input.Label component="legend" p={0}>
        {t('fields.characteristics')}
      </Input.Label>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {axes.map((axis) => (
          <AxisControl
            key={axis}
            axis={axis}
            value={value[axis]}
            onChange={(next) => onChange({ ...value, [axis]: next })}
          />
        ))}
      </SimpleGrid>
      {error && <Input.Error>{error}</Input.Error>}
    </Stack>
  );
}
