import { Group, Radio, Select, Stack, Switch, TextInput } from '@mantine/core';
import { maturityLevels, ourRoles } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/forms';
import { useUserOptions } from '../admin/user.queries';
import { useCan } from '../auth/auth.queries';
import { CharacteristicsField } from './CharacteristicsField';
import type { BasicsValues } from './relationship.form';

interface Props {
  values: BasicsValues;
  onChange: (values: Partial<BasicsValues>) => void;
  errors: FieldErrors;
  /** The name defaults to the stakeholder's when left empty on opening. */
  namePlaceholder?: string;
}

/** The fields a relationship is opened with and later edited by. */
export function BasicsFields({ values, onChange, errors, namePlaceholder }: Props) {
  const { t } = useTranslation(['relationships']);
  // Naming the manager and agent is its own permission (relationships.assign); without it the pickers are not
  // offered, and a relationship is opened unassigned for a manager to assign.
  const canAssign = useCan('relationships.assign');
  const users = useUserOptions();
  const userData = (users.data ?? []).map((user) => ({ value: user.id, label: user.name }));

  return (
    <Stack>
      <TextInput
        label={t('fields.name')}
        placeholder={namePlaceholder}
        description={namePlaceholder ? t('form.nameHint') : undefined}
        value={values.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
        error={errors.name}
        required={!namePlaceholder}
      />
      <Switch
        label={t('fields.service')}
        description={t('form.serviceHint')}
        checked={values.service}
        onChange={(event) =>
          onChange({
            service: event.currentTarget.checked,
            ourRole: event.currentTarget.checked ? (values.ourRole ?? 'provider') : null,
          })
        }
        error={errors.service}
      />
      {values.service && (
        <Radio.Group
          label={t('fields.ourRole')}
          value={values.ourRole ?? ''}
          onChange={(value) => onChange({ ourRole: value as BasicsValues['ourRole'] })}
          error={errors.ourRole}
          required
        >
          <Group mt={4}>
            {ourRoles.map((role) => (
              <Radio key={role} value={role} label={t(`ourRole.${role}`)} />
            ))}
          </Group>
        </Radio.Group>
      )}
      <CharacteristicsField
        value={values.characteristics}
        onChange={(characteristics) => onChange({ characteristics })}
        error={errors.characteristics}
      />
      {canAssign && (
        <Group grow align="flex-start">
          <Select
            label={t('fields.manager')}
            placeholder={t('form.nobody')}
            data={userData}
            value={values.managerId}
            onChange={(managerId) => onChange({ managerId })}
            error={errors.managerId}
            searchable
            clearable
          />
          <Select
            label={t('fields.agent')}
            placeholder={t('form.nobody')}
            data={userData}
            value={values.agentId}
            onChange={(agentId) => onChange({ agentId })}
            error={errors.agentId}
            searchable
            clearable
          />
        </Group>
      )}
      <Group grow align="flex-start">
        <Select
          label={t('fields.maturity')}
          description={t('form.maturityHint')}
          data={maturityLevels.map((level) => ({ value: level, label: t(`maturity.${level}`) }))}
          value={values.maturity}
          onChange={(value) => value && onChange({ maturity: value as BasicsValues['maturity'] })}
          error={errors.maturity}
          allowDeselect={false}
        />
        <TextInput
          type="date"
          label={t('fields.startedOn')}
          value={values.startedOn}
          onChange={(event) => onChange({ startedOn: event.currentTarget.value })}
          error={errors.startedOn}
        />
      </Group>
    </Stack>
  );
}
