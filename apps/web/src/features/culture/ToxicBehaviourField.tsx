import { Input, SegmentedControl, Stack, Text } from '@mantine/core';
import { type ToxicBehaviour, type ToxicFrequency, toxicFrequencies } from '@rapport/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  behaviour: ToxicBehaviour;
  value: ToxicFrequency;
  onChange: (value: ToxicFrequency) => void;
  error?: string;
}

/** How often one of the four toxic behaviours is seen, with its antidote as guidance (guide §2.2.2). */
export function ToxicBehaviourField({ behaviour, value, onChange, error }: Props) {
  const { t } = useTranslation(['culture']);
  const labelId = useId();
  const hintId = useId();
  return (
    <Stack gap={4}>
      <Input.Label id={labelId}>{t(`toxic.${behaviour}.name`)}</Input.Label>
      <Text id={hintId} size="xs" c="dimmed">
        {t(`toxic.${behaviour}.indicator`)}{' '}
        {t('form.antidote', { antidote: t(`toxic.${behaviour}.antidote`) })}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        aria-describedby={hintId}
        value={value}
        onChange={(next) => onChange(next as ToxicFrequency)}
        data={toxicFrequencies.map((frequency) => ({ value: frequency, label: t(`frequency.${frequency}`) }))}
        fullWidth
      />
      {error && <Input.Error>{error}</Input.Error>}
    </Stack>
  );
}
