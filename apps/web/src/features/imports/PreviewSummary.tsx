import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from './import.api';

/** What the server read from the file: encoding, separator, size and its first rows. */
export function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation(['imports']);
  return (
    <>
      <Group gap="xl" mb="sm">
        <Text size="sm">
          <b>{t('preview.file')}:</b> {preview.fileName}
        </Text>
        <Text size="sm">
          <b>{t('preview.encoding')}:</b> {preview.encoding.toUpperCase()}
        </Text>
        <Text size="sm">
          <b>{t('preview.delimiter')}:</b>{' '}
          {preview.delimiter === ';' ? t('preview.semicolon') : t('preview.comma')}
        </Text>
        <Text size="sm">
          <b>{t('preview.rows')}:</b> {preview.rowCount}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={480} mah={260}>
        <Table striped withTableBorder aria-label={t('preview.firstRows')} fz="xs" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              {preview.headers.map((header) => (
                <Table.Th key={header} style={{ whiteSpace: 'nowrap' }}>
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.slice(0, 5).map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity and never reorder.
              <Table.Tr key={index}>
                {preview.headers.map((header, column) => (
                  <Table.Td key={header} style={{ whiteSpace: 'nowrap' }}>
                    {row[column] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
