import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { TokenCreate } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { describeSubmitError, problemText, zodFieldErrors } from '../../app/forms';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCreateToken, useRevokeToken } from './user.mutations';
import { useTokens } from './user.queries';

export default function TokensPage() {
  const { t, i18n } = useTranslation(['admin', 'common', 'enums']);
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const form = useForm({ initialValues: { name: '' } });

  const submit = form.onSubmit(async (values) => {
    const parsed = TokenCreate.safeParse(values);
    if (!parsed.success) {
      form.setErrors(zodFieldErrors(parsed.error));
      return;
    }
    try {
      const result = await create.mutateAsync(parsed.data);
      setCreated({ name: result.name, token: result.token });
      form.reset();
    } catch (error) {
      const { fields, general } = describeSubmitError(error, ['name']);
      form.setErrors(general ? { ...fields, name: fields.name ?? general } : fields);
    }
  });

  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} />
      <Paper withBorder p="md" radius="md" mb="lg">
        <form onSubmit={submit} noValidate>
          <Group align="flex-start">
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              required
              w={320}
              {...form.getInputProps('name')}
            />
            <Button type="submit" mt={44} loading={create.isPending}>
              {t('tokens.create')}
            </Button>
          </Group>
        </form>
        {created && (
          <Alert
            color="green"
            variant="light"
            mt="md"
            title={t('tokens.createdTitle', { name: created.name })}
          >
            <Stack gap="xs">
              <Text size="sm">{t('tokens.createdBody')}</Text>
              <Group gap="sm" wrap="nowrap">
                <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-token">
                  {created.token}
                </Code>
                <CopyButton value={created.token}>
                  {({ copied, copy }) => (
                    <Button size="xs" color={copied ? 'teal' : 'indigo'} onClick={copy}>
                      {copied ? t('tokens.copied') : t('tokens.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Group>
                <Button size="xs" variant="subtle" onClick={() => setCreated(null)}>
                  {t('tokens.dismiss')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Paper>
      {tokens.isPending ? (
        <PageLoader />
      ) : tokens.isError ? (
        <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyState title={t('tokens.emptyTitle')} description={t('tokens.emptyBody')} />
      ) : (
        <Table aria-label={t('tokens.title')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tokens.name')}</Table.Th>
              <Table.Th>{t('tokens.createdAt')}</Table.Th>
              <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td fw={500}>{token.name}</Table.Td>
                <Table.Td>{formatDate(token.createdAt, i18n.language, true)}</Table.Td>
                <Table.Td>
                  {token.lastUsedAt
                    ? formatDate(token.lastUsedAt, i18n.language, true)
                    : t('tokens.neverUsed')}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    aria-label={t('tokens.revokeNamed', { name: token.name })}
                    loading={revoke.isPending && revoke.variables === token.id}
                    onClick={() =>
                      revoke.mutate(token.id, {
                        onError: (error) =>
                          notifications.show({
                            color: 'red',
                            title: t('common:errors.title'),
                            message: problemText(error),
                          }),
                      })
                    }
                  >
                    {t('tokens.revoke')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
