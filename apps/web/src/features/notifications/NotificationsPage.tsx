import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import {
  type Notification,
  type NotificationKind,
  type NotificationSettings,
  notificationKinds,
} from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { problemText } from '../../app/forms';
import { currentLocale } from '../../app/i18n';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { CalendarFeedSection } from '../calendar/CalendarFeedSection';
import { useMarkAllRead, useMarkRead, useSaveNotificationSettings } from './notification.mutations';
import { useNotificationSettings, useNotifications } from './notification.queries';

export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  return (
    <Stack gap="xl">
      <PageHeader title={t('title')} description={t('description')} />
      <Inbox />
      <Preferences />
      <CalendarFeedSection />
    </Stack>
  );
}

function Inbox() {
  const { t } = useTranslation('notifications');
  const [filter, setFilter] = useState<'all' | 'unread'>('unread');
  const query = useNotifications(filter === 'unread');
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Stack gap="md" component="section" aria-labelledby="inbox-heading">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id="inbox-heading">
          {t('inbox.title')}
        </Title>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('inbox.filter')}
            value={filter}
            onChange={(value) => setFilter(value as 'all' | 'unread')}
            data={[
              { value: 'unread', label: t('inbox.unread') },
              { value: 'all', label: t('inbox.all') },
            ]}
          />
          <Button variant="light" onClick={() => markAll.mutate()} loading={markAll.isPending}>
            {t('inbox.markAllRead')}
          </Button>
        </Group>
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filter === 'unread' ? t('inbox.emptyUnread') : t('inbox.empty')}
          description={t('inbox.emptyHint')}
        />
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <NotificationItem
              key={item.id}
              item={item}
              onRead={() => markRead.mutate(item.id)}
              reading={markRead.isPending && markRead.variables === item.id}
            />
          ))}
        </Stack>
      )}
      {query.hasNextPage && (
        <Button
          variant="subtle"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
        >
          {t('inbox.more')}
        </Button>
      )}
    </Stack>
  );
}

function NotificationItem({
  item,
  onRead,
  reading,
}: {
  item: Notification;
  onRead: () => void;
  reading: boolean;
}) {
  const { t } = useTranslation('notifications');
  const unread = item.readAt === null;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-testid="notification"
      bg={unread ? 'indigo.0' : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            {unread && (
              <Badge size="xs" color="indigo">
                {t('inbox.new')}
              </Badge>
            )}
            <Anchor component={Link} to={item.link} fw={600} onClick={() => unread && onRead()}>
              {item.title}
            </Anchor>
          </Group>
          <Text size="sm">{item.body}</Text>
          <Text size="xs" c="dimmed">
            {formatDate(item.createdAt, currentLocale(), true)}
            {item.emailStatus === 'failed' && ` · ${t('inbox.emailFailed')}`}
          </Text>
        </Stack>
        {unread && (
          <Button
            size="xs"
            variant="subtle"
            onClick={onRead}
            loading={reading}
            aria-label={t('inbox.markReadOf', { title: item.title })}
          >
            {t('inbox.markRead')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

type Choice = Record<NotificationKind, { inApp: boolean; email: boolean }>;

const choiceOf = (settings: NotificationSettings): Choice =>
  Object.fromEntries(settings.preferences.map((p) => [p.kind, { inApp: p.inApp, email: p.email }])) as Choice;

function Preferences() {
  const { t } = useTranslation('notifications');
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [digest, setDigest] = useState<'immediate' | 'daily'>('immediate');

  useEffect(() => {
    if (settings.data) {
      setChoice(choiceOf(settings.data));
      setDigest(settings.data.digest);
    }
  }, [settings.data]);

  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!choice) return null;

  const toggle = (kind: NotificationKind, channel: 'inApp' | 'email', value: boolean) =>
    setChoice({ ...choice, [kind]: { ...choice[kind], [channel]: value } });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        version: settings.data.version,
        body: { digest, preferences: notificationKinds.map((kind) => ({ kind, ...choice[kind] })) },
      },
      {
        onSuccess: () => toast.show({ color: 'green', message: t('preferences.saved') }),
        onError: (error) => {
          if (isApiError(error, 409)) void settings.refetch();
          toast.show({
            color: isApiError(error, 409) ? 'orange' : 'red',
            message: isApiError(error, 409) ? t('preferences.conflict') : problemText(error),
          });
        },
      },
    );
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="preferences-heading">
      <Title order={2} size="h4" id="preferences-heading">
        {t('preferences.title')}
      </Title>
      {!settings.data.emailEnabled && (
        <Alert color="gray" variant="light">
          {t('preferences.emailOff')}
        </Alert>
      )}
      <form onSubmit={submit}>
        <Stack gap="md">
          <Table withTableBorder striped maw={720}>
            <Table.Caption>{t('preferences.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('preferences.kind')}</Table.Th>
                <Table.Th scope="col">{t('preferences.inApp')}</Table.Th>
                <Table.Th scope="col">{t('preferences.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {notificationKinds.map((kind) => (
                <Table.Tr key={kind}>
                  <Table.Th scope="row" fw={400}>
                    {t(`kinds.${kind}`)}
                  </Table.Th>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('preferences.inAppOf', { kind: t(`kinds.${kind}`) })}
                      checked={choice[kind].inApp}
                      onChange={(event) => toggle(kind, 'inApp', event.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('preferences.emailOf', { kind: t(`kinds.${kind}`) })}
                      checked={choice[kind].email}
                      onChange={(event) => toggle(kind, 'email', event.currentTarget.checked)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Radio.Group
            label={t('preferences.digest')}
            value={digest}
            onChange={(value) => setDigest(value as 'immediate' | 'daily')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="immediate" label={t('preferences.immediate')} />
              <Radio value="daily" label={t('preferences.daily')} />
            </Stack>
          </Radio.Group>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('preferences.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
