import { Badge, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useMaterialReaders } from './material.queries';

/** Who has read the current revision and who has not yet: the coverage the practice asks to measure. */
export function MaterialReadersPanel({ materialId }: { materialId: string }) {
  const { t, i18n } = useTranslation(['materials', 'enums']);
  const readers = useMaterialReaders(materialId);

  if (readers.isPending) return <PageLoader />;
  if (readers.isError) return <ErrorAlert error={readers.error} onRetry={() => void readers.refetch()} />;
  const { acknowledged, pending, revision } = readers.data;
  if (acknowledged.length + pending.length === 0)
    return (
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('readers.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('readers.noAudience')}
        </Text>
      </Stack>
    );

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('readers.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('readers.summary', {
          acknowledged: acknowledged.length,
          audience: acknowledged.length + pending.length,
          revision,
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('readers.acknowledged', { count: acknowledged.length })}
          </Title>
          {acknowledged.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('readers.noneYet')}
            </Text>
          ) : (
            <Table aria-label={t('readers.acknowledgedTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('readers.name')}</Table.Th>
                  <Table.Th>{t('readers.role')}</Table.Th>
                  <Table.Th>{t('readers.when')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {acknowledged.map((reader) => (
                  <Table.Tr key={reader.userId}>
                    <Table.Td>{reader.name}</Table.Td>
                    <Table.Td>{t(`enums:role.${reader.role}`)}</Table.Td>
                    <Table.Td>
                      {formatDate(reader.acknowledgedAt, i18n.language, true)}
                      <Text size="xs" c="dimmed">
                        {t('detail.revision', { revision: reader.revision })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('readers.pending', { count: pending.length })}
          </Title>
          {pending.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('readers.everyoneRead')}
            </Text>
          ) : (
            <Table aria-label={t('readers.pendingTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('readers.name')}</Table.Th>
                  <Table.Th>{t('readers.role')}</Table.Th>
                  <Table.Th>{t('readers.earlier')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.map((reader) => (
                  <Table.Tr key={reader.userId}>
                    <Table.Td>{reader.name}</Table.Td>
                    <Table.Td>{t(`enums:role.${reader.role}`)}</Table.Td>
                    <Table.Td>
                      {reader.acknowledgedRevision === null ? (
                        <Text size="sm" c="dimmed">
                          {t('readers.neverRead')}
                        </Text>
                      ) : (
                        <Badge color="yellow" variant="light">
                          {t('readers.readOlder', { revision: reader.acknowledgedRevision })}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
