import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { AcknowledgementProgress } from '../materials/AcknowledgementProgress';
import { MyReading } from '../materials/MyReading';
import { useModelMaterials } from './model.queries';

/** The training and awareness materials that teach this model, and who has read them. */
export function ModelMaterials({ modelId }: { modelId: string }) {
  const { t } = useTranslation(['models']);
  const canWrite = useCan('approach.write');
  const materials = useModelMaterials(modelId);

  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        {canWrite && (
          <Anchor
            component={Link}
            to={`/approach/materials?new=1&modelId=${encodeURIComponent(modelId)}`}
            size="sm"
          >
            {t('materials.add')}
          </Anchor>
        )}
        <Anchor component={Link} to="/approach/materials" size="sm">
          {t('materials.all')}
        </Anchor>
      </Group>
      {materials.isPending ? (
        <PageLoader />
      ) : materials.isError ? (
        <ErrorAlert error={materials.error} onRetry={() => void materials.refetch()} />
      ) : materials.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {canWrite ? t('materials.empty') : t('materials.emptyReadOnly')}
        </Text>
      ) : (
        <Table aria-label={t('materials.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('materials.material')}</Table.Th>
              <Table.Th>{t('materials.readBy')}</Table.Th>
              <Table.Th>{t('materials.you')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {materials.data.map((material) => (
              <Table.Tr key={material.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/approach/materials/${material.id}`}>
                    {material.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <AcknowledgementProgress material={material} />
                </Table.Td>
                <Table.Td>
                  <MyReading material={material} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
