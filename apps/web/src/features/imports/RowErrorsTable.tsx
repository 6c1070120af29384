import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../components/charts/download';
import { errorsCsv } from './errorsCsv';
import type { RowError } from './import.api';

const shown = 200;

/** The rows the server refused, with a CSV of all of them to fix the file with. */
export function RowErrorsTable({ errors, fileName }: { errors: RowError[]; fileName: string }) {
  const { t } = useTranslation(['imports']);
  const download = () =>
    downloadText(
      errorsCsv(errors, { row: t('errors.row'), field: t('errors.field'), message: t('errors.message') }),
      `${fileName.replace(/\.csv$/i, '')}-errors.csv`,
      'text/csv;charset=utf-8',
    );
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={600} c="red.8" role="status">
          {t('errors.count', { count: errors.length })}
        </Text>
        <Button variant="default" size="xs" onClick={download}>
          {t('errors.download')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={480} mah={360}>
        <Table striped aria-label={t('errors.title')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('errors.row')}</Table.Th>
              <Table.Th w={180}>{t('errors.field')}</Table.Th>
              <Table.Th>{t('errors.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.slice(0, shown).map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row can have two errors on one field; the list never reorders.
              <Table.Tr key={`${error.row}-${error.field}-${index}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.field}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.length > shown && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.more', { count: errors.length - shown })}
        </Text>
      )}
    </>
  );
}
