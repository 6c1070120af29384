import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemText } from '../app/forms';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A failed request, said in the user's language, with a way to try again when that can help. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation(['common', 'enums']);
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text size="sm">{problemText(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
