import { Group, Radio, Text } from '@mantine/core';
import type { CommunalityDimension } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

interface Props {
  dimension: CommunalityDimension;
  value: number | null;
  onChange: (value: number) => void;
  error?: string;
}

const points = [1, 2, 3, 4, 5] as const;

/**
 * One exchange–communal dimension as five radios between its two named poles; each radio's name says
 * what it means ("Trust (leaning)"), so the scale reads the same without seeing where it sits.
 */
export function PoleScale({ dimension, value, onChange, error }: Props) {
  const { t } = useTranslation(['culture']);
  const low = t(`dimensions.${dimension}.low`);
  const high = t(`dimensions.${dimension}.high`);
  return (
    <Radio.Group
      label={t(`dimensions.${dimension}.name`)}
      description={t(`dimensions.${dimension}.hint`)}
      value={value === null ? '' : String(value)}
      onChange={(next) => onChange(Number(next))}
      error={error}
      required
    >
      <Group gap="sm" mt={8} wrap="nowrap" align="center">
        <Text size="sm" fw={500} w={110} ta="right" aria-hidden="true">
          {low}
        </Text>
        {points.map((point) => (
          <Radio
            key={point}
            value={String(point)}
            label={String(point)}
            aria-label={t('scalePoint', { value: point, meaning: t(`scale.${point}`, { low, high }) })}
            styles={{ body: { flexDirection: 'column', alignItems: 'center', gap: 2 } }}
          />
        ))}
        <Text size="sm" fw={500} w={110} aria-hidden="true">
          {high}
        </Text>
      </Group>
    </Radio.Group>
  );
}
