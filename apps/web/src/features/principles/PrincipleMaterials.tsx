import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { AcknowledgementProgress } from '../materials/AcknowledgementProgress';
import { MyReading } from '../materials/MyReading';
import { useMaterials } from '../materials/material.queries';

/** The training and awareness materials that teach this principle. */
export function PrincipleMaterials({ principleId }: { principleId: string }) {
  const { t } = useTranslation(['principles']);
  const canWrite = useCan('approach.write');
  const materials = useMaterials({ q: '', pendingForMe: false, principleId });
  const addLink = canWrite && (
    <Button
      component={Link}
      to={`/approach/materials?new=1&principleId=${encodeURIComponent(principleId)}`}
      variant="light"
      size="xs"
    >
      {t('materials.add')}
    </Button>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('materials.title')}
        </Title>
        {addLink}
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
              <Table.Th>{t('materials.acknowledged')}</Table.Th>
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
