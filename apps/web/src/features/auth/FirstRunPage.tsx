import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FirstAdmin } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { isApiError } from '../../app/api';
import { describeSubmitError, zodFieldErrors } from '../../app/forms';
import { currentLocale } from '../../app/i18n';
import { PageLoader } from '../../components/PageLoader';
import { AuthCard } from './AuthCard';
import { useFirstRun } from './auth.mutations';
import { useSetupState } from './auth.queries';

const fields = ['email', 'name', 'password'] as const;

/** A new installation: the first administrator is created here and signed in. */
export default function FirstRunPage() {
  const { t } = useTranslation(['auth', 'common', 'enums']);
  const navigate = useNavigate();
  const setup = useSetupState();
  const firstRun = useFirstRun();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '', name: '', password: '', confirm: '' } });

  if (setup.isPending) return <PageLoader />;
  if (setup.data?.needsFirstAdmin === false && !firstRun.isSuccess) return <Navigate to="/sign-in" replace />;

  const submit = form.onSubmit(async ({ confirm, ...values }) => {
    setFailure(null);
    const parsed = FirstAdmin.safeParse({ ...values, locale: currentLocale() });
    const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (confirm !== values.password) errors.confirm = t('firstRun.passwordsDiffer');
    if (!parsed.success || Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    try {
      await firstRun.mutateAsync(parsed.data);
      navigate('/work', { replace: true });
    } catch (error) {
      if (isApiError(error, 409)) {
        setFailure(t('firstRun.alreadyDone'));
        return;
      }
      const { fields: fieldErrors, general } = describeSubmitError(error, fields);
      form.setErrors(fieldErrors);
      setFailure(general);
    }
  });

  return (
    <AuthCard title={t('firstRun.title')} description={t('firstRun.description')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('fields.password')}
            description={t('firstRun.passwordHint')}
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
          <Button type="submit" loading={firstRun.isPending} fullWidth>
            {t('firstRun.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
