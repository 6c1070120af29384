import { NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { quadrants } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import type { ModelFormValues } from './model.form';

const dayInput = { allowDecimal: false, clampBehavior: 'none' } as const;

/** How often to be in touch, per stakeholder quadrant where it differs, and how often to review. */
export function CadenceFields({ form }: { form: UseFormReturnType<ModelFormValues> }) {
  const { t } = useTranslation(['models', 'enums']);
  const modelDays = form.getValues().contactEveryDays;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          {...form.getInputProps('contactEveryDays')}
          {...dayInput}
          label={t('fields.contactEveryDays')}
          description={t('editor.contactHint')}
          min={1}
          max={730}
          required
        />
        <NumberInput
          {...form.getInputProps('reviewEveryDays')}
          {...dayInput}
          label={t('fields.reviewEveryDays')}
          description={t('editor.reviewHint')}
          min={7}
          max={1095}
          required
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="model-quadrant-cadence">
          {t('fields.contactEveryDaysByQuadrant')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('editor.byQuadrantHint')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} role="group" aria-labelledby="model-quadrant-cadence">
          {quadrants.map((quadrant) => (
            <NumberInput
              key={quadrant}
              {...form.getInputProps(`contactEveryDaysByQuadrant.${quadrant}`)}
              {...dayInput}
              label={t(`enums:quadrant.${quadrant}`)}
              placeholder={modelDays === '' ? undefined : t('editor.usesModelDays', { days: modelDays })}
              min={1}
              max={730}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
