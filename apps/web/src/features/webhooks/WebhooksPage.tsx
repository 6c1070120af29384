import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  type Webhook,
  WebhookCreate,
  type WebhookDelivery,
  webhookEntities,
  webhookEntityEvents,
} from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { describeSubmitError, problemText, zodFieldErrors } from '../../app/forms';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import {
  useArchiveWebhook,
  useCreateWebhook,
  useRedeliver,
  useRotateSecret,
  useTestWebhook,
  useUpdateWebhook,
} from './webhook.mutations';
import { useDeliveries, useWebhooks } from './webhook.queries';

/** How a receiver checks a delivery (Node.js); the same steps work in any language. */
const verifySample = `const crypto = require('node:crypto');

// rawBody: the request body exactly as received (a string), before any JSON parsing.
function isFromRapport(secret, headers, rawBody) {
  const timestamp = headers['x-rapport-timestamp'];
  const expected = 'sha256=' + crypto
    .createHmac('sha256', secret)
    .update(\`\${timestamp}.\${rawBody}\`)
    .digest('hex');
  const given = String(headers['x-rapport-signature'] ?? '');
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}`;

const statusColor = { pending: 'yellow', delivered: 'green', failed: 'red' } as const;

function SecretAlert({ secret, onClose }: { secret: { url: string; value: string }; onClose: () => void }) {
  const { t } = useTranslation('webhooks');
  return (
    <Alert color="green" variant="light" mb="lg" title={t('secret.title', { url: secret.url })}>
      <Stack gap="xs">
        <Text size="sm">{t('secret.once')}</Text>
        <Group gap="sm" wrap="nowrap">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="webhook-secret">
            {secret.value}
          </Code>
          <CopyButton value={secret.value}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'teal' : 'indigo'} onClick={copy}>
                {copied ? t('secret.copied') : t('secret.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t('secret.verify')}</Text>
        <Code block>{verifySample}</Code>
        <Group>
          <Button size="xs" variant="subtle" onClick={onClose}>
            {t('secret.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (url: string, secret: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['webhooks', 'common']);
  const create = useCreateWebhook();
  const form = useForm({
    initialValues: { url: '', description: '', eventTypes: [] as string[], active: true },
  });
  const submit = form.onSubmit(async (values) => {
    const parsed = WebhookCreate.safeParse(values);
    if (!parsed.success) {
      form.setErrors(zodFieldErrors(parsed.error));
      return;
    }
    try {
      const created = await create.mutateAsync(parsed.data);
      onCreated(created.url, created.secret);
      form.reset();
    } catch (error) {
      const { fields, general } = describeSubmitError(error, ['url', 'description', 'eventTypes']);
      form.setErrors(general ? { ...fields, url: fields.url ?? general } : fields);
    }
  });
  return (
    <Paper withBorder p="md" radius="md" mb="lg">
      <form onSubmit={submit} noValidate aria-label={t('form.title')}>
        <Stack>
          <Title order={2} size="h4">
            {t('form.title')}
          </Title>
          <TextInput
            label={t('form.url')}
            description={t('form.urlHint')}
            placeholder="https://example.com/rapport-events"
            required
            {...form.getInputProps('url')}
          />
          <Textarea
            label={t('form.description')}
            autosize
            minRows={1}
            {...form.getInputProps('description')}
          />
          <Checkbox.Group
            label={t('form.events')}
            description={t('form.eventsHint')}
            required
            {...form.getInputProps('eventTypes')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
              {webhookEntities.map((entity) => (
                <Paper key={entity} withBorder p="sm" radius="sm" component="fieldset" m={0}>
                  <Text component="legend" size="sm" fw={600} px={4}>
                    {t(`entities.${entity}`)}
                  </Text>
                  <Stack gap={6}>
                    {webhookEntityEvents[entity].map((event) => (
                      <Checkbox
                        key={event}
                        value={`${entity}.${event}`}
                        label={t(`events.${event}`)}
                        aria-label={`${t(`entities.${entity}`)}: ${t(`events.${event}`)}`}
                      />
                    ))}
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Switch label={t('form.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('form.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Deliveries({ webhook }: { webhook: Webhook }) {
  const { t, i18n } = useTranslation(['webhooks', 'common']);
  const [status, setStatus] = useState<string>('all');
  const deliveries = useDeliveries(webhook.id, status === 'all' ? null : status);
  const redeliver = useRedeliver();
  const when = (iso: string | null) => (iso ? formatDate(iso, i18n.language, true) : '—');
  return (
    <Paper withBorder p="md" radius="md" mt="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('deliveries.title', { url: webhook.url })}
        </Title>
        <SegmentedControl
          aria-label={t('deliveries.filter')}
          value={status}
          onChange={setStatus}
          data={(['all', 'pending', 'delivered', 'failed'] as const).map((value) => ({
            value,
            label: t(`status.${value}`),
          }))}
        />
      </Group>
      {deliveries.isPending ? (
        <PageLoader />
      ) : deliveries.isError ? (
        <ErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : deliveries.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('deliveries.empty')}
        </Text>
      ) : (
        <Table aria-label={t('deliveries.table')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deliveries.at')}</Table.Th>
              <Table.Th>{t('deliveries.event')}</Table.Th>
              <Table.Th>{t('deliveries.status')}</Table.Th>
              <Table.Th>{t('deliveries.code')}</Table.Th>
              <Table.Th>{t('deliveries.attempts')}</Table.Th>
              <Table.Th>{t('deliveries.next')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.data.map((delivery: WebhookDelivery) => (
              <Table.Tr key={delivery.id} data-testid="delivery-row">
                <Table.Td>{when(delivery.createdAt)}</Table.Td>
                <Table.Td>
                  <Code>{delivery.eventType}</Code>
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColor[delivery.status]} variant="light">
                    {t(`status.${delivery.status}`)}
                  </Badge>
                  {delivery.lastError && (
                    <Text size="xs" c="dimmed" maw={320}>
                      {delivery.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{delivery.lastStatusCode ?? '—'}</Table.Td>
                <Table.Td>{delivery.attempts}</Table.Td>
                <Table.Td>{when(delivery.nextAttemptAt)}</Table.Td>
                <Table.Td ta="right">
                  {delivery.status !== 'pending' && (
                    <Button
                      size="xs"
                      variant="light"
                      loading={redeliver.isPending && redeliver.variables === delivery.id}
                      onClick={() =>
                        redeliver.mutate(delivery.id, {
                          onSuccess: () => notifications.show({ message: t('deliveries.redelivered') }),
                          onError: (error) =>
                            notifications.show({
                              color: 'red',
                              title: t('common:errors.title'),
                              message: problemText(error),
                            }),
                        })
                      }
                    >
                      {t('deliveries.redeliver')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

export default function WebhooksPage() {
  const { t } = useTranslation(['webhooks', 'common']);
  const webhooks = useWebhooks();
  const update = useUpdateWebhook();
  const archive = useArchiveWebhook();
  const rotate = useRotateSecret();
  const test = useTestWebhook();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ url: string; value: string } | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<WebhookDelivery | null>(null);
  const failed = (error: unknown) =>
    notifications.show({ color: 'red', title: t('common:errors.title'), message: problemText(error) });
  const selected = webhooks.data?.find((hook) => hook.id === selectedId) ?? null;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <ExportCsvButton path="/webhooks" />
            {!creating && (
              <Button onClick={() => setCreating(true)} data-testid="webhook-new">
                {t('new')}
              </Button>
            )}
          </>
        }
      />
      {secret && <SecretAlert secret={secret} onClose={() => setSecret(null)} />}
      {creating && (
        <CreateForm
          onCancel={() => setCreating(false)}
          onCreated={(url, value) => {
            setSecret({ url, value });
            setCreating(false);
          }}
        />
      )}
      {testResult && (
        <Alert
          mb="lg"
          color={testResult.status === 'delivered' ? 'green' : 'red'}
          title={testResult.status === 'delivered' ? t('test.ok') : t('test.failed')}
          withCloseButton
          onClose={() => setTestResult(null)}
          data-testid="webhook-test-result"
        >
          {t('test.detail', {
            code: testResult.lastStatusCode ?? '—',
            ms: testResult.attemptLog.at(-1)?.durationMs ?? 0,
          })}
          {testResult.lastError && ` ${testResult.lastError}`}
        </Alert>
      )}
      {webhooks.isPending ? (
        <PageLoader />
      ) : webhooks.isError ? (
        <ErrorAlert error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      ) : webhooks.data.length === 0 ? (
        !creating && (
          <EmptyState
            title={t('empty.title')}
            description={t('empty.body')}
            action={<Button onClick={() => setCreating(true)}>{t('new')}</Button>}
          />
        )
      ) : (
        <Table aria-label={t('title')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.url')}</Table.Th>
              <Table.Th>{t('list.events')}</Table.Th>
              <Table.Th>{t('list.active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {webhooks.data.map((hook) => (
              <Table.Tr key={hook.id} data-testid="webhook-row">
                <Table.Td>
                  <Text fw={500} style={{ wordBreak: 'break-all' }}>
                    {hook.url}
                  </Text>
                  {hook.description && (
                    <Text size="xs" c="dimmed">
                      {hook.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {hook.eventTypes.map((type) => (
                      <Badge key={type} variant="outline" size="sm" tt="none">
                        {type}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t('list.activeNamed', { url: hook.url })}
                    checked={hook.active}
                    onChange={(event) =>
                      update.mutate(
                        {
                          id: hook.id,
                          version: hook.version,
                          patch: { active: event.currentTarget.checked },
                        },
                        { onError: failed },
                      )
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant={selectedId === hook.id ? 'filled' : 'light'}
                      onClick={() => setSelectedId(selectedId === hook.id ? null : hook.id)}
                    >
                      {t('list.deliveries')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      loading={test.isPending && test.variables === hook.id}
                      onClick={() =>
                        test.mutate(hook.id, {
                          onSuccess: (delivery) => {
                            setTestResult(delivery);
                            setSelectedId(hook.id);
                          },
                          onError: failed,
                        })
                      }
                    >
                      {t('list.test')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color="orange"
                      onClick={() =>
                        window.confirm(t('list.rotateConfirm')) &&
                        rotate.mutate(
                          { id: hook.id, version: hook.version },
                          {
                            onSuccess: (rotated) => setSecret({ url: rotated.url, value: rotated.secret }),
                            onError: failed,
                          },
                        )
                      }
                    >
                      {t('list.rotate')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={t('list.archiveNamed', { url: hook.url })}
                      onClick={() =>
                        window.confirm(t('list.archiveConfirm')) &&
                        archive.mutate({ id: hook.id, version: hook.version }, { onError: failed })
                      }
                    >
                      {t('list.archive')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {selected && <Deliveries webhook={selected} />}
    </>
  );
}
