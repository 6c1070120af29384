import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from './import.api';

interface Props {
  preview: ImportPreview;
  mapping: Record<string, string | null>;
  onChange: (mapping: Record<string, string | null>) => void;
}

const ignore = '__ignore__';

/** Each column of the file, an example value, and the stakeholder field it fills (or ignored). */
export function MappingTable({ preview, mapping, onChange }: Props) {
  const { t } = useTranslation(['imports', 'stakeholders']);
  const fieldLabel = (field: string) => {
    const key = `stakeholders:fields.${field}`;
    const label = t(key as 'stakeholders:fields.name');
    return label === key || label === `fields.${field}` ? field : `${label} (${field})`;
  };
  const data = [
    { value: ignore, label: t('mapping.ignore') },
    ...preview.fields.map((field) => ({ value: field, label: fieldLabel(field) })),
  ];
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={t('mapping.title')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mapping.column')}</Table.Th>
            <Table.Th>{t('mapping.example')}</Table.Th>
            <Table.Th>{t('mapping.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.headers.map((header, index) => (
            <Table.Tr key={header}>
              <Table.Td fw={500}>{header}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={1} maw={260}>
                  {preview.rows[0]?.[index] ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('mapping.fieldFor', { column: header })}
                  data={data}
                  value={mapping[header] ?? ignore}
                  onChange={(value) =>
                    onChange({ ...mapping, [header]: value === ignore || !value ? null : value })
                  }
                  allowDeselect={false}
                  searchable
                  w={260}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
