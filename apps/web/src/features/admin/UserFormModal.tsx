import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Competency, locales, roles, type User, UserCreate, UserPatch } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, zodFieldErrors } from '../../app/forms';
import { CompetencyCheckboxes } from './CompetencyCheckboxes';
import { useCreateUser, useUpdateUser } from './user.mutations';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The user being edited; none when creating one. */
  user?: User;
}

interface Values {
  email: string;
  name: string;
  role: string;
  password: string;
  locale: string;
  competencies: string[];
  deactivated: boolean;
}

const fields = ['email', 'name', 'role', 'password', 'locale', 'competencies', 'deactivated'];

export function UserFormModal({ opened, onClose, user }: Props) {
  const { t } = useTranslation(['admin', 'common', 'enums']);
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const form = useForm<Values>({
    initialValues: {
      email: user?.email ?? '',
      name: user?.name ?? '',
      role: user?.role ?? 'relationship_agent',
      password: '',
      locale: user?.locale ?? 'en',
      competencies: user?.competencies ?? [],
      deactivated: Boolean(user?.deactivatedAt),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const password = values.password ? { password: values.password } : {};
    const parsed = user
      ? UserPatch.safeParse({
          ...(values.name !== user.name ? { name: values.name } : {}),
          ...(values.role !== user.role ? { role: values.role } : {}),
          ...(values.locale !== user.locale ? { locale: values.locale } : {}),
          ...(JSON.stringify([...values.competencies].sort()) !==
          JSON.stringify([...user.competencies].sort())
            ? { competencies: values.competencies as Competency[] }
            : {}),
          ...(values.deactivated !== Boolean(user.deactivatedAt) ? { deactivated: values.deactivated } : {}),
          ...password,
        })
      : UserCreate.safeParse({
          email: values.email,
          name: values.name,
          role: values.role,
          locale: values.locale,
          competencies: values.competencies,
          ...password,
        });
    if (!parsed.success) {
      form.setErrors(zodFieldErrors(parsed.error));
      return;
    }
    try {
      if (user)
        await update.mutateAsync({ id: user.id, version: user.version, patch: parsed.data as UserPatch });
      else await create.mutateAsync(parsed.data as UserCreate);
      form.reset();
      onClose();
    } catch (error) {
      if (isApiError(error, 409) && user) {
        setFailure(t('users.conflict'));
        return;
      }
      const { fields: fieldErrors, general } = describeSubmitError(error, fields);
      form.setErrors(fieldErrors);
      setFailure(general);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <TextInput
            label={t('fields.email')}
            type="email"
            required={!user}
            disabled={Boolean(user)}
            {...form.getInputProps('email')}
          />
          <Select
            label={t('fields.role')}
            required
            allowDeselect={false}
            data={roles.map((role) => ({ value: role, label: t(`enums:role.${role}`) }))}
            {...form.getInputProps('role')}
          />
          <Select
            label={t('fields.locale')}
            allowDeselect={false}
            data={locales.map((locale) => ({ value: locale, label: t(`enums:locale.${locale}`) }))}
            {...form.getInputProps('locale')}
          />
          <PasswordInput
            label={user ? t('fields.newPassword') : t('fields.password')}
            description={user ? t('users.newPasswordHint') : t('users.passwordHint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <CompetencyCheckboxes
            value={form.getValues().competencies}
            onChange={(value) => form.setFieldValue('competencies', value)}
            error={form.errors.competencies}
          />
          {user && (
            <Switch
              label={t('fields.deactivated')}
              description={t('users.deactivatedHint')}
              {...form.getInputProps('deactivated', { type: 'checkbox' })}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {user ? t('common:actions.save') : t('users.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
