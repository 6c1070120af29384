import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { MePatch } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSubmitError, zodFieldErrors } from '../../app/forms';
import { tokenKeys } from '../admin/user.queries';
import { useUpdateMe } from './auth.mutations';

const fields = ['currentPassword', 'password', 'revokeTokens'] as const;
const initialValues = { currentPassword: '', password: '', confirm: '', revokeTokens: false };

/**
 * The signed-in user's password change. The server signs out their other sessions; their API tokens are
 * revoked only when the box is ticked (by default integrations keep working).
 */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['auth', 'common']);
  const queryClient = useQueryClient();
  const updateMe = useUpdateMe();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues });

  const close = () => {
    form.setValues(initialValues);
    form.clearErrors();
    setFailure(null);
    onClose();
  };

  const submit = form.onSubmit(async ({ confirm, ...values }) => {
    setFailure(null);
    const parsed = MePatch.safeParse(values);
    const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (!values.currentPassword) errors.currentPassword = t('common:validation.required');
    if (confirm !== values.password) errors.confirm = t('firstRun.passwordsDiffer');
    if (!parsed.success || Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    try {
      await updateMe.mutateAsync(parsed.data);
      if (values.revokeTokens) await queryClient.invalidateQueries({ queryKey: tokenKeys.all });
      notifications.show({
        color: 'green',
        message: values.revokeTokens ? t('changePassword.doneTokens') : t('changePassword.done'),
      });
      close();
    } catch (error) {
      const { fields: fieldErrors, general } = describeSubmitError(error, fields);
      form.setErrors(fieldErrors);
      setFailure(general);
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={t('changePassword.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <PasswordInput
            label={t('changePassword.current')}
            autoComplete="current-password"
            required
            data-autofocus
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('changePassword.new')}
            description={t('changePassword.hint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('fields.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Checkbox
            label={t('changePassword.revokeTokens')}
            description={t('changePassword.revokeTokensHint')}
            {...form.getInputProps('revokeTokens', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('changePassword.cancel')}
            </Button>
            <Button type="submit" loading={updateMe.isPending}>
              {t('changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
