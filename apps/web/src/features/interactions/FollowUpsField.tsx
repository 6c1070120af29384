import { Button, CloseButton, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/forms';
import { useUserOptions } from '../admin/user.queries';
import { legendStyles } from './fieldset.styles';
import type { FollowUpRow } from './interaction.form';

interface Props {
  value: FollowUpRow[];
  onChange: (value: FollowUpRow[]) => void;
  defaultOwnerId: string;
  errors: FieldErrors;
}

/** The actions agreed, each with who does it and by when; rows are added and removed freely. */
export function FollowUpsField({ value, onChange, defaultOwnerId, errors }: Props) {
  const { t } = useTranslation(['interactions']);
  const users = useUserOptions();
  const nextKey = useRef(0);
  const owners = (users.data ?? []).map((user) => ({ value: user.id, label: user.name }));

  const update = (key: number, change: Partial<FollowUpRow>) =>
    onChange(value.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    nextKey.current += 1;
    onChange([...value, { key: nextKey.current, text: '', ownerId: defaultOwnerId, dueOn: '' }]);
  };

  return (
    <Fieldset legend={t('form.followUps')} variant="unstyled" styles={legendStyles}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('form.followUpsHint')}
      </Text>
      <Stack gap="sm">
        {value.map((row, index) => {
          const number = index + 1;
          return (
            <Group key={row.key} align="flex-start" gap="xs" wrap="wrap">
              <TextInput
                label={t('form.followUpText', { number })}
                value={row.text}
                onChange={(event) => update(row.key, { text: event.currentTarget.value })}
                error={errors[`followUps.${index}.text`]}
                required
                style={{ flex: '2 1 14rem' }}
              />
              <Select
                label={t('form.followUpOwner', { number })}
                data={owners}
                value={row.ownerId}
                onChange={(ownerId) => update(row.key, { ownerId })}
                placeholder={t('form.nobody')}
                error={errors[`followUps.${index}.ownerId`]}
                searchable
                clearable
                style={{ flex: '1 1 10rem' }}
              />
              <TextInput
                type="date"
                label={t('form.followUpDue', { number })}
                value={row.dueOn}
                onChange={(event) => update(row.key, { dueOn: event.currentTarget.value })}
                error={errors[`followUps.${index}.dueOn`]}
                style={{ flex: '0 1 9rem' }}
              />
              <CloseButton
                mt={26}
                aria-label={t('form.removeFollowUp', { number })}
                onClick={() => onChange(value.filter((other) => other.key !== row.key))}
              />
            </Group>
          );
        })}
        {errors.followUps && (
          <Text size="sm" c="red">
            {errors.followUps}
          </Text>
        )}
        <Group>
          <Button variant="light" size="xs" onClick={add}>
            {t('form.addFollowUp')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
