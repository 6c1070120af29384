import { Input, SegmentedControl, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sentimentValues } from './interaction.kinds';

interface Props {
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
}

/** How the interaction went for the stakeholder, from very negative to very positive, or not recorded. */
export function SentimentField({ value, onChange, error }: Props) {
  const { t } = useTranslation(['interactions']);
  const labelId = useId();
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Stack gap={4}>
      <Input.Label id={labelId}>{t('sentiment.label')}</Input.Label>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value === null ? 'none' : String(value)}
        onChange={(next) => onChange(next === 'none' ? null : Number(next))}
        data={[
          { value: 'none', label: t('sentiment.none') },
          ...sentimentValues.map((n) => ({ value: String(n), label: t(`sentiment.${n}`) })),
        ]}
        orientation={narrow ? 'vertical' : 'horizontal'}
        size="xs"
        fullWidth
      />
      {error && <Input.Error>{error}</Input.Error>}
    </Stack>
  );
}
