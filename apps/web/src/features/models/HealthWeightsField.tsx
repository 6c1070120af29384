import { Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type ModelFormValues, weightNames, weightSum } from './model.form';

/** The five parts of a relationship's health score, in percent, with their sum kept in view. */
export function HealthWeightsField({ form }: { form: UseFormReturnType<ModelFormValues> }) {
  const { t } = useTranslation(['models']);
  const sum = weightSum(form.getValues().healthWeights);
  const sumError = form.errors.healthWeights as string | undefined;

  return (
    <Stack gap="xs" role="group" aria-labelledby="model-weights-label" aria-describedby="model-weights-sum">
      <Text size="sm" fw={500} id="model-weights-label">
        {t('fields.healthWeights')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('editor.weightsHint')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {weightNames.map((name) => {
          const input = form.getInputProps(`healthWeights.${name}`);
          return (
            <NumberInput
              key={name}
              {...input}
              onChange={(value) => {
                input.onChange(value);
                form.clearFieldError('healthWeights');
              }}
              label={t(`weights.${name}`)}
              min={0}
              max={100}
              suffix=" %"
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
            />
          );
        })}
      </SimpleGrid>
      <Group gap="xs" id="model-weights-sum" aria-live="polite">
        <Text size="sm" fw={600} c={sum === 100 ? 'green.8' : 'red.8'}>
          {t('editor.weightSum', { sum })}
        </Text>
        {sum !== 100 && (
          <Text size="sm" c="red.8">
            {t('editor.weightSumHint', { difference: sum > 100 ? `−${sum - 100}` : `+${100 - sum}` })}
          </Text>
        )}
      </Group>
      {sumError && (
        <Text size="sm" c="red" role="alert">
          {sumError}
        </Text>
      )}
    </Stack>
  );
}
