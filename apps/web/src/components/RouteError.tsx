import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Shown when a screen fails to render or its code cannot be loaded (e.g. after a new release). */
export function RouteError() {
  const { t } = useTranslation(['common', 'enums']);
  const error = useRouteError();
  return (
    <Center mih="60vh" p="xl">
      <Stack align="center" maw={480} ta="center">
        <Title order={1} size="h3">
          {t('errors.crashTitle')}
        </Title>
        <Text c="dimmed">{t('errors.crashBody')}</Text>
        {error instanceof Error && (
          <Text size="xs" c="dimmed" ff="monospace">
            {error.message}
          </Text>
        )}
        <Button onClick={() => window.location.reload()}>{t('actions.reload')}</Button>
      </Stack>
    </Center>
  );
}
