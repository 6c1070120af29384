import { Badge, Button, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { problemText } from '../../app/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useImports, useUndoImport } from './import.queries';

/** Past imports; undoing one removes what it created and reverts what it updated. */
export function ImportHistory() {
  const { t, i18n } = useTranslation(['imports']);
  const imports = useImports();
  const undo = useUndoImport();

  return (
    <>
      <Title order={2} size="h4" mt="xl" mb="xs">
        {t('history.title')}
      </Title>
      {imports.isPending ? (
        <PageLoader />
      ) : imports.isError ? (
        <ErrorAlert error={imports.error} onRetry={() => void imports.refetch()} />
      ) : imports.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('history.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.file')}</Table.Th>
                <Table.Th>{t('history.when')}</Table.Th>
                <Table.Th>{t('result.created')}</Table.Th>
                <Table.Th>{t('result.updated')}</Table.Th>
                <Table.Th>{t('result.skipped')}</Table.Th>
                <Table.Th aria-label={t('history.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imports.data.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td>{record.fileName}</Table.Td>
                  <Table.Td>{formatDate(record.createdAt, i18n.language, true)}</Table.Td>
                  <Table.Td>{record.created}</Table.Td>
                  <Table.Td>{record.updated}</Table.Td>
                  <Table.Td>{record.skipped}</Table.Td>
                  <Table.Td ta="right">
                    {record.undoneAt ? (
                      <Badge color="gray" variant="light" tt="none">
                        {t('history.undone', { date: formatDate(record.undoneAt, i18n.language) })}
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('history.undoLabel', { file: record.fileName })}
                        loading={undo.isPending && undo.variables === record.id}
                        onClick={() =>
                          undo.mutate(record.id, {
                            onSuccess: () =>
                              notifications.show({ color: 'green', message: t('history.undoneDone') }),
                            onError: (error) =>
                              notifications.show({ color: 'red', message: problemText(error) }),
                          })
                        }
                      >
                        {t('history.undo')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
