import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { AcknowledgementProgress } from './AcknowledgementProgress';
import { MyReading } from './MyReading';
import { useMaterials } from './material.queries';

interface Props {
  /** The principle or the model the materials teach. */
  attachedTo: { principleId: string } | { modelId: string };
  /** Where the document kind keeps this section's texts: `principles:materials` or `models:materials`. */
  texts: 'principles:materials' | 'models:materials';
  /** A heading of its own, where the page does not give the section one. */
  withTitle?: boolean;
}

/** The training and awareness materials attached to a principle or a model, and who has read them. */
export function AttachedMaterials({ attachedTo, texts, withTitle = false }: Props) {
  const { t } = useTranslation(['principles', 'models']);
  const text = (key: string) => String(t(`${texts}.${key}` as never));
  const canWrite = useCan('approach.write');
  const materials = useMaterials({ q: '', pendingForMe: false, ...attachedTo });
  const [param, id] = Object.entries(attachedTo)[0] as [string, string];

  return (
    <Stack gap="sm">
      <Group justify={withTitle ? 'space-between' : 'flex-end'}>
        {withTitle && (
          <Title order={2} size="h3">
            {text('title')}
          </Title>
        )}
        <Group gap="md">
          {canWrite && (
            <Anchor
              component={Link}
              to={`/approach/materials?new=1&${param}=${encodeURIComponent(id)}`}
              size="sm"
            >
              {text('add')}
            </Anchor>
          )}
          <Anchor component={Link} to="/approach/materials" size="sm">
            {text('all')}
          </Anchor>
        </Group>
      </Group>
      {materials.isPending ? (
        <PageLoader />
      ) : materials.isError ? (
        <ErrorAlert error={materials.error} onRetry={() => void materials.refetch()} />
      ) : materials.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {canWrite ? text('empty') : text('emptyReadOnly')}
        </Text>
      ) : (
        <Table aria-label={text('title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text('material')}</Table.Th>
              <Table.Th>{text('readBy')}</Table.Th>
              <Table.Th>{text('you')}</Table.Th>
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
