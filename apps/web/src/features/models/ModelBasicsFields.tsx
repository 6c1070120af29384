import { MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { interpersonalTypes, serviceRelationshipTypes } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { useGroups } from '../groups/group.queries';
import type { ModelFormValues } from './model.form';

/** Name, who the model is for, which kind of relationship it describes and why. */
export function ModelBasicsFields({ form }: { form: UseFormReturnType<ModelFormValues> }) {
  const { t } = useTranslation(['models']);
  const groups = useGroups();
  const typeOptions = [
    {
      group: t('types.organisations'),
      items: serviceRelationshipTypes.map((value) => ({ value, label: t(`types.${value}`) })),
    },
    {
      group: t('types.people'),
      items: interpersonalTypes.map((value) => ({ value, label: t(`types.${value}`) })),
    },
  ];

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput {...form.getInputProps('name')} label={t('fields.name')} required maxLength={200} />
        <Select
          {...form.getInputProps('relationshipType')}
          label={t('fields.relationshipType')}
          description={t('editor.relationshipTypeHint')}
          data={typeOptions}
          required
          allowDeselect={false}
        />
        <MultiSelect
          {...form.getInputProps('groupIds')}
          label={t('fields.groups')}
          description={t('editor.groupsHint')}
          data={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))}
          searchable
          clearable
          nothingFoundMessage={t('editor.noGroupFound')}
        />
        <TextInput
          {...form.getInputProps('nextReviewOn')}
          type="date"
          label={t('fields.nextReviewOn')}
          description={t('editor.nextReviewHint')}
        />
      </SimpleGrid>
      <Textarea
        {...form.getInputProps('description')}
        label={t('fields.description')}
        description={t('editor.descriptionHint')}
        autosize
        minRows={2}
      />
    </Stack>
  );
}
