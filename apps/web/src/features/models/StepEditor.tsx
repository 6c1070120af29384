import { Fieldset, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { emptyActivity, emptyTextItem, type ModelFormValues, textLists } from './model.form';
import { ResponsibilitiesField } from './ResponsibilitiesField';
import { SentenceListField } from './SentenceListField';
import { depsOf, Stable } from './Stable';

interface Props {
  form: UseFormReturnType<ModelFormValues>;
  index: number;
}

/** Everything about one journey step: what it is for, its checklist, who does what, and what to watch. */
export function StepEditor({ form, index }: Props) {
  const { t, i18n } = useTranslation(['models']);
  const values = form.getValues();
  const step = values.steps[index];
  if (!step) return null;
  const path = `steps.${index}`;
  const modelDays = values.contactEveryDays;
  // Labels are translated here, so a part is also drawn again when the language changes.
  const deps = (part: keyof typeof step) =>
    depsOf([i18n.language, path, step[part]], form.errors, [`${path}.${part}`]);

  return (
    <Fieldset
      legend={t('editor.stepLegend', { n: index + 1, name: step.name || t('editor.unnamedStep') })}
      id="model-step-editor"
    >
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            {...form.getInputProps(`${path}.name`)}
            label={t('fields.stepName')}
            required
            maxLength={200}
          />
          <NumberInput
            {...form.getInputProps(`${path}.contactEveryDays`)}
            label={t('fields.stepContactEveryDays')}
            description={
              modelDays === ''
                ? t('editor.stepCadenceHintNone')
                : t('editor.stepCadenceHint', { days: modelDays })
            }
            min={1}
            max={730}
            allowDecimal={false}
            clampBehavior="none"
          />
        </SimpleGrid>
        <Stable
          deps={deps('purpose')}
          render={() => (
            <Textarea
              {...form.getInputProps(`${path}.purpose`)}
              label={t('fields.purpose')}
              description={t('editor.purposeHint')}
              autosize
              minRows={2}
              maxLength={2000}
            />
          )}
        />
        <Stack gap={4}>
          <Stable
            deps={deps('activities')}
            render={() => (
              <SentenceListField
                form={form}
                path={`${path}.activities`}
                items={step.activities}
                legend={t('fields.activities')}
                itemLabel={(n) => t('editor.activityLabel', { n })}
                addLabel={t('editor.addActivity')}
                emptyText={t('editor.noActivities')}
                newItem={emptyActivity}
              />
            )}
          />
          <Text size="xs" c="dimmed">
            {t('editor.listKeys')}
          </Text>
        </Stack>
        <Stable
          deps={deps('responsibilities')}
          render={() => <ResponsibilitiesField form={form} stepIndex={index} items={step.responsibilities} />}
        />
        {textLists.map((list) => (
          <Stable
            key={list}
            deps={deps(list)}
            render={() => (
              <SentenceListField
                form={form}
                path={`${path}.${list}`}
                items={step[list]}
                legend={t(`fields.${list}`)}
                itemLabel={(n) => t(`editor.${list}Label`, { n })}
                addLabel={t(`editor.add.${list}`)}
                emptyText={t(`editor.none.${list}`)}
                newItem={emptyTextItem}
              />
            )}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}
