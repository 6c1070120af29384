import { Alert, Button, Code, CopyButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { problemText } from '../../app/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { ConfirmFeedChange, type FeedChange } from './ConfirmFeedChange';
import { useCreateCalendarFeed, useRevokeCalendarFeed } from './calendar.mutations';
import { useCalendarFeed } from './calendar.queries';

const apps = ['outlook', 'google', 'apple'] as const;

/**
 * The user's calendar feed: a secret address of their reviews, contacts and follow-ups due, for Outlook, Google
 * Calendar and Apple Calendar. The server keeps only a digest of it, so the address is shown once, when made.
 */
export function CalendarFeedSection() {
  const { t, i18n } = useTranslation(['calendar', 'common']);
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [change, setChange] = useState<FeedChange | null>(null);
  const [url, setUrl] = useState<string | null>(null);

  const failed = (error: unknown) =>
    toast.show({ color: 'red', title: t('common:errors.title'), message: problemText(error) });

  const confirm = (confirmed: FeedChange) => {
    if (confirmed === 'revoke') {
      revoke.mutate(undefined, {
        onSuccess: () => {
          setUrl(null);
          toast.show({ color: 'green', message: t('revoked') });
        },
        onError: failed,
        onSettled: () => setChange(null),
      });
      return;
    }
    create.mutate(undefined, {
      onSuccess: (created) => setUrl(created.url),
      onError: failed,
      onSettled: () => setChange(null),
    });
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="calendar-feed-heading">
      <Title order={2} size="h4" id="calendar-feed-heading">
        {t('title')}
      </Title>
      <Text size="sm" maw={720}>
        {t('description')}
      </Text>
      {feed.isPending ? (
        <PageLoader />
      ) : feed.isError ? (
        <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <Paper withBorder p="md" radius="md" maw={720}>
          <Stack gap="sm">
            {feed.data.exists && feed.data.createdAt ? (
              <>
                <Text size="sm" data-testid="calendar-feed-status">
                  {t('active', { date: formatDate(feed.data.createdAt, i18n.language, true) })}
                </Text>
                <Group gap="sm">
                  <Button variant="light" onClick={() => setChange('rotate')}>
                    {t('rotate')}
                  </Button>
                  <Button variant="light" color="red" onClick={() => setChange('revoke')}>
                    {t('revoke')}
                  </Button>
                </Group>
              </>
            ) : (
              <>
                <Text size="sm" data-testid="calendar-feed-status">
                  {t('none')}
                </Text>
                <Group>
                  <Button onClick={() => setChange('create')}>{t('create')}</Button>
                </Group>
              </>
            )}
            {url && (
              <Alert color="green" variant="light" title={t('url.title')}>
                <Stack gap="xs">
                  <Text size="sm">{t('url.once')}</Text>
                  <Group gap="sm" wrap="nowrap">
                    <Code
                      block
                      // A long address wraps inside the alert rather than widening it.
                      style={{ flex: 1, minWidth: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                      data-testid="calendar-feed-url"
                      aria-label={t('url.label')}
                    >
                      {url}
                    </Code>
                    <CopyButton value={url}>
                      {({ copied, copy }) => (
                        <Button size="xs" color={copied ? 'teal' : 'indigo'} onClick={copy}>
                          {copied ? t('url.copied') : t('url.copy')}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                  <Group>
                    <Button size="xs" variant="subtle" onClick={() => setUrl(null)}>
                      {t('url.dismiss')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
      <Stack gap="xs" maw={720}>
        <Title order={3} size="h5">
          {t('howTo.title')}
        </Title>
        <List size="sm" spacing="xs">
          {apps.map((app) => (
            <List.Item key={app}>
              <Text span size="sm" fw={600}>
                {t(`howTo.${app}.name`)}
              </Text>
              {t('howTo.separator')}
              {t(`howTo.${app}.steps`)}
            </List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {t('howTo.refresh')}
        </Text>
      </Stack>
      <ConfirmFeedChange
        change={change}
        busy={create.isPending || revoke.isPending}
        onConfirm={confirm}
        onCancel={() => setChange(null)}
      />
    </Stack>
  );
}
