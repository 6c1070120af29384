import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SignIn } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api';
import { problemText, serverFieldErrors, zodFieldErrors } from '../../app/forms';
import { PageLoader } from '../../components/PageLoader';
import { AuthCard } from './AuthCard';
import { useSignIn } from './auth.mutations';
import { useMe, useSetupState } from './auth.queries';

/** Only paths inside the app are followed after sign-in, never another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/work';
}

export default function SignInPage() {
  const { t } = useTranslation(['auth', 'common', 'enums']);
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const setup = useSetupState();
  const me = useMe(setup.data?.needsFirstAdmin === false);
  const signIn = useSignIn();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '', password: '' } });

  if (setup.data?.needsFirstAdmin) return <Navigate to="/setup" replace />;
  if (me.data) return <Navigate to={next} replace />;
  if (setup.isPending) return <PageLoader />;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const parsed = SignIn.safeParse(values);
    if (!parsed.success) {
      form.setErrors(zodFieldErrors(parsed.error));
      return;
    }
    try {
      await signIn.mutateAsync(parsed.data);
      navigate(next, { replace: true });
    } catch (error) {
      if (isApiError(error, 401)) setFailure(t('signIn.badCredentials'));
      else if (isApiError(error, 429)) setFailure(t('signIn.tooManyAttempts'));
      else {
        form.setErrors(isApiError(error) ? serverFieldErrors(error.fieldErrors) : {});
        setFailure(problemText(error));
      }
    }
  });

  return (
    <AuthCard title={t('signIn.title')} description={t('signIn.description')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
