import { SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { communalityDimensions } from '@rapport/contracts';
import { PoleScale } from '../culture/PoleScale';
import type { ModelFormValues } from './model.form';

/** The five exchange–communal dimensions the model aims for, each between its two named poles. */
export function CommunalityFields({ form }: { form: UseFormReturnType<ModelFormValues> }) {
  const communality = form.getValues().communality;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      {communalityDimensions.map((dimension) => (
        <PoleScale
          key={dimension}
          dimension={dimension}
          value={communality[dimension]}
          onChange={(value) => form.setFieldValue(`communality.${dimension}`, value)}
          error={form.errors[`communality.${dimension}`] as string | undefined}
        />
      ))}
    </SimpleGrid>
  );
}
