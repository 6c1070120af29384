import { ActionIcon, Autocomplete, Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { raciCodes } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { emptyResponsibility, type ModelFormValues, type ResponsibilityValues } from './model.form';

const suggestedRoles = [
  'relationshipManager',
  'relationshipAgent',
  'serviceLevelManager',
  'serviceOwner',
  'supplierManager',
  'complianceOfficer',
  'executiveSponsor',
] as const;

interface Props {
  form: UseFormReturnType<ModelFormValues>;
  stepIndex: number;
  items: readonly ResponsibilityValues[];
}

/** Who does what in a step: a role and its RACI letter, with at most one accountable role. */
export function ResponsibilitiesField({ form, stepIndex, items }: Props) {
  const { t } = useTranslation(['models']);
  const path = `steps.${stepIndex}.responsibilities`;
  const roles = suggestedRoles.map((role) => t(`roles.${role}`));
  const raciOptions = raciCodes.map((code) => ({ value: code, label: t(`raci.${code}`) }));

  return (
    <Fieldset legend={t('fields.responsibilities')} variant="unstyled">
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          {t('editor.raciHint')}
        </Text>
        {items.map((item, index) => {
          const n = index + 1;
          return (
            <Group key={item.uid} gap={6} wrap="nowrap" align="flex-start">
              <Autocomplete
                {...form.getInputProps(`${path}.${index}.role`)}
                aria-label={t('editor.roleLabel', { n })}
                placeholder={t('editor.rolePlaceholder')}
                data={roles}
                style={{ flexGrow: 1 }}
                maxLength={200}
              />
              <NativeSelect
                {...form.getInputProps(`${path}.${index}.raci`)}
                aria-label={t('editor.raciLabel', { n })}
                data={raciOptions}
                w={190}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                onClick={() => form.removeListItem(path, index)}
                aria-label={t('editor.remove', { name: t('editor.roleLabel', { n }) })}
              >
                ×
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => form.insertListItem(path, emptyResponsibility())}
          >
            + {t('editor.addRole')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
